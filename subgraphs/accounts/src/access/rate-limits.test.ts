import type { Identity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountsTestKit, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";

let kit: AccountsTestKit;
const anonymous: Identity = { kind: "anonymous" };
const REQUEST = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
const EXCHANGE = "mutation ($token: String!) { exchangeLoginToken(token: $token) { redirectTo } }";

beforeAll(async () => {
  kit = await startAccountsTestKit({
    NODE_ENV: "production",
    RATE_LINK_EMAIL_POINTS: "3",
    RATE_LINK_EMAIL_WINDOW_SECONDS: "1",
    RATE_LINK_IP_POINTS: "5",
    RATE_LINK_IP_WINDOW_SECONDS: "1",
    RATE_EXCHANGE_IP_POINTS: "4",
    RATE_EXCHANGE_IP_WINDOW_SECONDS: "1",
  });
});
afterAll(async () => {
  await kit?.close();
});

const fromIp = (ip: string, query: string, variables: Record<string, unknown>) => kit.post(anonymous, query, variables, { "x-billfold-client-ip": ip });
const codeOf = (response: { json(): { errors?: { extensions: Record<string, unknown> }[] } }) => response.json().errors?.[0]?.extensions;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limits", () => {
  it("limits link requests per email at the configured count, then recovers after the window", async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 3; i++) expect(codeOf(await fromIp(`198.51.100.${i}`, REQUEST, { input: { email } }))).toBeUndefined();
    const limited = codeOf(await fromIp("198.51.100.9", REQUEST, { input: { email } }));
    expect(limited).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 1 });
    // Another email from the same addresses is not affected.
    expect(codeOf(await fromIp("198.51.100.10", REQUEST, { input: { email: uniqueEmail() } }))).toBeUndefined();
    await pause(1100);
    expect(codeOf(await fromIp("198.51.100.11", REQUEST, { input: { email } }))).toBeUndefined();
  });

  it("limits link requests per IP whatever the email", async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await fromIp("192.0.2.1", REQUEST, { input: { email: uniqueEmail() } }))).toBeUndefined();
    expect(codeOf(await fromIp("192.0.2.1", REQUEST, { input: { email: uniqueEmail() } }))?.code).toBe("RATE_LIMITED");
    expect(codeOf(await fromIp("192.0.2.2", REQUEST, { input: { email: uniqueEmail() } }))).toBeUndefined();
    await pause(1100);
    expect(codeOf(await fromIp("192.0.2.1", REQUEST, { input: { email: uniqueEmail() } }))).toBeUndefined();
  });

  it("limits token exchanges per IP, counting refused tokens too", async () => {
    for (let i = 0; i < 4; i++) expect(codeOf(await fromIp("192.0.2.50", EXCHANGE, { token: `guess${i}`.padEnd(32, "0") }))?.reason).toBe("unknown");
    expect(codeOf(await fromIp("192.0.2.50", EXCHANGE, { token: "guess9".padEnd(32, "0") }))).toMatchObject({ code: "RATE_LIMITED" });
    await pause(1100);
    expect(codeOf(await fromIp("192.0.2.50", EXCHANGE, { token: "guess9".padEnd(32, "0") }))?.reason).toBe("unknown");
  });
});

describe("dev mailbox in production", () => {
  it("does not exist", async () => {
    expect((await kit.accounts.app.inject({ method: "GET", url: "/dev/mailbox?to=a@b.test" })).statusCode).toBe(404);
    expect((await kit.accounts.app.inject({ method: "GET", url: "/dev/mailbox", headers: { accept: "text/html" } })).statusCode).toBe(404);
  });
});
