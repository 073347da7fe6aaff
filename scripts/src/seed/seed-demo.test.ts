import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryAccounts, migrateAccounts, openAccountsDatabase } from "@billfold/accounts";
import { Invoice, migrateBusiness, openBusinessDatabase, PaymentMethod, Subscription } from "@billfold/business";
import { createTestDatabase, type TestDatabase } from "@billfold/shared/testing/test-database";
import { DEMO_PERSON } from "./demo-catalog.ts";
import { seedDemo } from "./seed-demo.ts";

describe("demo seed", () => {
  let db: TestDatabase;
  let dataDir: string;
  const identitySecret = "i".repeat(40);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), "billfold-seed-"));
    await migrateAccounts(db.url);
    await migrateBusiness(db.url);
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("seeds businesses on both shards with the demo person's history, and is idempotent", async () => {
    const first = await seedDemo({ databaseUrl: db.url, dataDir, identitySecret });
    const second = await seedDemo({ databaseUrl: db.url, dataDir, identitySecret });
    expect(second).toEqual(first);
    expect(first.businesses.length).toBeGreaterThanOrEqual(3);
    expect(new Set(first.businesses.map((b) => b.shard))).toEqual(new Set(["shard1", "shard2"]));
    for (const business of first.businesses) expect(business.testApiKey).toMatch(/^sk_test_/);

    const manifest = JSON.parse(await readFile(join(dataDir, "demo.json"), "utf8"));
    expect(manifest).toMatchObject({ person: DEMO_PERSON, businesses: first.businesses.map((b) => ({ id: b.id, name: b.name, shard: b.shard, testApiKey: b.testApiKey })) });
    expect(manifest.licenseKeys.length).toBeGreaterThan(0);

    const accounts = await openAccountsDatabase(db.url, { poolMax: 1 });
    const business = await openBusinessDatabase(db.url, { poolMax: 1 });
    try {
      const testAccounts = await directoryAccounts(accounts.em.fork(), DEMO_PERSON, "test");
      expect(testAccounts.map((a) => a.businessId).sort()).toEqual(first.businesses.map((b) => b.id).sort());
      expect(await directoryAccounts(accounts.em.fork(), DEMO_PERSON, "live")).toHaveLength(1);

      const em = business.em.fork();
      const customerIds = testAccounts.map((a) => a.customerId);
      const statuses = (await em.find(Subscription, { customerId: { $in: customerIds } })).map((s) => s.status);
      expect(statuses).toEqual(expect.arrayContaining(["active", "cancelled", "on_hold", "expired"]));
      expect(await em.count(Invoice, { customerId: { $in: customerIds } })).toBeGreaterThanOrEqual(10);
      const cards = await em.find(PaymentMethod, { customerId: { $in: customerIds } });
      for (const card of cards) expect(card.processorToken).not.toMatch(/\d{12,19}/);
    } finally {
      await accounts.close();
      await business.close();
    }
  });
});
