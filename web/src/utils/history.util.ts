export interface HistoryInvoice {
  id: string
  number: string
  status: string
  currency: string
  total: number
  issuedAt: string
  subscriptionId?: string | null
  pdfUrl: string
}

export interface HistoryPayment {
  id: string
  status: string
  amount: number
  currency: string
  createdAt: string
  kind: string
  invoice?: { id: string; number: string; pdfUrl: string } | null
}

export interface HistorySource {
  businessId: string
  invoices?: readonly HistoryInvoice[] | null
  payments?: readonly HistoryPayment[] | null
}

export interface HistoryEntry {
  key: string
  businessId: string
  date: string
  status: string
  amount: number
  currency: string
  kind: 'one_time' | 'subscription'
  invoiceNumber: string | null
  pdfUrl: string | null
}

/**
 * One billing history across businesses, newest first: every payment, plus invoices that
 * no payment settles yet (open ones), so a paid invoice is not listed twice.
 */
export function mergeBillingHistory(sources: readonly (HistorySource | null | undefined)[]): HistoryEntry[] {
  const entries: HistoryEntry[] = []
  for (const source of sources) {
    if (!source) continue
    const paidInvoices = new Set<string>()
    for (const p of source.payments ?? []) {
      if (p.invoice) paidInvoices.add(p.invoice.id)
      entries.push({
        key: `payment:${p.id}`,
        businessId: source.businessId,
        date: p.createdAt,
        status: p.status,
        amount: p.amount,
        currency: p.currency,
        kind: p.kind === 'subscription' ? 'subscription' : 'one_time',
        invoiceNumber: p.invoice?.number ?? null,
        pdfUrl: p.invoice?.pdfUrl ?? null,
      })
    }
    for (const inv of source.invoices ?? []) {
      if (paidInvoices.has(inv.id)) continue
      entries.push({
        key: `invoice:${inv.id}`,
        businessId: source.businessId,
        date: inv.issuedAt,
        status: inv.status,
        amount: inv.total,
        currency: inv.currency,
        kind: inv.subscriptionId ? 'subscription' : 'one_time',
        invoiceNumber: inv.number,
        pdfUrl: inv.pdfUrl,
      })
    }
  }
  // Each date parsed once, and ties broken by plain key order: `localeCompare` would build an ICU collator first.
  const time = new Map(entries.map((e) => [e, Date.parse(e.date)]))
  return entries.sort((a, b) => time.get(b)! - time.get(a)! || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
