import type { BillingInterval } from "../products/product.entity.ts";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `date` plus `count` intervals in UTC; a month end stays a month end (Jan 31 + 1 month = Feb 28/29). */
export function addInterval(date: Date, interval: BillingInterval, count = 1): Date {
  if (interval === "day") return new Date(date.getTime() + count * DAY_MS);
  if (interval === "week") return new Date(date.getTime() + count * 7 * DAY_MS);
  const months = interval === "year" ? 12 * count : count;
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** How many billing periods of this length make a year (to compare plans of different intervals). */
export function periodsPerYear(interval: BillingInterval, count = 1): number {
  const perYear = { day: 365, week: 52, month: 12, year: 1 }[interval];
  return perYear / count;
}

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** "Pro (2026-11-26 – 2026-12-26)": an invoice line for one period. */
export function periodLabel(name: string, start: Date, end: Date): string {
  return `${name} (${isoDay(start)} – ${isoDay(end)})`;
}
