import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { CURRENCY, ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";

export const PRODUCT_KINDS = ["one_time", "subscription"] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const BILLING_INTERVALS = ["day", "week", "month", "year"] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export interface LicenseSettings {
  issue: "none" | "per_order" | "per_subscription";
  activationLimit?: number | null;
  expiresInDays?: number | null;
}

@Entity({ tableName: "product" })
@Index({ properties: ["businessId", "mode", "active"] })
export class Product {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("prod");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @Property({ type: "string", length: 200 })
  name!: string;

  @Property({ type: "text", nullable: true })
  description?: string | null;

  @Enum({ items: [...PRODUCT_KINDS], type: "string" })
  kind!: ProductKind;

  /** Minor units per unit (and per interval for subscriptions). */
  @Property({ type: "integer" })
  priceAmount!: number;

  @Property({ ...CURRENCY })
  currency!: string;

  @Enum({ items: [...BILLING_INTERVALS], type: "string", nullable: true })
  interval?: BillingInterval | null;

  @Property({ type: "integer", default: 1 })
  intervalCount: number & Opt = 1;

  /** Tax rate in basis points (2000 = 20 %). */
  @Property({ type: "integer", default: 0 })
  taxRateBps: number & Opt = 0;

  /** Products in the same plan group are the plans a subscription may switch between. */
  @Property({ type: "string", length: 100, nullable: true })
  planGroup?: string | null;

  @Property({ type: "json" })
  licenseSettings: LicenseSettings & Opt = { issue: "none" };

  @Property({ type: "boolean", default: true })
  active: boolean & Opt = true;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
