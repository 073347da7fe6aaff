import type { ErrorLike } from '~/utils/errors.util'

export interface MoneyError {
  code: string
  message: string
  /** PAYMENT_FAILED: the processor's reason (card_declined, insufficient_funds, expired_card…). */
  declineCode: string | null
}

/** The first GraphQL error of a failed money mutation, with its code and decline reason. */
export function moneyErrorOf(error: unknown): MoneyError | null {
  const first = (error as ErrorLike | null)?.graphQLErrors?.[0]
  if (!first) return null
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR'
  const declineCode = typeof first.extensions?.declineCode === 'string' ? first.extensions.declineCode : null
  return { code, message: first.message, declineCode }
}

/** Decline reasons with their own sentence in the locale files (`money.decline.*`). */
export const KNOWN_DECLINES = new Set(['card_declined', 'insufficient_funds', 'expired_card'])

/** A client-made idempotency key: one per attempt set, kept across declines and retries. */
export function newIdempotencyKey(): string {
  return `web:${crypto.randomUUID()}`
}

/** Headers routing a customer mutation to the business that owns it. */
export function businessContext(businessId: string) {
  return { headers: { 'x-billfold-business': businessId } }
}
