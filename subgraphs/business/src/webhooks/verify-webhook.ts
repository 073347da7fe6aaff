import { Webhook, WebhookVerificationError } from "standardwebhooks";

export { WebhookVerificationError } from "standardwebhooks";

/** Where a receiver remembers the webhook ids it already accepted (a Set, or a store with the same two calls). */
export interface SeenWebhookIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

export interface VerifyWebhookInput {
  /** The endpoint's `whsec_…` secret. */
  secret: string;
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  headers: Record<string, string | string[] | undefined>;
  seen: SeenWebhookIds;
  /** Reject timestamps further than this from now (seconds; default 300). */
  toleranceSeconds?: number;
  now?: Date;
}

export interface VerifiedWebhook {
  id: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

const header = (headers: VerifyWebhookInput["headers"], name: string): string => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? "";
};

/**
 * Receiver side of Standard Webhooks: checks the signature with the reference library, refuses a
 * timestamp more than 5 minutes off and a `webhook-id` seen before, then remembers the id.
 * Throws WebhookVerificationError; answer it with 400 and do not act on the event.
 */
export function verifyWebhook(input: VerifyWebhookInput): VerifiedWebhook {
  const id = header(input.headers, "webhook-id");
  const timestamp = header(input.headers, "webhook-timestamp");
  const signature = header(input.headers, "webhook-signature");
  if (!id || !timestamp || !signature) throw new WebhookVerificationError("Missing required headers");
  const sentAt = Number(timestamp);
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.toleranceSeconds ?? 300;
  if (!Number.isInteger(sentAt)) throw new WebhookVerificationError("Invalid Signature Headers");
  if (now - sentAt > tolerance) throw new WebhookVerificationError("Message timestamp too old");
  if (sentAt - now > tolerance) throw new WebhookVerificationError("Message timestamp too new");
  const payload = new Webhook(input.secret).verify(input.body, {
    "webhook-id": id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signature,
  }) as Omit<VerifiedWebhook, "id">;
  if (input.seen.has(id)) throw new WebhookVerificationError("Message already received (replayed webhook-id)");
  input.seen.add(id);
  return { id, ...payload };
}
