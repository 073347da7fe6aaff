import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { Customer } from "../customers/customer.entity.ts";
import { Invoice } from "../invoices/invoice.entity.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { CURRENCY, ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";

export const PAYMENT_STATUSES = ["succeeded", "failed", "processing"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

@Entity({ tableName: "payment" })
@Index({ properties: ["businessId", "mode", "customerId", "createdAt"] })
@Unique({ properties: ["businessId", "mode", "idempotencyKey"] })
export class Payment {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("pay");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => Customer, mapToPk: true, fieldName: "customer_id" })
  customerId!: string;

  @ManyToOne({ entity: () => Subscription, mapToPk: true, fieldName: "subscription_id", nullable: true })
  subscriptionId?: string | null;

  @ManyToOne({ entity: () => Invoice, mapToPk: true, fieldName: "invoice_id", nullable: true })
  invoiceId?: string | null;

  @Property({ type: "integer" })
  amount!: number;

  @Property({ ...CURRENCY })
  currency!: string;

  @Enum({ items: [...PAYMENT_STATUSES], type: "string" })
  status!: PaymentStatus;

  @Property({ type: "string", length: 200, nullable: true })
  failureReason?: string | null;

  @ManyToOne({ entity: () => PaymentMethod, mapToPk: true, fieldName: "payment_method_id", nullable: true })
  paymentMethodId?: string | null;

  /** A retried request with the same key returns the first result instead of charging twice. */
  @Property({ type: "string", length: 200, nullable: true })
  idempotencyKey?: string | null;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
