import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Customer } from "../customers/customer.entity.ts";
import { Product } from "../products/product.entity.ts";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";

export const LICENSE_KEY_STATUSES = ["active", "disabled", "expired"] as const;
export type LicenseKeyStatus = (typeof LICENSE_KEY_STATUSES)[number];

@Entity({ tableName: "license_key" })
@Index({ properties: ["businessId", "mode", "customerId", "createdAt"] })
@Index({ properties: ["businessId", "mode", "createdAt", "id"] })
@Index({ properties: ["subscriptionId"] })
export class LicenseKey {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("lk");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => Customer, mapToPk: true, fieldName: "customer_id" })
  customerId!: string;

  @ManyToOne({ entity: () => Product, mapToPk: true, fieldName: "product_id" })
  productId!: string;

  @ManyToOne({ entity: () => Subscription, mapToPk: true, fieldName: "subscription_id", nullable: true })
  subscriptionId?: string | null;

  /**
   * Secret: the key the customer pastes into the software. Unique across the platform, and names
   * its business and mode (see license-key.util.ts).
   */
  @Property({ type: "string", length: 80, unique: true })
  key!: string;

  /** What the merchant set: `active` or `disabled`. Read `licenseKeyStatus()` for the effective status. */
  @Enum({ items: [...LICENSE_KEY_STATUSES], type: "string" })
  status: LicenseKeyStatus & Opt = "active";

  /** When the end of its subscription disables the key (set and cleared by the subscription's life). */
  @Property({ ...TIMESTAMP, nullable: true })
  disableAt?: Date | null;

  /** Null means unlimited activations. */
  @Property({ type: "integer", nullable: true })
  activationLimit?: number | null;

  @Property({ type: "integer", default: 0 })
  activationsUsed: number & Opt = 0;

  @Property({ ...TIMESTAMP, nullable: true })
  expiresAt?: Date | null;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}

/** The status a key has at `now`: disabled by the merchant or its subscription's end, expired past `expiresAt`. */
export function licenseKeyStatus(key: Pick<LicenseKey, "status" | "disableAt" | "expiresAt">, now = new Date()): LicenseKeyStatus {
  if (key.status === "disabled" || (key.disableAt && key.disableAt <= now)) return "disabled";
  if (key.status === "expired" || (key.expiresAt && key.expiresAt <= now)) return "expired";
  return "active";
}
