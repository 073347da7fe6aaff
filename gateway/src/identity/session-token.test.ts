import { describe, expect, it } from "vitest";
import { sessionTokenFrom } from "./session-token.ts";

const token = "abcdefghjkmnpqrstvwxyz0123";

describe("sessionTokenFrom", () => {
  it("reads the session cookie among others", () => {
    expect(sessionTokenFrom({ cookie: `a=1; bf_session=${token}; b=2` })).toBe(token);
  });

  it("prefers the __Host- cookie", () => {
    expect(sessionTokenFrom({ cookie: `bf_session=old-token-0000000000; __Host-bf_session=${token}` })).toBe(token);
  });

  it("reads a bearer session token before the cookie", () => {
    expect(sessionTokenFrom({ authorization: `Bearer ${token}`, cookie: "bf_session=other-token-0000000" })).toBe(token);
  });

  it("does not take a merchant key for a session, but still reads the cookie", () => {
    expect(sessionTokenFrom({ authorization: `Bearer sk_test_${token}` })).toBeNull();
    expect(sessionTokenFrom({ authorization: `Bearer sk_live_${token}`, cookie: `bf_session=${token}` })).toBe(token);
  });

  it("ignores malformed or oversized values and look-alike cookie names", () => {
    expect(sessionTokenFrom({ cookie: "bf_session=short" })).toBeNull();
    expect(sessionTokenFrom({ cookie: `bf_session=${"a".repeat(600)}` })).toBeNull();
    expect(sessionTokenFrom({ cookie: `xbf_session=${token}` })).toBeNull();
    expect(sessionTokenFrom({ cookie: "bf_session=%E0%A4%A" })).toBeNull();
    expect(sessionTokenFrom({ authorization: "Basic dXNlcjpwYXNz" })).toBeNull();
  });
});
