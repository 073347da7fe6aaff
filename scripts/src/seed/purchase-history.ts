import type { Mode } from "@billfold/shared";
import type { DemoProduct, DemoPurchase } from "./demo-catalog.ts";

/** A past billing period of a demo subscription or a one-time order, as the seed writes it. */
export interface Charge {
  at: Date;
  periodStart?: Date;
  periodEnd?: Date;
  outcome: "succeeded" | "failed";
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

const monthsPerPeriod = (product: DemoProduct) => (product.interval === "year" ? 12 : 1);

/**
 * The charges a purchase made up to `now`: one per billing period from the start until it
 * ended; an `on_hold` subscription's latest renewal failed.
 */
export function chargesFor(purchase: DemoPurchase, product: DemoProduct, now: Date): Charge[] {
  if (purchase.kind === "one_time") return [{ at: addMonths(now, -purchase.monthsAgo), outcome: "succeeded" }];
  const step = monthsPerPeriod(product);
  const start = addMonths(now, -purchase.startedMonthsAgo);
  const end = purchase.endedMonthsAgo === undefined ? now : addMonths(now, -purchase.endedMonthsAgo);
  const charges: Charge[] = [];
  for (let at = start; at <= end; at = addMonths(at, step)) {
    charges.push({ at, periodStart: at, periodEnd: addMonths(at, step), outcome: "succeeded" });
  }
  if (purchase.status === "on_hold") charges[charges.length - 1].outcome = "failed";
  return charges;
}

export const modeLabel = (mode: Mode) => (mode === "test" ? "test" : "live");
