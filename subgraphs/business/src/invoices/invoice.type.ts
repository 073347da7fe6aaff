import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { InvoiceStatusEnum } from "../shared/enums.ts";
import type { Invoice } from "./invoice.entity.ts";

@ObjectType("InvoiceLine")
export class InvoiceLineType {
  @Field(() => String)
  description!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int)
  unitAmount!: number;

  @Field(() => Int)
  amount!: number;
}

/** What InvoiceType reads of an invoice: the entity or a plain row of it. */
export const INVOICE_FIELDS = [
  "id", "businessId", "number", "status", "currency", "subtotal", "tax", "total", "issuedAt", "lines", "subscriptionId",
] as const satisfies readonly (keyof Invoice)[];
export type InvoiceFields = Pick<Invoice, (typeof INVOICE_FIELDS)[number]>;

@ObjectType("Invoice")
export class InvoiceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  number!: string;

  @Field(() => InvoiceStatusEnum)
  status!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => Int)
  subtotal!: number;

  @Field(() => Int)
  tax!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => DateTimeResolver)
  issuedAt!: Date;

  @Field(() => [InvoiceLineType])
  lines!: InvoiceLineType[];

  @Field(() => ID, { nullable: true })
  subscriptionId?: string | null;

  @Field(() => String, { description: "A signed link to the invoice PDF on the public origin, valid for 15 minutes: fetch it fresh, do not store it." })
  pdfUrl!: string;

  /** Not in the schema: signs pdfUrl. */
  businessId!: string;

  static from(invoice: InvoiceFields): InvoiceType {
    return Object.assign(new InvoiceType(), {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      subtotal: invoice.subtotal,
      tax: invoice.tax,
      total: invoice.total,
      issuedAt: invoice.issuedAt,
      lines: invoice.lines,
      subscriptionId: invoice.subscriptionId ?? null,
      businessId: invoice.businessId,
    });
  }
}
