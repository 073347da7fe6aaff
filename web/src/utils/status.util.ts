export type Tone = 'green' | 'yellow' | 'red' | 'orange' | 'grey'

const TONES: Record<string, Tone> = {
  active: 'green',
  succeeded: 'green',
  paid: 'green',
  pending: 'yellow',
  processing: 'yellow',
  open: 'yellow',
  failed: 'red',
  cancelled: 'red',
  expired: 'red',
  uncollectible: 'red',
  disabled: 'red',
  paused: 'orange',
  on_hold: 'orange',
}

/** The badge colour for any status the portal shows; unknown statuses are grey. */
export function statusTone(status: string | null | undefined): Tone {
  return (status && TONES[status]) || 'grey'
}

const LIVE_SUBSCRIPTION = new Set(['pending', 'active', 'on_hold', 'paused'])
const ATTENTION_ORDER = ['on_hold', 'active', 'paused', 'pending']

/** Active, on hold, paused and pending subscriptions still run; the rest are past. */
export function isCurrentSubscription(status: string): boolean {
  return LIVE_SUBSCRIPTION.has(status)
}

/** Sorts subscriptions so the ones needing attention (on hold) come first, then active ones. */
export function byAttention<T extends { status: string }>(a: T, b: T): number {
  const rank = (s: string) => {
    const i = ATTENTION_ORDER.indexOf(s)
    return i === -1 ? ATTENTION_ORDER.length : i
  }
  return rank(a.status) - rank(b.status)
}

export interface SubscriptionDates {
  status: string
  cancelAtPeriodEnd: boolean
  cancelledAt?: string | null
  endedAt?: string | null
  currentPeriodEnd?: string | null
  nextBillingDate?: string | null
}

export type DateChip = { kind: 'renews' | 'ends' | 'cancelled' | 'ended'; date: string }

/** Which date a subscription shows: "renews on", "ends on", "cancelled on" or "ended on". */
export function subscriptionDateChip(sub: SubscriptionDates): DateChip | null {
  if (sub.status === 'cancelled' && sub.cancelledAt) return { kind: 'cancelled', date: sub.cancelledAt }
  if (!isCurrentSubscription(sub.status)) {
    const date = sub.endedAt ?? sub.cancelledAt
    return date ? { kind: 'ended', date } : null
  }
  if (sub.cancelAtPeriodEnd) {
    const date = sub.currentPeriodEnd ?? sub.nextBillingDate
    return date ? { kind: 'ends', date } : null
  }
  if (sub.status === 'active' && sub.nextBillingDate) return { kind: 'renews', date: sub.nextBillingDate }
  return null
}
