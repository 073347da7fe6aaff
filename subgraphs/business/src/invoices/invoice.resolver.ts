import { Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { connectionType } from "../shared/connection.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import { type Page, mapPage } from "../shared/pagination.ts";
import { listInvoices } from "./invoice.service.ts";
import { InvoiceType } from "./invoice.type.ts";

export const InvoiceConnection = connectionType("InvoiceConnection", InvoiceType);

@ArgsType()
class InvoicesArgs {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => InvoiceType)
export class InvoiceResolver {
  @Query(() => InvoiceConnection)
  @Directive("@inaccessible")
  async invoices(@Args(() => InvoicesArgs) args: InvoicesArgs, @Ctx() ctx: BusinessContext): Promise<Page<InvoiceType>> {
    return mapPage(await listInvoices(ctx.em, merchantScope(ctx), args), InvoiceType.from);
  }

  /** Signed fresh on every read (15 minutes), so a copied link stops working. */
  @FieldResolver(() => String)
  pdfUrl(@Root() invoice: InvoiceType, @Ctx() ctx: BusinessContext): string {
    if (!ctx.invoiceLinks) throw new Error("invoiceLinks is missing from the context");
    return ctx.invoiceLinks.pathFor(invoice);
  }
}
