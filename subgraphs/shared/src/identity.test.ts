import { describe, expect, it } from "vitest";
import { type Identity, signIdentity, verifyIdentity } from "./identity.ts";

const secret = "s".repeat(40);
const person: Identity = {
  kind: "person",
  email: "ana@example.com",
  sessionId: "ses_1",
  mode: "test",
  accounts: [{ businessId: "biz_a", customerId: "cus_1" }],
};

describe("signed identity", () => {
  it("round-trips an identity signed with the same secret", () => {
    expect(verifyIdentity(signIdentity(person, secret), secret)).toEqual(person);
  });

  it("refuses a header signed with another secret", () => {
    expect(verifyIdentity(signIdentity(person, "x".repeat(40)), secret)).toBeNull();
  });

  it("refuses a payload changed after signing", () => {
    const [, signature] = signIdentity(person, secret).split(".");
    const forged = Buffer.from(JSON.stringify({ identity: { ...person, email: "eve@example.com" }, exp: 9e9 })).toString("base64url");
    expect(verifyIdentity(`${forged}.${signature}`, secret)).toBeNull();
  });

  it("refuses an expired header", () => {
    const header = signIdentity(person, secret, Date.now() - 61_000);
    expect(verifyIdentity(header, secret)).toBeNull();
  });

  it("refuses missing and malformed headers", () => {
    expect(verifyIdentity(undefined, secret)).toBeNull();
    expect(verifyIdentity("garbage", secret)).toBeNull();
    expect(verifyIdentity("a.b", secret)).toBeNull();
  });
});
