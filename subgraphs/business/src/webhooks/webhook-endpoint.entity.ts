import { type Mode, newId } from "@billfold/shared";
import { ArrayType, type Opt } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ID_COLUMN, TIMESTAMP } from "../shared/columns.ts";
import { MODE_VALUES } from "../shared/mode.ts";
import type { WebhookEventType } from "./webhook-event-type.ts";

/** Where a business wants its events POSTed. The secret signs every delivery and is shown only once. */
@Entity({ tableName: "webhook_endpoint" })
@Index({ properties: ["businessId", "mode", "createdAt"] })
export class WebhookEndpoint {
  @PrimaryKey({ ...ID_COLUMN })
  id: string & Opt = newId("we");

  @Property({ ...ID_COLUMN })
  businessId!: string;

  @Enum({ items: [...MODE_VALUES], type: "string" })
  mode!: Mode;

  @Property({ type: "string", length: 2048 })
  url!: string;

  /** The `whsec_…` signing secret: returned once by createWebhookEndpoint, never read by GraphQL again. */
  @Property({ type: "text", lazy: true })
  secret!: string;

  @Property({ type: ArrayType, columnType: "text[]" })
  eventTypes!: WebhookEventType[];

  @Property({ type: "boolean", default: true })
  active: boolean & Opt = true;

  @Property({ ...TIMESTAMP, defaultRaw: "now()" })
  createdAt: Date & Opt = new Date();

  /** Deleted endpoints stay for their delivery log but receive nothing and are not listed. */
  @Property({ ...TIMESTAMP, nullable: true })
  deletedAt?: Date | null;
}
