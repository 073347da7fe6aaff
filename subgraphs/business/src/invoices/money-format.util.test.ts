import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits } from "./money-format.util.ts";

describe("formatMoney", () => {
  it("divides by the currency's minor unit", () => {
    expect(formatMoney(1234, "EUR")).toBe("€12.34");
    expect(formatMoney(1200, "usd")).toBe("$12.00");
    expect(formatMoney(5, "GBP")).toBe("£0.05");
  });

  it("leaves zero-decimal currencies whole and handles three-decimal ones", () => {
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(formatMoney(1234, "JPY")).toBe("¥1,234");
    expect(formatMoney(1234, "KRW")).toBe("₩1,234");
    expect(formatMoney(1234, "KWD")).toBe("KWD\u00a01.234");
  });

  it("formats credits and large amounts", () => {
    expect(formatMoney(-500, "EUR")).toBe("-€5.00");
    expect(formatMoney(123_456_789, "EUR")).toBe("€1,234,567.89");
  });
});
