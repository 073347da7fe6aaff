import { describe, expect, it } from "vitest";
import { type ProrationInput, computeProration, prorate } from "./proration.util.ts";

const start = new Date("2026-11-01T00:00:00Z");
const end = new Date("2026-12-01T00:00:00Z"); // 30 days
const base: ProrationInput = {
  mode: "prorated_immediately",
  current: { name: "Starter", amount: 1900, interval: "month", intervalCount: 1 },
  next: { name: "Pro", unitAmount: 4900, quantity: 1, taxRateBps: 0, interval: "month", intervalCount: 1 },
  period: { start, end },
  now: new Date("2026-11-21T00:00:00Z"), // 10 days left
  creditBalance: 0,
};

describe("prorate", () => {
  it("rounds half up in whole minor units", () => {
    expect(prorate(1000, 1, 3)).toBe(333);
    expect(prorate(1000, 2, 3)).toBe(667);
    expect(prorate(5, 1, 2)).toBe(3);
    expect(prorate(4900, 10, 30)).toBe(1633);
    expect(prorate(1900, 10, 30)).toBe(633);
  });
});

describe("computeProration", () => {
  it("prorated_immediately charges the new plan for the days left minus the unused days, period unchanged", () => {
    const result = computeProration(base);
    expect(result.lines.map((l) => l.amount)).toEqual([1633, -633]);
    expect(result).toMatchObject({ subtotal: 1000, tax: 0, credit: 633, amountDueNow: 1000, creditBalance: 0, nextRenewalAmount: 4900 });
    expect(result.nextBillingDate).toEqual(end);
    expect(result.periodStart).toEqual(start);
  });

  it("counts a started day as left, so a preview and an apply later the same day agree", () => {
    const morning = computeProration({ ...base, now: new Date("2026-11-20T01:00:00Z") });
    const evening = computeProration({ ...base, now: new Date("2026-11-20T23:00:00Z") });
    expect(morning.amountDueNow).toBe(evening.amountDueNow);
  });

  it("adds tax at the new product's rate on the subtotal, rounded half up", () => {
    const result = computeProration({ ...base, next: { ...base.next, taxRateBps: 1900 } });
    expect(result.tax).toBe(190);
    expect(result.amountDueNow).toBe(1190);
    expect(result.nextRenewalAmount).toBe(4900 + 931);
  });

  it("keeps the unused part of a downgrade as credit for the next renewal, charging nothing now", () => {
    const result = computeProration({ ...base, current: { ...base.current, name: "Pro", amount: 4900 }, next: { ...base.next, name: "Starter", unitAmount: 1900 } });
    expect(result.lines.map((l) => l.amount)).toEqual([633, -633]);
    expect(result).toMatchObject({ subtotal: 0, amountDueNow: 0, credit: 633, creditBalance: 1000, nextRenewalAmount: 900 });
  });

  it("full_immediately charges the full new price and starts a new period now", () => {
    const result = computeProration({ ...base, mode: "full_immediately", next: { ...base.next, quantity: 2 } });
    expect(result.lines).toEqual([expect.objectContaining({ quantity: 2, unitAmount: 4900, amount: 9800 })]);
    expect(result).toMatchObject({ subtotal: 9800, credit: 0, amountDueNow: 9800, nextRenewalAmount: 9800 });
    expect(result.periodStart).toEqual(base.now);
    expect(result.nextBillingDate).toEqual(new Date("2026-12-21T00:00:00Z"));
  });

  it("difference_immediately charges the price difference and never a negative one", () => {
    expect(computeProration({ ...base, mode: "difference_immediately" })).toMatchObject({ amountDueNow: 3000, nextBillingDate: end });
    const down = computeProration({ ...base, mode: "difference_immediately", current: { ...base.current, amount: 9900 } });
    expect(down).toMatchObject({ lines: [], amountDueNow: 0, creditBalance: 0 });
  });

  it("do_not_bill charges nothing and renews at the new price", () => {
    expect(computeProration({ ...base, mode: "do_not_bill" })).toMatchObject({ lines: [], amountDueNow: 0, nextRenewalAmount: 4900, nextBillingDate: end });
  });

  it("starts a new period when the billing interval changes, crediting the unused days", () => {
    const result = computeProration({ ...base, next: { ...base.next, name: "Pro yearly", unitAmount: 49000, interval: "year" } });
    expect(result).toMatchObject({ subtotal: 49000 - 633, credit: 633 });
    expect(result.nextBillingDate).toEqual(new Date("2027-11-21T00:00:00Z"));
  });

  it("uses earlier credit before charging", () => {
    expect(computeProration({ ...base, creditBalance: 400 })).toMatchObject({ credit: 1033, amountDueNow: 600, creditBalance: 0 });
  });
});
