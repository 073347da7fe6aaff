import { type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { Webhook } from "standardwebhooks";
import { isPublicAddress } from "./public-address.util.ts";
import { PrivateAddressError, publicOnlyLookup } from "./public-lookup.ts";
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
async function readStart(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > RESPONSE_BODY_LIMIT) break;
    }
  } finally {
    response.destroy();
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length <= RESPONSE_BODY_LIMIT) return bytes.toString("utf8");
  // Drop a character the cut split in two.
  return bytes.subarray(0, RESPONSE_BODY_LIMIT).toString("utf8").replace(/\uFFFD$/, "");
}

/** One POST (redirects are not followed); resolves with the status and the start of the body. */
function post(url: URL, headers: Record<string, string>, body: string, options: { timeoutMs: number; publicOnly: boolean }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      signal: AbortSignal.timeout(options.timeoutMs),
      // No shared pool: every delivery connects to an address checked for it.
      agent: false,
      ...(options.publicOnly ? { lookup: publicOnlyLookup } : {}),
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      readStart(response).then((text) => resolve({ status, text }), () => resolve({ status, text: "" }));
    });
    request.end(body);
  });
}

/** Why the delivery did not get an answer, for the delivery log. */
function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof PrivateAddressError) return `Not sent: ${error.message}; webhooks are only sent to public internet hosts.`;
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `No answer within ${Math.round(timeoutMs / 1000)} s.`;
  return `Could not connect: ${error instanceof Error ? error.message : "unknown error"}.`;
}

export interface PostWebhookOptions {
  timeoutMs?: number;
  /** Connect to private and local addresses too (development and tests); otherwise such a delivery is not sent. */
  allowPrivateAddresses?: boolean;
}

/** POSTs one signed delivery; any 2xx is success. Never throws: a network error is an outcome too. */
export async function postWebhook(endpoint: WebhookEndpoint, event: WebhookEvent, options: PostWebhookOptions = {}): Promise<DeliveryOutcome> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const publicOnly = !options.allowPrivateAddresses;
  const url = new URL(endpoint.url);
  // An address literal is connected to without a lookup, so it is checked here.
  if (publicOnly && isIP(url.hostname.replace(/^\[(.*)\]$/, "$1")) && !isPublicAddress(url.hostname)) {
    return { ok: false, responseStatus: null, responseBody: failureReason(new PrivateAddressError(`${url.hostname} is a private or local address`), timeoutMs), durationMs: 0 };
  }
  const body = webhookBody(event);
  const headers = { "content-type": "application/json", "user-agent": "Billfold-Webhooks/1.0", ...signWebhook(endpoint.secret, event.id, body) };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const { status, text } = await post(url, headers, body, { timeoutMs, publicOnly });
    return { ok: status >= 200 && status < 300, responseStatus: status, responseBody: text, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, responseStatus: null, responseBody: failureReason(error, timeoutMs), durationMs: elapsed() };
  }
}
