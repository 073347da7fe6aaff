import { describe, expect, it } from "vitest";
import { formatInvoiceNumber, taxFor } from "./invoice-number.util.ts";

describe("invoice numbers", () => {
  it("pads the counter to five digits after the prefix", () => {
    expect(formatInvoiceNumber("ACME", 42)).toBe("ACME-00042");
    expect(formatInvoiceNumber("ACME", 123456)).toBe("ACME-123456");
  });

  it("refuses a counter below one", () => {
    expect(() => formatInvoiceNumber("ACME", 0)).toThrow();
  });

  it("rounds tax half up to the minor unit", () => {
    expect(taxFor(1005, 1000)).toBe(101);
    expect(taxFor(1000, 0)).toBe(0);
  });
});
