import type { Mode } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";

/** The first result of a money operation under a key: a retry with the same key and parameters gets it again. */
@Entity({ tableName: "idempotency_record" })
@Index({ properties: ["createdAt"] })
export class IdempotencyRecord {
  @PrimaryKey({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string", primary: true })
  mode!: Mode;

  @PrimaryKey({ type: "string", length: 200 })
  key!: string;

  /** sha256 of the operation name and its parameters. */
  @Property({ type: "string", length: 64 })
  requestHash!: string;

  @Property({ type: "json" })
  response!: Record<string, unknown>;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
