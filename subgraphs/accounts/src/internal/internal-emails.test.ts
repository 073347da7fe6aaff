import { type Identity, newId } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmailMessage } from "../email/email-message.entity.ts";
import { type AccountsTestKit, personIdentity, startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";

let kit: AccountsTestKit;
const shard: Identity = { kind: "service", service: "shard1" };

beforeAll(async () => {
  kit = await startAccountsTestKit();
});
afterAll(async () => {
  await kit?.close();
});

const message = (to: string, overrides: Record<string, unknown> = {}) => ({
  id: newId("eml"),
  to,
  subject: "Payment received",
  text: "We received 12.00 EUR.",
  html: "<p>We received <strong>12.00 EUR</strong>.</p>",
  businessId: "biz_emails",
  ...overrides,
});

function post(headers: Record<string, string>, payload: unknown) {
  return kit.accounts.app.inject({ method: "POST", url: "/internal/emails", headers, payload: payload as never });
}

describe("POST /internal/emails", () => {
  it("stores a shard's emails for the mailbox and sends them through the mailer", async () => {
    const to = uniqueEmail("customer");
    const response = await post(kit.header(shard), { messages: [message(to.toUpperCase())] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: 1, duplicates: 0 });
    const [stored] = await kit.mailbox(to);
    expect(stored).toMatchObject({ subject: "Payment received", text: "We received 12.00 EUR.", html: "<p>We received <strong>12.00 EUR</strong>.</p>" });
    const row = await kit.em().findOneOrFail(EmailMessage, { to });
    expect(row.businessId).toBe("biz_emails");
    expect(row.sentAt).toBeNull();
    await kit.runJobs();
    expect((await kit.em().findOneOrFail(EmailMessage, { to })).sentAt).toBeInstanceOf(Date);
  });

  it("stores a message id once, so a retried call does not mail twice", async () => {
    const to = uniqueEmail("retry");
    const first = message(to);
    expect((await post(kit.header(shard), { messages: [first, first] })).json()).toEqual({ accepted: 1, duplicates: 1 });
    expect((await post(kit.header(shard), { messages: [first, message(to, { subject: "Subscription reactivated" })] })).json()).toEqual({ accepted: 1, duplicates: 1 });
    expect((await kit.mailbox(to)).map((m) => m.subject).sort()).toEqual(["Payment received", "Subscription reactivated"]);
  });

  it("refuses callers that are not a signed Billfold service", async () => {
    const to = uniqueEmail("intruder");
    expect((await post({}, { messages: [message(to)] })).statusCode).toBe(401);
    expect((await post(kit.header(personIdentity(to)), { messages: [message(to)] })).statusCode).toBe(401);
    expect((await post(kit.header(shard, "z".repeat(48)), { messages: [message(to)] })).statusCode).toBe(401);
    expect(await kit.mailbox(to)).toHaveLength(0);
  });

  it("answers 400 for a malformed message and stores none of the batch", async () => {
    const to = uniqueEmail("bad");
    for (const bad of [{ to: "not-an-email" }, { subject: "" }, { subject: "x".repeat(301) }, { id: "42" }, { businessId: undefined }]) {
      const response = await post(kit.header(shard), { messages: [message(to), message(to, bad)] });
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(response.json().error).toBe("BAD_REQUEST");
    }
    expect((await post(kit.header(shard), { messages: [] })).statusCode).toBe(400);
    expect(await kit.mailbox(to)).toHaveLength(0);
  });
});
