/**
 * Idempotency keys sent to the processor with a subscription's charges. Each names one billing
 * attempt from state that only a committed attempt moves, so a run that crashed or failed after
 * the charge and before its commit, retried, replays the first charge instead of taking a second.
 * A committed attempt (paid or declined) moves the state, so the next attempt is a new charge.
 */

/** A period's renewal, due at `dueAt` (the subscription's next billing date before the run). */
export const renewalChargeKey = (subscriptionId: string, dueAt: Date) => `renewal:${subscriptionId}:${dueAt.toISOString()}`;

/** Dunning attempt `attempt` of an outstanding invoice (the failed renewal was attempt 1), due at `dueAt`. */
export const dunningChargeKey = (subscriptionId: string, dueAt: Date, attempt: number) =>
  `dunning:${subscriptionId}:${dueAt.toISOString()}:attempt-${attempt}`;

/**
 * A plan change made from `version` of the subscription; `attempt` counts the subscription's
 * declined charges, since a decline is committed without changing the subscription.
 */
export const planChangeChargeKey = (subscriptionId: string, version: number, attempt: number) =>
  `plan-change:${subscriptionId}:v${version}:attempt-${attempt}`;
