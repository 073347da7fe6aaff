import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { LicenseKey } from "./license-key.entity.ts";

/** One activation of a license key (a machine, a site). */
@Entity({ tableName: "license_instance" })
@Index({ properties: ["licenseKeyId", "deactivatedAt"] })
export class LicenseInstance {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("lki");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => LicenseKey, mapToPk: true, fieldName: "license_key_id" })
  licenseKeyId!: string;

  @Property({ type: "string", length: 200 })
  name!: string;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ ...TIMESTAMP, nullable: true })
  deactivatedAt?: Date | null;
}
