import { type CardField, fieldOfProcessorError } from './card-input.util'

export interface CardToken {
  token: string
  brand: string
  last4: string
  exp_month: number
  exp_year: number
}

export type TokenizeResult =
  | { ok: true; card: CardToken }
  /** `message` is the processor's own words; `field` the form field it names, if any. */
  | { ok: false; kind: 'invalid'; field: CardField | null; message: string }
  | { ok: false; kind: 'rate_limited' | 'network' }

/**
 * Sends the card to the sandbox processor on our own origin and gets a token back. This is the
 * only request that ever carries the card number or CVC; GraphQL only ever sees the token.
 */
export async function tokenizeCard(card: { number: string; month: number; year: number; cvc: string }): Promise<TokenizeResult> {
  let response: Response
  try {
    response = await fetch('/processor/tokens', {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ number: card.number, exp_month: card.month, exp_year: card.year, cvc: card.cvc }),
    })
  } catch {
    return { ok: false, kind: 'network' }
  }
  if (response.status === 429) return { ok: false, kind: 'rate_limited' }
  const body = (await response.json().catch(() => null)) as (CardToken & { error?: { field?: string | null; message?: string } }) | null
  if (response.ok && body?.token) return { ok: true, card: body }
  if (response.status === 400 && body?.error?.message) {
    return { ok: false, kind: 'invalid', field: fieldOfProcessorError(body.error.field), message: body.error.message }
  }
  return { ok: false, kind: 'network' }
}
