import { describe, expect, it } from 'vitest'
import { byAttention, isCurrentSubscription, statusTone, subscriptionDateChip } from './status.util'

describe('statusTone', () => {
  it('maps statuses to the house colours', () => {
    expect(statusTone('active')).toBe('green')
    expect(statusTone('succeeded')).toBe('green')
    expect(statusTone('processing')).toBe('yellow')
    expect(statusTone('pending')).toBe('yellow')
    expect(statusTone('failed')).toBe('red')
    expect(statusTone('cancelled')).toBe('red')
    expect(statusTone('expired')).toBe('red')
    expect(statusTone('paused')).toBe('orange')
    expect(statusTone('on_hold')).toBe('orange')
  })

  it('shows unknown statuses in grey', () => {
    expect(statusTone('something_new')).toBe('grey')
    expect(statusTone(null)).toBe('grey')
  })
})

describe('subscriptionDateChip', () => {
  const base = { cancelAtPeriodEnd: false, currentPeriodEnd: '2026-12-01T00:00:00Z', nextBillingDate: '2026-12-01T00:00:00Z' }

  it('says when an active subscription renews', () => {
    expect(subscriptionDateChip({ ...base, status: 'active' })).toEqual({ kind: 'renews', date: '2026-12-01T00:00:00Z' })
  })

  it('says when a subscription cancelled at period end stops', () => {
    expect(subscriptionDateChip({ ...base, status: 'active', cancelAtPeriodEnd: true })).toEqual({ kind: 'ends', date: '2026-12-01T00:00:00Z' })
  })

  it('says when a subscription was cancelled', () => {
    expect(subscriptionDateChip({ ...base, status: 'cancelled', cancelledAt: '2026-10-02T00:00:00Z' })).toEqual({ kind: 'cancelled', date: '2026-10-02T00:00:00Z' })
  })

  it('shows no renewal date while a subscription is on hold', () => {
    expect(subscriptionDateChip({ ...base, status: 'on_hold' })).toBeNull()
  })

  it('shows when an expired subscription ended', () => {
    expect(subscriptionDateChip({ ...base, status: 'expired', endedAt: '2026-09-01T00:00:00Z' })).toEqual({ kind: 'ended', date: '2026-09-01T00:00:00Z' })
  })
})

describe('subscription grouping', () => {
  it('counts on hold and paused subscriptions as current', () => {
    expect(isCurrentSubscription('on_hold')).toBe(true)
    expect(isCurrentSubscription('paused')).toBe(true)
    expect(isCurrentSubscription('expired')).toBe(false)
  })

  it('puts on hold subscriptions first', () => {
    const subs = [{ status: 'active' }, { status: 'paused' }, { status: 'on_hold' }]
    expect(subs.sort(byAttention).map((s) => s.status)).toEqual(['on_hold', 'active', 'paused'])
  })
})
