import { AppError } from "@billfold/shared";
import { describe, expect, it } from "vitest";
import { normalizeName, normalizePhone } from "./profile.util.ts";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${String(error.details.field)}` : "other";
  }
  return undefined;
}

describe("profile rules", () => {
  it("trims a name and collapses inner spaces", () => {
    expect(normalizeName("  Ana   María ")).toBe("Ana María");
  });

  it("refuses an empty name and one longer than 100 characters", () => {
    expect(codeOf(() => normalizeName("   "))).toBe("BAD_USER_INPUT:name");
    expect(codeOf(() => normalizeName("x".repeat(101)))).toBe("BAD_USER_INPUT:name");
    expect(normalizeName("x".repeat(100))).toHaveLength(100);
  });

  it("accepts an E.164 phone typed with spaces and dashes", () => {
    expect(normalizePhone("+1 (415) 555-0123")).toBe("+14155550123");
  });

  it("refuses phones without a country code or with letters", () => {
    expect(codeOf(() => normalizePhone("0612345678"))).toBe("BAD_USER_INPUT:phone");
    expect(codeOf(() => normalizePhone("+0612345678"))).toBe("BAD_USER_INPUT:phone");
    expect(codeOf(() => normalizePhone("+1415CALLME"))).toBe("BAD_USER_INPUT:phone");
    expect(codeOf(() => normalizePhone("+1234567890123456"))).toBe("BAD_USER_INPUT:phone");
  });

  it("clears the phone when given null or blank", () => {
    expect(normalizePhone(null)).toBeNull();
    expect(normalizePhone("  ")).toBeNull();
  });
});
