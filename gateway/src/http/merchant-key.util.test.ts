import { describe, expect, it } from "vitest";
import { bearerToken, merchantKeyRoute } from "./merchant-key.util.ts";

const secret = "0123456789abcdefghjkmnpqrstvwxyz";

describe("merchant key routing", () => {
  it("reads the mode and business from a secret key", () => {
    expect(merchantKeyRoute(`sk_live_biz_acme01_${secret}`)).toEqual({ mode: "live", businessId: "biz_acme01" });
    expect(merchantKeyRoute(`sk_test_biz_q2w3e4r5t6_${secret}`)).toEqual({ mode: "test", businessId: "biz_q2w3e4r5t6" });
  });

  it("refuses keys of another shape", () => {
    for (const key of [`sk_prod_biz_acme01_${secret}`, `sk_live_${secret}`, `sk_live_biz_acme01_short`, `pk_live_biz_acme01_${secret}`, `sk_live_biz_ACME_${secret}`]) {
      expect(merchantKeyRoute(key)).toBeNull();
    }
  });

  it("takes the token of a Bearer authorization only", () => {
    expect(bearerToken(`Bearer sk_x`)).toBe("sk_x");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
