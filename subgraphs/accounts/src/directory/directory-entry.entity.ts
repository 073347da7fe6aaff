import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { type Mode, newId } from "@billfold/shared";
import { MODE_VALUES } from "../shared/mode.ts";

/** email → (business, customer, mode): which customer accounts an email may open. */
@Entity({ tableName: "directory_entry" })
@Unique({ properties: ["businessId", "mode", "customerId"] })
@Index({ properties: ["email", "mode"] })
export class DirectoryEntry {
  @PrimaryKey({ type: "string", length: 40 })
  id: string & Opt = newId("dir");

  /** Always stored trimmed and lower-case. */
  @Property({ type: "string", length: 320 })
  email!: string;

  @Property({ type: "string", length: 40 })
  businessId!: string;

  @Property({ type: "string", length: 40 })
  customerId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ type: "datetime", columnType: "timestamptz", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
