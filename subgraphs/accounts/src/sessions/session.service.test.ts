import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertDirectoryEntries } from "../directory/directory.service.ts";
import { Person } from "../people/person.entity.ts";
import { type AccountsTestKit, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";
import { Session } from "./session.entity.ts";
import { SESSION_IDLE_TIMEOUT_MS, SESSION_LIFETIME_MS } from "./session.rules.ts";
import { createSession, resolveSessionIdentity, revokeSession } from "./session.service.ts";
import { hashToken } from "./token.util.ts";

let kit: AccountsTestKit;
const start = new Date("2026-03-01T09:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

describe("sessions", () => {
  it("stores only the hash of the token and creates the person on first sign-in", async () => {
    const email = uniqueEmail();
    const { token, session } = await createSession(kit.em(), { email: `  ${email.toUpperCase()} `, mode: "live", userAgent: "vitest", ip: "127.0.0.1" }, start);
    const row = await kit.em().findOneOrFail(Session, { id: session.id });
    expect(row.idHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.email).toBe(email);
    expect(row.expiresAt).toEqual(later(SESSION_LIFETIME_MS));
    expect(await kit.em().count(Person, { email })).toBe(1);

    await createSession(kit.em(), { email, mode: "test" }, start);
    expect(await kit.em().count(Person, { email })).toBe(1);
  });

  it("resolves a live session to a person with the directory accounts of its email and mode", async () => {
    const email = uniqueEmail();
    const business = await kit.business();
    await upsertDirectoryEntries(kit.em(), [
      { email, businessId: business.id, customerId: "cus_live1", mode: "live" },
      { email, businessId: business.id, customerId: "cus_test1", mode: "test" },
      { email: uniqueEmail("other"), businessId: business.id, customerId: "cus_other", mode: "live" },
    ]);
    const { token, session } = await createSession(kit.em(), { email, mode: "live" }, start);

    expect(await resolveSessionIdentity(kit.em(), token, later(1000))).toEqual({
      kind: "person",
      email,
      sessionId: session.id,
      mode: "live",
      accounts: [{ businessId: business.id, customerId: "cus_live1" }],
    });
  });

  it("answers anonymous for an unknown token", async () => {
    expect(await resolveSessionIdentity(kit.em(), "not-a-session", start)).toEqual({ kind: "anonymous" });
    expect(await resolveSessionIdentity(kit.em(), "", start)).toEqual({ kind: "anonymous" });
  });

  it("expires a session 24 hours after sign-in even when it is used all along", async () => {
    const { token } = await createSession(kit.em(), { email: uniqueEmail(), mode: "live" }, start);
    for (let hour = 1; hour < 24; hour++) {
      expect((await resolveSessionIdentity(kit.em(), token, later(hour * 3_600_000))).kind).toBe("person");
    }
    expect((await resolveSessionIdentity(kit.em(), token, later(SESSION_LIFETIME_MS))).kind).toBe("anonymous");
  });

  it("honours a shorter ttl", async () => {
    const { token } = await createSession(kit.em(), { email: uniqueEmail(), mode: "test", ttl: 10 * 60_000 }, start);
    expect((await resolveSessionIdentity(kit.em(), token, later(9 * 60_000))).kind).toBe("person");
    expect((await resolveSessionIdentity(kit.em(), token, later(10 * 60_000))).kind).toBe("anonymous");
  });

  it("times out a session left idle for 2 hours", async () => {
    const { token } = await createSession(kit.em(), { email: uniqueEmail(), mode: "live" }, start);
    expect((await resolveSessionIdentity(kit.em(), token, later(SESSION_IDLE_TIMEOUT_MS - 60_000))).kind).toBe("person");
    // The use above moved lastSeenAt, so the idle clock restarted from there.
    expect((await resolveSessionIdentity(kit.em(), token, later(2 * SESSION_IDLE_TIMEOUT_MS - 61_000))).kind).toBe("person");
    expect((await resolveSessionIdentity(kit.em(), token, later(3 * SESSION_IDLE_TIMEOUT_MS))).kind).toBe("anonymous");
  });

  it("touches lastSeenAt at most once a minute", async () => {
    const { token, session } = await createSession(kit.em(), { email: uniqueEmail(), mode: "live" }, start);
    await resolveSessionIdentity(kit.em(), token, later(30_000));
    expect((await kit.em().findOneOrFail(Session, session.id)).lastSeenAt).toEqual(start);
    await resolveSessionIdentity(kit.em(), token, later(61_000));
    expect((await kit.em().findOneOrFail(Session, session.id)).lastSeenAt).toEqual(later(61_000));
    await resolveSessionIdentity(kit.em(), token, later(90_000));
    expect((await kit.em().findOneOrFail(Session, session.id)).lastSeenAt).toEqual(later(61_000));
  });

  it("stops resolving a session once revoked, by id or by token", async () => {
    const byId = await createSession(kit.em(), { email: uniqueEmail(), mode: "live" }, start);
    const byToken = await createSession(kit.em(), { email: uniqueEmail(), mode: "live" }, start);

    expect(await revokeSession(kit.em(), { sessionId: byId.session.id, email: uniqueEmail("intruder") }, later(500))).toBe(false);
    expect((await resolveSessionIdentity(kit.em(), byId.token, later(600))).kind).toBe("person");
    expect(await revokeSession(kit.em(), { sessionId: byId.session.id, email: byId.session.email }, later(1000))).toBe(true);
    expect(await revokeSession(kit.em(), { token: byToken.token }, later(1000))).toBe(true);
    expect(await revokeSession(kit.em(), { token: byToken.token }, later(2000))).toBe(false);

    expect((await resolveSessionIdentity(kit.em(), byId.token, later(5000))).kind).toBe("anonymous");
    expect((await resolveSessionIdentity(kit.em(), byToken.token, later(5000))).kind).toBe("anonymous");
  });
});
