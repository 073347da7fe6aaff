/** Every event a business can subscribe an endpoint to (the wire names of Standard Webhooks `type`). */
export const WEBHOOK_EVENT_TYPES = [
  "payment.succeeded",
  "payment.failed",
  "subscription.active",
  "subscription.on_hold",
  "subscription.renewed",
  "subscription.plan_changed",
  "subscription.cancelled",
  "subscription.expired",
  "subscription.failed",
  "license_key.created",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
