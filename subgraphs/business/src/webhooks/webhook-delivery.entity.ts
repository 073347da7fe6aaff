import { type Mode, newId } from "@billfold/shared";
import { type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import { WebhookEvent } from "./webhook-event.entity.ts";

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One attempt to deliver an event to an endpoint: `pending` until it ran, then its outcome. */
@Entity({ tableName: "webhook_delivery" })
@Index({ properties: ["endpointId", "createdAt", "id"] })
@Index({ properties: ["eventId", "endpointId"] })
export class WebhookDelivery {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("whd");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @ManyToOne({ entity: () => WebhookEvent, mapToPk: true, fieldName: "event_id" })
  eventId!: string;

  @ManyToOne({ entity: () => WebhookEndpoint, mapToPk: true, fieldName: "endpoint_id" })
  endpointId!: string;

  /** 1 for the first try; retries and resends count on. */
  @Property({ type: "integer" })
  attempt!: number;

  @Enum({ items: [...WEBHOOK_DELIVERY_STATUSES], type: "string" })
  status: WebhookDeliveryStatus & Opt = "pending";

  @Property({ type: "integer", nullable: true })
  responseStatus?: number | null;

  /** The first KB of the receiver's answer, or why there was none (timeout, connection refused). */
  @Property({ type: "text", nullable: true })
  responseBody?: string | null;

  @Property({ type: "integer", nullable: true })
  durationMs?: number | null;

  /** When this attempt is due (pending), or when the next one is scheduled (failed with retries left). */
  @Property({ ...TIMESTAMP, nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();
}
