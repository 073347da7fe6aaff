import { describe, expect, it } from "vitest";
import { apiKeyMode, generateApiKey, hashApiKey } from "./api-key.util.ts";

describe("API keys", () => {
  it("starts with the mode and keeps a short visible prefix", () => {
    const { key, prefix } = generateApiKey("live");
    expect(key).toMatch(/^sk_live_[0-9a-z]{32}$/);
    expect(prefix).toBe(key.slice(0, 14));
    expect(apiKeyMode(key)).toBe("live");
  });

  it("hashes with sha256 hex and rejects strings that are not keys", () => {
    expect(hashApiKey("sk_test_x")).toMatch(/^[0-9a-f]{64}$/);
    expect(apiKeyMode("pk_test_abc")).toBeNull();
    expect(apiKeyMode("sk_test_")).toBeNull();
  });
});
