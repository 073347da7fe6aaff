import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";

/** A merchant's secret key; only its SHA-256 is stored, the raw key is shown once. */
@Entity({ tableName: "api_key" })
@Index({ properties: ["businessId", "mode", "createdAt"] })
export class ApiKey {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("key");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  /** The visible start of the key, e.g. `sk_test_biz_…_ab12cd`, so a merchant can tell keys apart. */
  @Property({ type: "string", length: 64 })
  prefix!: string;

  /** Secret: sha256 hex of the full key. */
  @Property({ type: "string", length: 64, unique: true })
  keyHash!: string;

  @Property({ type: "string", length: 100 })
  name!: string;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ ...TIMESTAMP, nullable: true })
  lastUsedAt?: Date | null;

  @Property({ ...TIMESTAMP, nullable: true })
  revokedAt?: Date | null;
}
