import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Customer } from "../customers/customer.entity.ts";
import { PaymentMethod } from "../payment-methods/payment-method.entity.ts";
import { BILLING_INTERVALS, type BillingInterval, Product } from "../products/product.entity.ts";
import { CURRENCY, ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";

export const SUBSCRIPTION_STATUSES = ["pending", "active", "on_hold", "paused", "cancelled", "failed", "expired"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

@Entity({ tableName: "subscription" })
@Index({ properties: ["businessId", "mode", "customerId", "createdAt"] })
@Index({ properties: ["businessId", "mode", "status", "createdAt"] })
@Index({ properties: ["businessId", "mode", "createdAt", "id"] })
@Index({ properties: ["status", "nextBillingDate"] })
export class Subscription {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("sub");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => Customer, mapToPk: true, fieldName: "customer_id" })
  customerId!: string;

  @ManyToOne({ entity: () => Product, mapToPk: true, fieldName: "product_id" })
  productId!: string;

  @Enum({ items: [...SUBSCRIPTION_STATUSES], type: "string" })
  status!: SubscriptionStatus;

  @Property({ type: "integer", default: 1 })
  quantity: number & Opt = 1;

  /** Minor units per interval, for the whole quantity. */
  @Property({ type: "integer" })
  amount!: number;

  @Property({ ...CURRENCY })
  currency!: string;

  @Enum({ items: [...BILLING_INTERVALS], type: "string" })
  interval!: BillingInterval;

  @Property({ type: "integer", default: 1 })
  intervalCount: number & Opt = 1;

  @Property({ ...TIMESTAMP, nullable: true })
  currentPeriodStart?: Date | null;

  @Property({ ...TIMESTAMP, nullable: true })
  currentPeriodEnd?: Date | null;

  @Property({ ...TIMESTAMP, nullable: true })
  nextBillingDate?: Date | null;

  @Property({ type: "boolean", default: false })
  cancelAtPeriodEnd: boolean & Opt = false;

  @Property({ ...TIMESTAMP, nullable: true })
  cancelledAt?: Date | null;

  @Property({ type: "string", length: 100, nullable: true })
  cancelReason?: string | null;

  @Property({ type: "text", nullable: true })
  cancelComment?: string | null;

  @Property({ ...TIMESTAMP, nullable: true })
  endedAt?: Date | null;

  @ManyToOne({ entity: () => PaymentMethod, mapToPk: true, fieldName: "payment_method_id", nullable: true })
  paymentMethodId?: string | null;

  /** Unused time credited by a downgrade (minor units, before tax), taken off the next invoices. */
  @Property({ type: "integer", default: 0 })
  creditBalance: number & Opt = 0;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ ...TIMESTAMP, defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  @Property({ type: "integer", version: true })
  version: number & Opt = 1;
}
