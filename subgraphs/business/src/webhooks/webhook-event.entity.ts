import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./webhook-event-type.ts";

/** Something that happened at a business; its id is the `webhook-id` of every delivery of it. */
@Entity({ tableName: "webhook_event" })
@Index({ properties: ["businessId", "mode", "createdAt"] })
export class WebhookEvent {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("evt");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @Enum({ items: [...WEBHOOK_EVENT_TYPES], type: "string" })
  type!: WebhookEventType;

  /** The event's `data` object as delivered. */
  @Property({ type: "json" })
  payload!: Record<string, unknown>;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
