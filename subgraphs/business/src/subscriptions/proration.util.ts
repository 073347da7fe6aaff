import { DAY_MS, addInterval, periodLabel } from "../billing/billing-period.util.ts";
import type { InvoiceLineData } from "../invoices/invoice.entity.ts";
import { taxFor } from "../invoices/invoice-number.util.ts";
import type { BillingInterval } from "../products/product.entity.ts";
import type { ProrationMode } from "../shops/shop-settings.ts";

export interface ProrationInput {
  mode: ProrationMode;
  /** The plan now: its name and what a period costs for the whole quantity (minor units, before tax). */
  current: { name: string; amount: number; interval: BillingInterval; intervalCount: number };
  next: { name: string; unitAmount: number; quantity: number; taxRateBps: number; interval: BillingInterval; intervalCount: number };
  period: { start: Date; end: Date };
  now: Date;
  /** Credit the subscription already holds from an earlier downgrade (before tax). */
  creditBalance: number;
}

export interface ProrationResult {
  lines: InvoiceLineData[];
  subtotal: number;
  tax: number;
  /** Credit taken off this invoice (unused time and earlier credit). */
  credit: number;
  amountDueNow: number;
  /** Credit left for the next invoices. */
  creditBalance: number;
  periodStart: Date;
  periodEnd: Date;
  nextBillingDate: Date;
  nextRenewalAmount: number;
}

/** a × n / d rounded half up, in integers (a, n, d ≥ 0). */
export function prorate(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) return 0;
  return Math.floor((2 * amount * numerator + denominator) / (2 * denominator));
}

/**
 * What a plan change costs, in whole days so that a preview and the change made a little later
 * agree (the preview is only refused when a day boundary passed in between):
 * - prorated_immediately: the new plan for the days left, minus the unused days of the current plan;
 * - full_immediately: the new plan's full price, and a new period starts now;
 * - difference_immediately: the price difference (never negative), the period stays;
 * - do_not_bill: nothing now; the next renewal is at the new price.
 * A change of billing interval always starts a new period now (charged in full, less any credit).
 * Credit beyond what is due now is kept for the next invoices. Tax is the new product's rate on
 * the subtotal, rounded half up.
 */
export function computeProration(input: ProrationInput): ProrationResult {
  const { mode, current, next, period, now } = input;
  const newAmount = next.unitAmount * next.quantity;
  const intervalChanged = current.interval !== next.interval || current.intervalCount !== next.intervalCount;
  const reset = mode !== "do_not_bill" && (mode === "full_immediately" || intervalChanged);
  const totalDays = Math.max(1, Math.round((period.end.getTime() - period.start.getTime()) / DAY_MS));
  const daysLeft = Math.min(totalDays, Math.max(0, Math.ceil((period.end.getTime() - now.getTime()) / DAY_MS)));
  const periodStart = reset ? now : period.start;
  const periodEnd = reset ? addInterval(now, next.interval, next.intervalCount) : period.end;

  const charges: InvoiceLineData[] = [];
  let unused = 0;
  if (reset) {
    charges.push({ description: periodLabel(next.name, periodStart, periodEnd), quantity: next.quantity, unitAmount: next.unitAmount, amount: newAmount });
    if (mode === "prorated_immediately") unused = prorate(current.amount, daysLeft, totalDays);
  } else if (mode === "prorated_immediately") {
    const remaining = prorate(newAmount, daysLeft, totalDays);
    if (remaining > 0) charges.push(line(`Remaining time on ${periodLabel(next.name, now, period.end)}`, remaining));
    unused = prorate(current.amount, daysLeft, totalDays);
  } else if (mode === "difference_immediately") {
    const difference = newAmount - current.amount;
    if (difference > 0) charges.push(line(`Price difference ${current.name} → ${next.name}`, difference));
  }

  const charged = charges.reduce((sum, item) => sum + item.amount, 0);
  const available = unused + input.creditBalance;
  const credit = Math.min(charged, available);
  const lines = credit > 0 ? [...charges, line(unused > 0 ? `Unused time on ${current.name}` : "Credit", -credit)] : charges;
  const subtotal = charged - credit;
  const tax = taxFor(subtotal, next.taxRateBps);
  const creditBalance = available - credit;
  const renewalSubtotal = newAmount - Math.min(creditBalance, newAmount);
  return {
    lines,
    subtotal,
    tax,
    credit,
    amountDueNow: subtotal + tax,
    creditBalance,
    periodStart,
    periodEnd,
    nextBillingDate: periodEnd,
    nextRenewalAmount: renewalSubtotal + taxFor(renewalSubtotal, next.taxRateBps),
  };
}

const line = (description: string, amount: number): InvoiceLineData => ({ description, quantity: 1, unitAmount: amount, amount });
