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

  /** Secret: the key the customer pastes into the software. Unique across the platform. */
  @Property({ type: "string", length: 64, unique: true })
  key!: string;

  @Enum({ items: [...LICENSE_KEY_STATUSES], type: "string" })
  status: LicenseKeyStatus & Opt = "active";

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
