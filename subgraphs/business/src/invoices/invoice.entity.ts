import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { Customer } from "../customers/customer.entity.ts";
import { CURRENCY, ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";

export const INVOICE_STATUSES = ["paid", "open", "void", "uncollectible"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface InvoiceLineData {
  description: string;
  quantity: number;
  unitAmount: number;
  amount: number;
}

/** Immutable once issued; numbered per business+mode without gaps. */
@Entity({ tableName: "invoice" })
@Unique({ properties: ["businessId", "mode", "number"] })
@Index({ properties: ["businessId", "mode", "customerId", "issuedAt"] })
@Index({ properties: ["businessId", "mode", "issuedAt", "id"] })
export class Invoice {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("in");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => Customer, mapToPk: true, fieldName: "customer_id" })
  customerId!: string;

  @ManyToOne({ entity: () => Subscription, mapToPk: true, fieldName: "subscription_id", nullable: true })
  subscriptionId?: string | null;

  @Property({ type: "string", length: 40 })
  number!: string;

  @Enum({ items: [...INVOICE_STATUSES], type: "string" })
  status!: InvoiceStatus;

  @Property({ ...CURRENCY })
  currency!: string;

  @Property({ type: "integer" })
  subtotal!: number;

  @Property({ type: "integer" })
  tax!: number;

  @Property({ type: "integer" })
  total!: number;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  issuedAt: Date & Opt = new Date();

  @Property({ type: "json" })
  lines!: InvoiceLineData[];
}
