import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { CURRENCY, ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { Payment } from "./payment.entity.ts";

export const REFUND_STATUSES = ["succeeded", "failed", "pending"] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

@Entity({ tableName: "refund" })
@Index({ properties: ["paymentId", "createdAt"] })
export class Refund {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("re");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => Payment, mapToPk: true, fieldName: "payment_id" })
  paymentId!: string;

  @Property({ type: "integer" })
  amount!: number;

  @Property({ ...CURRENCY })
  currency!: string;

  @Enum({ items: [...REFUND_STATUSES], type: "string" })
  status!: RefundStatus;

  @Property({ type: "string", length: 200, nullable: true })
  reason?: string | null;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
