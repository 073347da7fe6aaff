import { describe, expect, it } from "vitest";
import { MAX_LICENSE_KEY_LENGTH, generateLicenseKey, maskLicenseKey, parseLicenseKey } from "./license-key.util.ts";

describe("license keys", () => {
  it("carries the business (upper case) and four groups of five base32 characters, different every time", () => {
    const key = generateLicenseKey("biz_kestrel", "live");
    expect(key).toMatch(/^KESTREL(-[0-9A-Z]{5}){4}$/);
    expect(generateLicenseKey("biz_kestrel", "live")).not.toBe(key);
  });

  it("starts test-mode keys with TEST- and parses the business and mode back", () => {
    const test = generateLicenseKey("biz_5k2m9q", "test");
    expect(test).toMatch(/^TEST-5K2M9Q(-[0-9A-Z]{5}){4}$/);
    expect(parseLicenseKey(test)).toEqual({ key: test, businessId: "biz_5k2m9q", mode: "test" });
    expect(parseLicenseKey(` ${test.toLowerCase()} `)).toEqual({ key: test, businessId: "biz_5k2m9q", mode: "test" });
  });

  it("reads a live key of a business named 'test' as live, and its test key as test", () => {
    const live = generateLicenseKey("biz_test", "live");
    const test = generateLicenseKey("biz_test", "test");
    expect(parseLicenseKey(live)).toMatchObject({ businessId: "biz_test", mode: "live" });
    expect(parseLicenseKey(test)).toMatchObject({ businessId: "biz_test", mode: "test" });
  });

  it("refuses strings that are not keys and fits the longest business id in the column", () => {
    expect(parseLicenseKey("AAAAA-BBBBB-CCCCC-DDDDD")).toBeNull();
    expect(parseLicenseKey("sk_test_biz_abcd_x")).toBeNull();
    expect(() => generateLicenseKey("acme", "test")).toThrow(RangeError);
    expect(generateLicenseKey(`biz_${"a".repeat(36)}`, "test")).toHaveLength(MAX_LICENSE_KEY_LENGTH);
  });

  it("masks to a fixed length and shows only the last four characters", () => {
    expect(maskLicenseKey("AAAAA-BBBBB-CCCCC-DWXYZ")).toBe("••••-••••-••••-WXYZ");
    expect(maskLicenseKey("SHORT1234")).toHaveLength(maskLicenseKey("AAAAA-BBBBB-CCCCC-DWXYZ").length);
  });
});
