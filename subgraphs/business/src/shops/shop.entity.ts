import type { Mode } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { type ShopSettings, parseShopSettings } from "./shop-settings.ts";

/** A business's storefront in one mode: its invoice numbering, settings and test clock. */
@Entity({ tableName: "shop" })
export class Shop {
  @PrimaryKey({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string", primary: true })
  mode!: Mode;

  @Property({ type: "string", length: 200 })
  name!: string;

  @Property({ type: "string", length: 20 })
  invoicePrefix!: string;

  /** Last invoice number issued; bumped under a row lock so numbers are gap-free. */
  @Property({ type: "integer", default: 0 })
  invoiceCounter: number & Opt = 0;

  @Property({ type: "json" })
  settings: ShopSettings & Opt = parseShopSettings({});

  /** When set (test mode), the billing clock reads this instead of the wall clock. */
  @Property({ ...TIMESTAMP, nullable: true })
  testClock?: Date | null;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
