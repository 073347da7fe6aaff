import { describe, expect, it } from "vitest";
import { apiKeyMode, generateApiKey, hashApiKey, parseApiKey } from "./api-key.util.ts";

describe("API keys", () => {
  it("name their mode and business, carry 160 random bits and keep a short visible prefix", () => {
    const { key, prefix } = generateApiKey("live", "biz_acme01");
    expect(key).toMatch(/^sk_live_biz_acme01_[0-9a-z]{32}$/);
    expect(prefix).toBe(key.slice(0, "sk_live_biz_acme01_".length + 6));
    expect(apiKeyMode(key)).toBe("live");
    expect(parseApiKey(key)).toEqual({ mode: "live", businessId: "biz_acme01" });
    expect(generateApiKey("live", "biz_acme01").key).not.toBe(key);
  });

  it("refuses to make a key for something that is not a business id", () => {
    expect(() => generateApiKey("test", "acme")).toThrow(RangeError);
  });

  it("hashes with sha256 hex and rejects strings that are not keys", () => {
    expect(hashApiKey("sk_test_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(apiKeyMode("pk_test_abc")).toBeNull();
    expect(apiKeyMode("sk_test_")).toBeNull();
    expect(apiKeyMode(`sk_test_${"a".repeat(32)}`)).toBeNull();
    expect(parseApiKey(`sk_prod_biz_acme01_${"a".repeat(32)}`)).toBeNull();
  });
});
