import type { Identity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertDirectoryEntries } from "../directory/directory.service.ts";
import { ensureMerchantUser } from "../merchants/merchant.service.ts";
import { resolveSessionIdentity } from "../sessions/session.service.ts";
import { createContext } from "../shared/context.ts";
import { type AccountsTestKit, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";
import { exchangeLoginToken } from "./exchange.service.ts";

let kit: AccountsTestKit;
const anonymous: Identity = { kind: "anonymous" };
const MIN = 60_000;

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }
`;
const EXCHANGE = /* GraphQL */ `
  mutation ($token: String!, $businessId: ID, $mode: Mode) {
    exchangeLoginToken(token: $token, businessId: $businessId, mode: $mode) {
      redirectTo returnUrl businessName
      viewer { email mode accounts { businessId customerId } }
      merchant { email businessId mode business { name } }
    }
  }
`;
const PREVIEW = /* GraphQL */ `
  query ($token: String!) { loginLinkPreview(token: $token) { status emailHint mode merchant business { id name } } }
`;

/** The token of the newest link emailed to `email`. */
async function linkTokenFor(email: string): Promise<string> {
  await kit.runJobs();
  const [message] = await kit.mailbox(email);
  expect(message, `an email to ${email}`).toBeDefined();
  const match = /\/auth\/([0-9a-z]+)/.exec(message.text);
  expect(message.text).toContain(`${kit.config.PUBLIC_URL}/auth/`);
  return match![1];
}

function cookieOf(response: { headers: Record<string, unknown> }): string | undefined {
  const value = response.headers["set-cookie"];
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}
const tokenOfCookie = (cookie: string) => /^bf_session=([^;]*)/.exec(cookie)![1];

async function customer(mode: "live" | "test" = "live") {
  const business = await kit.business({ name: "Acme Rockets" });
  const email = uniqueEmail();
  await upsertDirectoryEntries(kit.em(), [{ email, businessId: business.id, customerId: "cus_1", mode }]);
  return { business, email };
}

describe("static link sign-in", () => {
  it("emails a branded link to a known email; exchanging it sets the cookie and signs the person in", async () => {
    const { business, email } = await customer();
    const requested = await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    expect(requested).toEqual({ data: { requestLoginLink: { message: "If that email has purchases at Acme Rockets, a link is on its way." } } });

    const token = await linkTokenFor(email);
    const [message] = await kit.mailbox(email);
    expect(message.subject).toBe("Your sign-in link for Acme Rockets");
    expect(message.html).toContain("#112233");

    expect((await kit.graphql(anonymous, PREVIEW, { token })).data).toEqual({
      loginLinkPreview: { status: "valid", emailHint: email, mode: "live", merchant: false, business: { id: business.id, name: "Acme Rockets" } },
    });

    const response = await kit.post(anonymous, EXCHANGE, { token }, { "x-billfold-client-ip": "203.0.113.7", "user-agent": "FlowTest/1" });
    expect(response.json()).toEqual({
      data: {
        exchangeLoginToken: {
          redirectTo: `/b/${business.id}`,
          returnUrl: null,
          businessName: "Acme Rockets",
          viewer: { email, mode: "live", accounts: [{ businessId: business.id, customerId: "cus_1" }] },
          merchant: null,
        },
      },
    });
    const cookie = cookieOf(response)!;
    expect(cookie).toMatch(/^bf_session=[0-9a-z]{32}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax$/);
    const identity = await resolveSessionIdentity(kit.em(), tokenOfCookie(cookie));
    expect(identity).toMatchObject({ kind: "person", email, mode: "live", accounts: [{ businessId: business.id, customerId: "cus_1" }] });
  });

  it("works once: a second exchange is refused as used and the preview says so", async () => {
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const token = await linkTokenFor(email);
    expect((await kit.graphql(anonymous, EXCHANGE, { token })).errors).toBeUndefined();

    const again = await kit.graphql(anonymous, EXCHANGE, { token });
    expect(again.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "used" });
    expect((await kit.graphql<{ loginLinkPreview: { status: string; emailHint: string } }>(anonymous, PREVIEW, { token })).data?.loginLinkPreview).toMatchObject({
      status: "used",
      emailHint: `${email[0]}***@example.test`,
    });
  });

  it("lets only one of two concurrent exchanges win", async () => {
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const token = await linkTokenFor(email);
    const results = await Promise.all([kit.graphql(anonymous, EXCHANGE, { token }), kit.graphql(anonymous, EXCHANGE, { token })]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
  });

  it("refuses a link 10 minutes after it was sent", async () => {
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const token = await linkTokenFor(email);
    const ctx = createContext(anonymous, kit.em(), { publicUrl: kit.config.PUBLIC_URL, jobs: kit.accounts.jobs, limits: kit.accounts.limits });
    await expect(exchangeLoginToken(ctx, token, {}, new Date(Date.now() + 10 * MIN + 1000))).rejects.toMatchObject({ code: "BAD_USER_INPUT", details: { reason: "expired" } });
    // Refused, not consumed: still valid right now.
    expect((await kit.graphql(anonymous, PREVIEW, { token })).data).toMatchObject({ loginLinkPreview: { status: "valid" } });
  });

  it("refuses a tampered token as unknown", async () => {
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const token = await linkTokenFor(email);
    const tampered = token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");
    for (const bad of [tampered, "not a token", ""]) {
      const result = await kit.graphql(anonymous, EXCHANGE, { token: bad });
      expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "unknown" });
    }
    expect((await kit.graphql(anonymous, EXCHANGE, { token })).errors).toBeUndefined();
  });

  it("refuses a link for another business or mode without burning it, and a test link makes a test session", async () => {
    const { business, email } = await customer("test");
    const other = await kit.business({ name: "Other Shop" });
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id, mode: "test" } });
    const token = await linkTokenFor(email);

    const wrongBusiness = await kit.graphql(anonymous, EXCHANGE, { token, businessId: other.id });
    expect(wrongBusiness.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "other_business" });
    const wrongMode = await kit.graphql(anonymous, EXCHANGE, { token, businessId: business.id, mode: "live" });
    expect(wrongMode.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "other_mode" });

    const right = await kit.graphql<{ exchangeLoginToken: { viewer: { mode: string } } }>(anonymous, EXCHANGE, { token, businessId: business.id, mode: "test" });
    expect(right.data?.exchangeLoginToken.viewer.mode).toBe("test");
  });

  it("sends nothing to an unknown email, or to a customer of another mode, with a byte-identical answer", async () => {
    const { business, email } = await customer("live");
    const unknown = uniqueEmail("nobody");
    const known = await kit.post(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const stranger = await kit.post(anonymous, REQUEST, { input: { email: unknown, businessId: business.id } });
    const otherMode = await kit.post(anonymous, REQUEST, { input: { email, businessId: business.id, mode: "test" } });
    expect(stranger.statusCode).toBe(known.statusCode);
    expect(stranger.body).toBe(known.body);
    expect(stranger.headers["content-length"]).toBe(known.headers["content-length"]);
    await kit.runJobs();
    expect(await kit.mailbox(unknown)).toEqual([]);
    expect((await kit.mailbox(email)).length).toBe(1);
    expect(otherMode.json()).toEqual({ data: { requestLoginLink: { message: "If that email has purchases at Acme Rockets, a link is on its way." } } });
  });

  it("refuses an invalid email or an unknown business with a reason", async () => {
    const bad = await kit.graphql(anonymous, REQUEST, { input: { email: "not-an-email" } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    const missing = await kit.graphql(anonymous, REQUEST, { input: { email: uniqueEmail(), businessId: "biz_missing" } });
    expect(missing.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("unified sign-on", () => {
  it("signs the person into every business of that email and mode with one link", async () => {
    const email = uniqueEmail();
    const [a, b] = [await kit.business({ name: "Alpha" }), await kit.business({ name: "Beta" })];
    await upsertDirectoryEntries(kit.em(), [
      { email, businessId: a.id, customerId: "cus_a", mode: "live" },
      { email, businessId: b.id, customerId: "cus_b", mode: "live" },
    ]);
    const answer = await kit.graphql(anonymous, REQUEST, { input: { email } });
    expect(answer.data).toEqual({ requestLoginLink: { message: "If that email has purchases at any business on Billfold, a link is on its way." } });
    const token = await linkTokenFor(email);
    expect((await kit.mailbox(email))[0].text).toContain("Alpha, Beta");
    const preview = await kit.graphql(anonymous, PREVIEW, { token });
    expect(preview.data).toMatchObject({ loginLinkPreview: { status: "valid", business: null, emailHint: `${email[0]}***@example.test` } });

    const result = await kit.graphql<{ exchangeLoginToken: { redirectTo: string; viewer: { accounts: unknown[] } } }>(anonymous, EXCHANGE, { token });
    expect(result.data?.exchangeLoginToken.redirectTo).toBe("/");
    expect(result.data?.exchangeLoginToken.viewer.accounts).toHaveLength(2);
  });
});

describe("sessions", () => {
  async function signIn(identity: Identity = anonymous) {
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const token = await linkTokenFor(email);
    const response = await kit.post(identity, EXCHANGE, { token });
    const sessionToken = tokenOfCookie(cookieOf(response)!);
    return { email, business, sessionToken, identity: await resolveSessionIdentity(kit.em(), sessionToken), response };
  }

  it("rotates: signing in again ends the browser's previous session and tells the gateway", async () => {
    const first = await signIn();
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    const token = await linkTokenFor(email);
    const response = await kit.post(first.identity, EXCHANGE, { token });
    const second = tokenOfCookie(cookieOf(response)!);
    expect(second).not.toBe(first.sessionToken);
    expect(response.headers["x-billfold-stale-sessions"]).toBe((first.identity as { sessionId: string }).sessionId);
    expect((await resolveSessionIdentity(kit.em(), first.sessionToken)).kind).toBe("anonymous");
    expect((await resolveSessionIdentity(kit.em(), second)).kind).toBe("person");
  });

  it("logout ends the session on the server and clears the cookie", async () => {
    const { identity, sessionToken } = await signIn();
    const response = await kit.post(identity, "mutation { logout }");
    expect(response.json()).toEqual({ data: { logout: true } });
    expect(cookieOf(response)).toBe("bf_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
    expect((await resolveSessionIdentity(kit.em(), sessionToken)).kind).toBe("anonymous");
  });

  it("lists the person's sessions and ends the others", async () => {
    const first = await signIn();
    // A second browser of the same person.
    await kit.graphql(anonymous, REQUEST, { input: { email: first.email, businessId: first.business.id } });
    const token = await linkTokenFor(first.email);
    const other = tokenOfCookie(cookieOf(await kit.post(anonymous, EXCHANGE, { token }, { "user-agent": "Phone/2" }))!);

    const list = await kit.graphql<{ viewer: { sessions: { id: string; current: boolean; userAgent: string | null }[] } }>(
      first.identity,
      "{ viewer { sessions { id current userAgent ip createdAt lastSeenAt } } }",
    );
    expect(list.data?.viewer.sessions).toHaveLength(2);
    expect(list.data?.viewer.sessions.filter((s) => s.current)).toHaveLength(1);

    const ended = await kit.post(first.identity, "mutation { endOtherSessions }");
    expect(ended.json()).toEqual({ data: { endOtherSessions: 1 } });
    expect(ended.headers["x-billfold-stale-sessions"]).toMatch(/^ses_/);
    expect((await resolveSessionIdentity(kit.em(), other)).kind).toBe("anonymous");
    expect((await resolveSessionIdentity(kit.em(), first.sessionToken)).kind).toBe("person");
  });
});

describe("merchant links (invite and portal session)", () => {
  const shard = { kind: "service", service: "shard1" } as const;
  const createLink = (body: Record<string, unknown>, caller: Identity = shard) =>
    kit.accounts.app.inject({ method: "POST", url: "/internal/links", headers: kit.header(caller), payload: body });

  it("makes an invite that opens only that business's portal, and is refused after 24 hours", async () => {
    const { business, email } = await customer();
    const elsewhere = await kit.business({ name: "Elsewhere" });
    await upsertDirectoryEntries(kit.em(), [{ email, businessId: elsewhere.id, customerId: "cus_e", mode: "live" }]);

    const made = await createLink({ kind: "invite", businessId: business.id, customerId: "cus_1", email, mode: "live" });
    expect(made.statusCode).toBe(200);
    const { link, expiresAt } = made.json();
    expect(link).toMatch(/^http:\/\/localhost:4000\/auth\/[0-9a-z]{32}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(24 * 60 * MIN - 60_000);
    const token = link.split("/auth/")[1];

    const ctx = createContext(anonymous, kit.em(), { publicUrl: kit.config.PUBLIC_URL, jobs: kit.accounts.jobs, limits: kit.accounts.limits });
    await expect(exchangeLoginToken(ctx, token, {}, new Date(Date.now() + 24 * 60 * MIN + 1000))).rejects.toMatchObject({ details: { reason: "expired" } });

    const response = await kit.post(anonymous, EXCHANGE, { token });
    expect(response.json().data.exchangeLoginToken.viewer.accounts).toEqual([{ businessId: business.id, customerId: "cus_1" }]);
    const identity = await resolveSessionIdentity(kit.em(), tokenOfCookie(cookieOf(response)!));
    expect(identity).toMatchObject({ accounts: [{ businessId: business.id, customerId: "cus_1" }], businessScope: business.id });
  });

  it("makes a portal session with a deep link and return URL, and emails it on request", async () => {
    const { business, email } = await customer();
    const made = await createLink({
      kind: "portal",
      businessId: business.id,
      customerId: "cus_1",
      email,
      mode: "live",
      returnUrl: "https://shop.example.com/account",
      flow: "cancel_subscription",
      subscriptionId: "sub_9",
      sendEmail: true,
      ttlSeconds: 600,
    });
    expect(made.statusCode).toBe(200);
    const token = made.json().link.split("/auth/")[1];
    expect(await linkTokenFor(email)).toBe(token);

    const result = (await kit.post(anonymous, EXCHANGE, { token })).json().data.exchangeLoginToken;
    expect(result).toMatchObject({
      redirectTo: `/b/${business.id}?flow=cancel_subscription&subscriptionId=sub_9`,
      returnUrl: "https://shop.example.com/account",
      businessName: "Acme Rockets",
    });
  });

  it.each([
    ["an http return URL", { returnUrl: "http://shop.example.com/" }, 400],
    ["an unknown flow", { flow: "delete_account" }, 400],
    ["a business of another shard", { shardOverride: true }, 403],
  ])("refuses %s", async (_label, extra, status) => {
    const { business, email } = await customer();
    const { shardOverride, ...rest } = extra as Record<string, unknown>;
    const caller: Identity = shardOverride ? { kind: "service", service: "shard2" } : shard;
    const response = await createLink({ kind: "portal", businessId: business.id, customerId: "cus_1", email, mode: "live", ...rest }, caller);
    expect(response.statusCode).toBe(status);
  });

  it("refuses callers that are not Billfold services", async () => {
    const response = await createLink({ kind: "invite" }, { kind: "anonymous" });
    expect(response.statusCode).toBe(401);
  });
});

describe("merchant sign-in", () => {
  it("emails a dashboard link; the exchange makes a merchant session that can switch mode", async () => {
    const business = await kit.business({ name: "Merchant Co" });
    const email = uniqueEmail("merchant");
    await ensureMerchantUser(kit.em(), { email, businessId: business.id });
    await ensureMerchantUser(kit.em(), { email, businessId: business.id });

    const answer = await kit.graphql(anonymous, "mutation ($e: String!) { requestMerchantLoginLink(input: {email: $e}) { message } }", { e: email });
    const unknownAnswer = await kit.graphql(anonymous, "mutation ($e: String!) { requestMerchantLoginLink(input: {email: $e}) { message } }", { e: uniqueEmail() });
    expect(unknownAnswer).toEqual(answer);
    const token = await linkTokenFor(email);
    expect((await kit.graphql(anonymous, PREVIEW, { token })).data).toMatchObject({ loginLinkPreview: { status: "valid", merchant: true } });

    const response = await kit.post(anonymous, EXCHANGE, { token });
    expect(response.json().data.exchangeLoginToken).toMatchObject({ redirectTo: "/merchant", viewer: null, merchant: { email, businessId: business.id, mode: "test" } });
    const identity = await resolveSessionIdentity(kit.em(), tokenOfCookie(cookieOf(response)!));
    expect(identity).toMatchObject({ kind: "merchant", businessId: business.id, mode: "test" });

    const switched = await kit.post(identity, "mutation { switchMerchantMode(mode: live) { mode business { name } } }");
    expect(switched.json()).toEqual({ data: { switchMerchantMode: { mode: "live", business: { name: "Merchant Co" } } } });
    expect(switched.headers["x-billfold-stale-sessions"]).toBe((identity as { sessionId: string }).sessionId);
    const after = await resolveSessionIdentity(kit.em(), tokenOfCookie(cookieOf(response)!));
    expect(after).toMatchObject({ kind: "merchant", mode: "live" });
    expect((await kit.graphql(after, "{ merchant { email mode } viewer { email } }")).data).toEqual({ merchant: { email, mode: "live" }, viewer: null });
  });
});

describe("dev mailbox", () => {
  it("answers JSON newest first and an HTML page", async () => {
    const { business, email } = await customer();
    await kit.graphql(anonymous, REQUEST, { input: { email, businessId: business.id } });
    await kit.runJobs();
    const json = await kit.accounts.app.inject({ method: "GET", url: `/dev/mailbox?to=${encodeURIComponent(email)}` });
    expect(json.statusCode).toBe(200);
    const messages = json.json();
    expect(messages).toHaveLength(1);
    expect(Object.keys(messages[0]).sort()).toEqual(["createdAt", "html", "subject", "text", "to"]);
    const page = await kit.accounts.app.inject({ method: "GET", url: "/dev/mailbox", headers: { accept: "text/html" } });
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("Dev mailbox");
  });
});
