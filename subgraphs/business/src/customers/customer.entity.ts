import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";

@Entity({ tableName: "customer" })
@Unique({ properties: ["businessId", "mode", "email"] })
@Index({ properties: ["businessId", "mode", "createdAt", "id"] })
export class Customer {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("cus");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  /** Always stored trimmed and lower-case. */
  @Property({ type: "string", length: 320 })
  email!: string;

  @Property({ type: "string", length: 200, nullable: true })
  name?: string | null;

  @Property({ type: "string", length: 40, nullable: true })
  phone?: string | null;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
