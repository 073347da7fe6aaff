import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Customer } from "../customers/customer.entity.ts";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";

/** A saved card: the processor's token plus display details, never the number or CVC. */
@Entity({ tableName: "payment_method" })
@Index({ properties: ["businessId", "mode", "customerId", "removedAt"] })
export class PaymentMethod {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("pm");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => Customer, mapToPk: true, fieldName: "customer_id" })
  customerId!: string;

  /** Secret: the sandbox processor's token. Never exposed through GraphQL. */
  @Property({ type: "string", length: 100 })
  processorToken!: string;

  @Property({ type: "string", length: 20 })
  brand!: string;

  @Property({ type: "string", length: 4 })
  last4!: string;

  @Property({ type: "smallint" })
  expMonth!: number;

  @Property({ type: "smallint" })
  expYear!: number;

  @Property({ type: "boolean", default: false })
  isDefault: boolean & Opt = false;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  @Property({ ...TIMESTAMP, nullable: true })
  removedAt?: Date | null;
}
