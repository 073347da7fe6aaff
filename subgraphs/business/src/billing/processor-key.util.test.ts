import { describe, expect, it } from "vitest";
import { dunningChargeKey, planChangeChargeKey, renewalChargeKey } from "./processor-key.util.ts";

const due = new Date("2026-12-26T10:00:00Z");
const later = new Date("2026-12-29T10:00:00Z");

describe("processor idempotency keys", () => {
  it("names the same billing attempt with the same key, however often it is rebuilt", () => {
    expect(renewalChargeKey("sub_1", new Date(due))).toBe(renewalChargeKey("sub_1", due));
    expect(dunningChargeKey("sub_1", new Date(later), 2)).toBe(dunningChargeKey("sub_1", later, 2));
    expect(planChangeChargeKey("sub_1", 4, 1)).toBe(planChangeChargeKey("sub_1", 4, 1));
  });

  it("gives every other subscription, period, attempt and kind of charge its own key", () => {
    const keys = [
      renewalChargeKey("sub_1", due),
      renewalChargeKey("sub_2", due),
      renewalChargeKey("sub_1", later),
      dunningChargeKey("sub_1", due, 2),
      dunningChargeKey("sub_1", later, 2),
      dunningChargeKey("sub_1", later, 3),
      planChangeChargeKey("sub_1", 4, 1),
      planChangeChargeKey("sub_1", 5, 1),
      planChangeChargeKey("sub_1", 4, 2),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
