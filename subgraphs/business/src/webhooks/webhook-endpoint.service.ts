import { AppError, badInput, notFound } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Scope } from "../shared/context.ts";
import { type Page, type PageArgs, paginate } from "../shared/pagination.ts";
import { WebhookDelivery } from "./webhook-delivery.entity.ts";
import { enqueueWebhookDelivery } from "./webhook-delivery.job.ts";
import { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import { WebhookEvent } from "./webhook-event.entity.ts";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, isWebhookEventType } from "./webhook-event-type.ts";
import { newWebhookSecret } from "./webhook-secret.util.ts";
import { type WebhookUrlPolicy, checkWebhookUrl } from "./webhook-url.util.ts";

export const MAX_WEBHOOK_ENDPOINTS = 16;

/** At least one known event type, each once. */
export function checkEventTypes(values: readonly string[]): WebhookEventType[] {
  const unknown = values.filter((value) => !isWebhookEventType(value));
  if (unknown.length > 0) {
    throw badInput(`Unknown event type ${unknown.map((value) => `"${value}"`).join(", ")}. Known types: ${WEBHOOK_EVENT_TYPES.join(", ")}.`, {
      argument: "eventTypes",
    });
  }
  if (values.length === 0) throw badInput("Choose at least one event type.", { argument: "eventTypes" });
  return WEBHOOK_EVENT_TYPES.filter((type) => values.includes(type));
}

/** A live (not deleted) endpoint of this business and mode; NOT_FOUND for anyone else's. */
export async function getWebhookEndpointOrThrow(em: EntityManager, scope: Scope, id: string): Promise<WebhookEndpoint> {
  const endpoint = await em.findOne(WebhookEndpoint, { id, businessId: scope.businessId, mode: scope.mode, deletedAt: null });
  if (!endpoint) throw notFound("The webhook endpoint");
  return endpoint;
}

/** Creates an endpoint and its signing secret; the secret is returned here and never again. */
export async function createWebhookEndpoint(
  em: EntityManager,
  scope: Scope,
  input: { url: string; eventTypes: readonly string[] },
  urlPolicy: WebhookUrlPolicy,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = checkWebhookUrl(input.url, urlPolicy);
  const eventTypes = checkEventTypes(input.eventTypes);
  const count = await em.count(WebhookEndpoint, { businessId: scope.businessId, mode: scope.mode, deletedAt: null });
  if (count >= MAX_WEBHOOK_ENDPOINTS) {
    throw new AppError("CONFLICT", `A business can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints per mode: delete one first.`);
  }
  const secret = newWebhookSecret();
  const endpoint = em.create(WebhookEndpoint, { ...scope, url, eventTypes, secret });
  await em.flush();
  return { endpoint, secret };
}

export async function listWebhookEndpoints(em: EntityManager, scope: Scope): Promise<WebhookEndpoint[]> {
  return em.find(WebhookEndpoint, { businessId: scope.businessId, mode: scope.mode, deletedAt: null }, { orderBy: { createdAt: "asc", id: "asc" } });
}

export async function updateWebhookEndpoint(
  em: EntityManager,
  scope: Scope,
  id: string,
  input: { url?: string | null; eventTypes?: readonly string[] | null; active?: boolean | null },
  urlPolicy: WebhookUrlPolicy,
): Promise<WebhookEndpoint> {
  const endpoint = await getWebhookEndpointOrThrow(em, scope, id);
  if (input.url != null) endpoint.url = checkWebhookUrl(input.url, urlPolicy);
  if (input.eventTypes != null) endpoint.eventTypes = checkEventTypes(input.eventTypes);
  if (input.active != null) endpoint.active = input.active;
  await em.flush();
  return endpoint;
}

/** Stops all deliveries to the endpoint (pending ones are logged as not sent); its log stays. */
export async function deleteWebhookEndpoint(em: EntityManager, scope: Scope, id: string): Promise<boolean> {
  const endpoint = await getWebhookEndpointOrThrow(em, scope, id);
  endpoint.active = false;
  endpoint.deletedAt = new Date();
  await em.flush();
  return true;
}

/** An endpoint's delivery attempts, newest first, with the type of each one's event. */
export async function listWebhookDeliveries(
  em: EntityManager,
  scope: Scope,
  endpointId: string,
  args: PageArgs,
): Promise<{ page: Page<WebhookDelivery>; eventTypes: Map<string, WebhookEventType> }> {
  const endpoint = await em.findOne(WebhookEndpoint, { id: endpointId, businessId: scope.businessId, mode: scope.mode });
  if (!endpoint) throw notFound("The webhook endpoint");
  const page = await paginate(em, WebhookDelivery, { endpointId: endpoint.id }, "createdAt", args);
  const eventIds = [...new Set(page.nodes.map((delivery) => delivery.eventId))];
  const events = eventIds.length ? await em.find(WebhookEvent, { id: { $in: eventIds } }, { fields: ["id", "type"] }) : [];
  return { page, eventTypes: new Map(events.map((event) => [event.id, event.type])) };
}

/** Sends an event to an endpoint once more, now (one attempt, no automatic retries). */
export async function resendWebhookEvent(em: EntityManager, jobs: JobQueue, scope: Scope, eventId: string, endpointId: string): Promise<{ delivery: WebhookDelivery; eventType: WebhookEventType }> {
  return em.transactional(async (tx) => {
    const event = await tx.findOne(WebhookEvent, { id: eventId, businessId: scope.businessId, mode: scope.mode });
    if (!event) throw notFound("The event");
    const endpoint = await getWebhookEndpointOrThrow(tx, scope, endpointId);
    if (!endpoint.active) throw new AppError("CONFLICT", "This endpoint is disabled: enable it before resending.");
    // Serialise resends of one event to one endpoint so attempt numbers stay unique.
    await tx.execute("select pg_advisory_xact_lock(hashtext(?))", [`webhook:${eventId}:${endpointId}`]);
    const last = await tx.findOne(WebhookDelivery, { eventId, endpointId }, { orderBy: { attempt: "desc" }, fields: ["attempt"] });
    const delivery: WebhookDelivery = tx.create(WebhookDelivery, {
      ...scope,
      eventId,
      endpointId,
      attempt: (last?.attempt ?? 0) + 1,
      nextAttemptAt: new Date(),
    });
    await tx.flush();
    await enqueueWebhookDelivery(tx, jobs, delivery, { retry: false, eventAt: event.createdAt });
    return { delivery, eventType: event.type };
  });
}
