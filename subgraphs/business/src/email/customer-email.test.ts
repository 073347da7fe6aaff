import { IDENTITY_HEADER, verifyIdentity } from "@billfold/shared";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BusinessApp } from "../app.ts";
import { transactionDatabase } from "../jobs/job-queue.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { CUSTOMER_EMAIL_QUEUE, type CustomerEmailJob, type OutgoingEmail } from "./customer-email.job.ts";
import { sendCustomerEmail } from "./customer-email.ts";

const SCOPE = { businessId: "biz_mail", mode: "test" } as const;
const email = (to: string) => ({ ...SCOPE, to, subject: "Payment received", text: "Thanks!", html: "<p>Thanks!</p>" });

describe("sendCustomerEmail", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let accounts: FastifyInstance;
  const calls: { identity: ReturnType<typeof verifyIdentity>; messages: OutgoingEmail[] }[] = [];
  let failNext = 0;
  const sentTo = (to: string) => calls.flatMap((call) => call.messages).filter((message) => message.to === to);

  beforeAll(async () => {
    accounts = Fastify();
    accounts.post("/internal/emails", async (request, reply) => {
      const header = request.headers[IDENTITY_HEADER];
      calls.push({ identity: verifyIdentity(Array.isArray(header) ? header[0] : header, TEST_SECRET), ...(request.body as { messages: OutgoingEmail[] }) });
      if (failNext > 0) {
        failNext -= 1;
        return reply.code(503).send({ error: "down" });
      }
      return { accepted: 1, duplicates: 0 };
    });
    await accounts.listen({ port: 0, host: "127.0.0.1" });
    const address = accounts.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    kit = await createBusinessTestKit();
    business = await kit.startApp({ ACCOUNTS_URL: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await kit?.close();
    await accounts?.close();
  });

  it("hands the email to accounts after commit, service-signed, with an idempotency id", async () => {
    await kit.orm.em.fork().transactional((tx) => sendCustomerEmail(tx, business.jobs, email(" Person@Example.com ")));
    await vi.waitFor(() => expect(sentTo("person@example.com")).toHaveLength(1), { timeout: 10_000 });
    const call = calls.find((c) => c.messages.some((m) => m.to === "person@example.com"))!;
    expect(call.identity).toEqual({ kind: "service", service: "shard-test" });
    expect(sentTo("person@example.com")[0]).toEqual({
      id: expect.stringMatching(/^eml_[0-9a-z]+$/),
      to: "person@example.com",
      subject: "Payment received",
      text: "Thanks!",
      html: "<p>Thanks!</p>",
      businessId: "biz_mail",
    });
  });

  it("is invisible outside the transaction until commit and gone after a rollback", async () => {
    let inside = -1;
    let outside = -1;
    await expect(
      kit.orm.em.fork().transactional(async (tx) => {
        await sendCustomerEmail(tx, business.jobs, email("rollback@example.com"));
        const mine = (options = {}) =>
          business.jobs.boss.findJobs<CustomerEmailJob>(CUSTOMER_EMAIL_QUEUE, options).then((jobs) => jobs.filter((job) => job.data.message.to === "rollback@example.com"));
        inside = (await mine({ db: transactionDatabase(tx) })).length;
        outside = (await mine()).length;
        throw new Error("payment failed");
      }),
    ).rejects.toThrow("payment failed");
    expect([inside, outside]).toEqual([1, 0]);
    const jobs = await business.jobs.boss.findJobs<CustomerEmailJob>(CUSTOMER_EMAIL_QUEUE);
    expect(jobs.filter((job) => job.data.message.to === "rollback@example.com")).toHaveLength(0);
  });

  it("retries when accounts is down, with the same message id", async () => {
    failNext = 1;
    await kit.orm.em.fork().transactional((tx) => sendCustomerEmail(tx, business.jobs, email("retry@example.com")));
    await vi.waitFor(() => expect(sentTo("retry@example.com")).toHaveLength(2), { timeout: 20_000, interval: 200 });
    const [first, second] = sentTo("retry@example.com");
    expect(second.id).toBe(first.id);
  });

  it("refuses to send outside a transaction and rejects an address without @", async () => {
    await expect(sendCustomerEmail(kit.orm.em.fork(), business.jobs, email("x@example.com"))).rejects.toThrow(/inside the transaction/);
    await expect(kit.orm.em.fork().transactional((tx) => sendCustomerEmail(tx, business.jobs, email("nobody")))).rejects.toThrow(/not an email address/);
  });
});
