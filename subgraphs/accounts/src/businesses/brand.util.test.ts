import { describe, expect, it } from "vitest";
import { brandInitials } from "./brand.util.ts";

describe("brandInitials", () => {
  it("takes the first letters of the first two words", () => {
    expect(brandInitials("Acme Rockets Ltd")).toBe("AR");
  });

  it("takes one letter from a one-word name", () => {
    expect(brandInitials("northwind")).toBe("N");
  });

  it("ignores punctuation and extra spaces", () => {
    expect(brandInitials("  la-boulangerie  & co ")).toBe("LB");
  });

  it("keeps letters outside ASCII whole", () => {
    expect(brandInitials("élan 😀vital")).toBe("ÉV");
  });

  it("answers a placeholder for a name without letters", () => {
    expect(brandInitials(" -- ")).toBe("?");
  });
});
