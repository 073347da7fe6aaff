import { describe, expect, it } from "vitest";
import { generateLicenseKey, maskLicenseKey } from "./license-key.util.ts";

describe("license keys", () => {
  it("generates four groups of five base32 characters, different every time", () => {
    const key = generateLicenseKey();
    expect(key).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(generateLicenseKey()).not.toBe(key);
  });

  it("masks to a fixed length and shows only the last four characters", () => {
    expect(maskLicenseKey("AAAAA-BBBBB-CCCCC-DWXYZ")).toBe("••••-••••-••••-WXYZ");
    expect(maskLicenseKey("SHORT1234")).toHaveLength(maskLicenseKey("AAAAA-BBBBB-CCCCC-DWXYZ").length);
  });
});
