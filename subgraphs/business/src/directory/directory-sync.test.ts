import { IDENTITY_HEADER, verifyIdentity } from "@billfold/shared";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { BusinessApp } from "../app.ts";
import { Customer } from "../customers/customer.entity.ts";
import { createCustomer, updateCustomer } from "../customers/customer.service.ts";
import { transactionDatabase } from "../jobs/job-queue.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { DIRECTORY_SYNC_QUEUE, type DirectorySyncJob } from "./directory-sync.job.ts";

interface Delivery {
  identity: ReturnType<typeof verifyIdentity>;
  body: DirectorySyncJob;
}

const SCOPE = { businessId: "biz_sync", mode: "test" } as const;

describe("accounts directory sync", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let accounts: FastifyInstance;
  const deliveries: Delivery[] = [];

  const delivered = (email: string) => deliveries.flatMap((delivery) => delivery.body.entries).filter((entry) => entry.email === email);
  const jobsFor = async (email: string, options = {}) =>
    (await business.jobs.boss.findJobs<DirectorySyncJob>(DIRECTORY_SYNC_QUEUE, options)).filter((job) =>
      job.data.entries.some((entry) => entry.email === email),
    );

  beforeAll(async () => {
    accounts = Fastify();
    accounts.post("/internal/directory", async (request) => {
      const header = request.headers[IDENTITY_HEADER];
      deliveries.push({ identity: verifyIdentity(Array.isArray(header) ? header[0] : header, TEST_SECRET), body: request.body as DirectorySyncJob });
      return { ok: true };
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

  it("enqueues the sync job inside the customer's transaction: invisible to others until commit", async () => {
    let insideTransaction = -1;
    let outsideTransaction = -1;
    await kit.orm.em.fork().transactional(async (tx) => {
      await createCustomer(tx, business.jobs, { ...SCOPE, email: "inside@example.com" });
      insideTransaction = (await jobsFor("inside@example.com", { db: transactionDatabase(tx) })).length;
      outsideTransaction = (await jobsFor("inside@example.com")).length;
    });
    expect(insideTransaction).toBe(1);
    expect(outsideTransaction).toBe(0);
    await vi.waitFor(() => expect(delivered("inside@example.com")).toHaveLength(1), { timeout: 10_000 });
  });

  it("leaves no job behind when the transaction rolls back", async () => {
    await expect(
      kit.orm.em.fork().transactional(async (tx) => {
        await createCustomer(tx, business.jobs, { ...SCOPE, email: "rolled-back@example.com" });
        throw new Error("the caller gave up");
      }),
    ).rejects.toThrow("the caller gave up");
    expect(await kit.orm.em.fork().count(Customer, { email: "rolled-back@example.com" })).toBe(0);
    expect(await jobsFor("rolled-back@example.com")).toHaveLength(0);
  });

  it("delivers new customers to accounts with a valid service signature", async () => {
    const customer = await createCustomer(kit.orm.em.fork(), business.jobs, { ...SCOPE, email: "Signed@Example.com" });
    await vi.waitFor(() => expect(delivered("signed@example.com")).toHaveLength(1), { timeout: 10_000 });
    expect(delivered("signed@example.com")[0]).toEqual({ email: "signed@example.com", ...SCOPE, customerId: customer.id });
    const delivery = deliveries.find((d) => d.body.entries.some((entry) => entry.email === "signed@example.com"))!;
    expect(delivery.identity).toEqual({ kind: "service", service: "shard-test" });
  });

  it("does not enqueue again when the customer already exists", async () => {
    const em = kit.orm.em.fork();
    const first = await createCustomer(em, business.jobs, { ...SCOPE, email: "twice@example.com" });
    const second = await createCustomer(kit.orm.em.fork(), business.jobs, { ...SCOPE, email: "TWICE@example.com" });
    expect(second.id).toBe(first.id);
    await vi.waitFor(() => expect(delivered("twice@example.com")).toHaveLength(1), { timeout: 10_000 });
    expect(await jobsFor("twice@example.com")).toHaveLength(1);
  });

  it("moves the directory entry when the email changes", async () => {
    const customer = await createCustomer(kit.orm.em.fork(), business.jobs, { ...SCOPE, email: "old@example.com" });
    await updateCustomer(kit.orm.em.fork(), business.jobs, SCOPE, customer.id, { email: "new@example.com" });
    await vi.waitFor(() => expect(delivered("new@example.com")).toHaveLength(1), { timeout: 10_000 });
    expect(delivered("new@example.com")[0]).toEqual({ email: "new@example.com", ...SCOPE, customerId: customer.id, previousEmail: "old@example.com" });
  });
});
