import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { InvoiceType } from "../invoices/invoice.type.ts";
import type { BusinessContext } from "../shared/context.ts";
import { PaymentType } from "./payment.type.ts";
import { RefundType } from "./refund.type.ts";

@Resolver(() => PaymentType)
export class PaymentFieldsResolver {
  @FieldResolver(() => InvoiceType, { nullable: true })
  async invoice(@Root() payment: PaymentType, @Ctx() ctx: BusinessContext): Promise<InvoiceType | null> {
    if (!payment.invoiceId) return null;
    const invoice = await ctx.records.invoice.load(payment.invoiceId);
    return invoice ? InvoiceType.from(invoice) : null;
  }

  @FieldResolver(() => [RefundType])
  refunds(@Root() payment: PaymentType, @Ctx() ctx: BusinessContext): Promise<RefundType[]> {
    return ctx.records.refundsByPayment.load(payment.id);
  }
}
