import { describe, expect, it } from 'vitest'
import { mergeBillingHistory } from './history.util'

const invoice = (id: string, issuedAt: string, extra = {}) => ({
  id, number: `INV-${id}`, status: 'paid', currency: 'USD', total: 1000, issuedAt, pdfUrl: `/pdf/${id}`, subscriptionId: null, ...extra,
})
const payment = (id: string, createdAt: string, extra = {}) => ({
  id, status: 'succeeded', amount: 1000, currency: 'USD', createdAt, kind: 'one_time', invoice: null, ...extra,
})

describe('mergeBillingHistory', () => {
  it('merges every business into one list, newest first', () => {
    const merged = mergeBillingHistory([
      { businessId: 'a', payments: [payment('p1', '2026-01-01T00:00:00Z'), payment('p3', '2026-03-01T00:00:00Z')] },
      { businessId: 'b', payments: [payment('p2', '2026-02-01T00:00:00Z')] },
    ])
    expect(merged.map((e) => `${e.businessId}:${e.key}`)).toEqual(['a:payment:p3', 'b:payment:p2', 'a:payment:p1'])
  })

  it('lists a paid invoice once, through its payment', () => {
    const inv = invoice('i1', '2026-01-01T00:00:00Z', { subscriptionId: 'sub_1' })
    const merged = mergeBillingHistory([
      { businessId: 'a', invoices: [inv], payments: [payment('p1', '2026-01-01T00:00:05Z', { kind: 'subscription', invoice: inv })] },
    ])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ key: 'payment:p1', invoiceNumber: 'INV-i1', pdfUrl: '/pdf/i1', kind: 'subscription' })
  })

  it('keeps invoices that no payment settles', () => {
    const merged = mergeBillingHistory([{ businessId: 'a', invoices: [invoice('i2', '2026-04-01T00:00:00Z', { status: 'open' })] }])
    expect(merged[0]).toMatchObject({ key: 'invoice:i2', status: 'open', kind: 'one_time' })
  })

  it('skips businesses whose data could not be loaded', () => {
    expect(mergeBillingHistory([null, { businessId: 'a', invoices: null, payments: null }])).toEqual([])
  })
})
