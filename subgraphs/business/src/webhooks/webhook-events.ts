import type { Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { JobQueue } from "../jobs/job-queue.ts";
import { WebhookDelivery } from "./webhook-delivery.entity.ts";
import { enqueueWebhookDelivery } from "./webhook-delivery.job.ts";
import { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import { WebhookEvent } from "./webhook-event.entity.ts";
import type { WebhookEventType } from "./webhook-event-type.ts";

export type { WebhookEventType } from "./webhook-event-type.ts";

let lastEventAt = 0;
/** Strictly increasing within the process, so events emitted one after another keep their order. */
function eventTime(): Date {
  lastEventAt = Math.max(Date.now(), lastEventAt + 1);
  return new Date(lastEventAt);
}

/**
 * Records an event and schedules its delivery to every active endpoint of the business+mode that
 * subscribed to `type`. Runs inside `em`'s open transaction (the change that caused the event):
 * rows and jobs commit or roll back with it; the caller's flush writes the rows.
 */
export async function emitWebhookEvent(
  em: EntityManager,
  jobs: JobQueue,
  scope: { businessId: string; mode: Mode },
  type: WebhookEventType,
  data: object,
): Promise<void> {
  const endpoints = await em.find(
    WebhookEndpoint,
    { businessId: scope.businessId, mode: scope.mode, active: true, deletedAt: null, eventTypes: { $contains: [type] } },
    { fields: ["id"] },
  );
  const createdAt = eventTime();
  const event = em.create(WebhookEvent, { businessId: scope.businessId, mode: scope.mode, type, payload: { ...data }, createdAt });
  for (const endpoint of endpoints) {
    const delivery = em.create(WebhookDelivery, {
      businessId: scope.businessId,
      mode: scope.mode,
      eventId: event.id,
      endpointId: endpoint.id,
      attempt: 1,
      nextAttemptAt: createdAt,
      createdAt,
    });
    await enqueueWebhookDelivery(em, jobs, delivery, { retry: true, eventAt: createdAt });
  }
}
