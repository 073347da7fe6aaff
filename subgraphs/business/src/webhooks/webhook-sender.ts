import { Webhook } from "standardwebhooks";
import type { WebhookEndpoint } from "./webhook-endpoint.entity.ts";
import type { WebhookEvent } from "./webhook-event.entity.ts";

export const WEBHOOK_TIMEOUT_MS = 10_000;
const RESPONSE_BODY_LIMIT = 1024;

export interface DeliveryOutcome {
  ok: boolean;
  responseStatus: number | null;
  /** First KB of the answer, or why there was none. */
  responseBody: string | null;
  durationMs: number;
}

/** The JSON body of a delivery: Standard Webhooks' `{type, timestamp, data}`. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload });
}

/** The three Standard Webhooks headers for `body`, signed with the endpoint's `whsec_…` secret at `now`. */
export function signWebhook(secret: string, eventId: string, body: string, now = new Date()): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(eventId, now, body),
  };
}

/** The first KB of a response body (the rest is never downloaded), cut on a character boundary. */
async function readStart(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    while (size <= RESPONSE_BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length <= RESPONSE_BODY_LIMIT) return bytes.toString("utf8");
  // Drop a character the cut split in two.
  return bytes.subarray(0, RESPONSE_BODY_LIMIT).toString("utf8").replace(/\uFFFD$/, "");
}

/** POSTs one signed delivery; any 2xx is success. Never throws: a network error is an outcome too. */
export async function postWebhook(endpoint: WebhookEndpoint, event: WebhookEvent, options: { timeoutMs?: number } = {}): Promise<DeliveryOutcome> {
  const body = webhookBody(event);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Billfold-Webhooks/1.0", ...signWebhook(endpoint.secret, event.id, body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
    const text = await readStart(response).catch(() => "");
    return { ok: response.status >= 200 && response.status < 300, responseStatus: response.status, responseBody: text, durationMs: elapsed() };
  } catch (error) {
    const reason = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
      ? `No answer within ${Math.round((options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000)} s.`
      : `Could not connect: ${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : "unknown error"}.`;
    return { ok: false, responseStatus: null, responseBody: reason, durationMs: elapsed() };
  }
}
