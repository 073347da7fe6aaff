import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ensureMerchantUser, openAccountsDatabase, registerBusiness, upsertDirectoryEntries } from "@billfold/accounts";
import { ApiKey, authenticateApiKey, createApiKey, LicenseKey, openBusinessDatabase, Shop, startJobQueue } from "@billfold/business";
import { directorySyncQueue } from "@billfold/business/directory/directory-sync.job";
import { SandboxProcessor, deriveProcessorSecret } from "@billfold/shared/processor/index";
import type { EntityManager } from "@mikro-orm/postgresql";
import { DEMO_BUSINESSES, DEMO_PERSON } from "./demo-catalog.ts";
import { type SeededLicenseKey, seedBusinessMode } from "./seed-business.ts";

export interface DemoManifest {
  person: string;
  businesses: { id: string; name: string; shard: string; testApiKey: string; merchantEmail: string }[];
  licenseKeys: SeededLicenseKey[];
}

export interface SeedOptions {
  databaseUrl: string;
  /** Where demo.json is written; its API keys are reused on the next run. */
  dataDir: string;
  identitySecret: string;
  now?: Date;
}

const DEMO_KEY_NAME = "Demo key";

/**
 * Seeds the demo world (idempotent): businesses in accounts, their shops, catalogue,
 * customers and history in the business database, the accounts directory, a merchant user
 * and a test API key per business. Writes `.data/demo.json`.
 */
export async function seedDemo(options: SeedOptions): Promise<DemoManifest> {
  const now = options.now ?? new Date();
  const manifestPath = join(options.dataDir, "demo.json");
  const previous = await readManifest(manifestPath);
  const accountsOrm = await openAccountsDatabase(options.databaseUrl, { poolMax: 2 });
  const businessOrm = await openBusinessDatabase(options.databaseUrl, { poolMax: 2 });
  const jobs = await startJobQueue({ url: options.databaseUrl, poolMax: 2, workers: false, queues: [directorySyncQueue] });
  const processor = new SandboxProcessor(deriveProcessorSecret(options.identitySecret));
  try {
    const manifest: DemoManifest = { person: DEMO_PERSON, businesses: [], licenseKeys: [] };
    for (const business of DEMO_BUSINESSES) {
      const accounts = accountsOrm.em.fork();
      await registerBusiness(accounts, { id: business.id, name: business.name, slug: business.slug, supportEmail: business.supportEmail, brand: business.brand, shard: business.shard });
      const merchantEmail = `merchant+${business.slug}@billfold.dev`;
      await ensureMerchantUser(accounts, { email: merchantEmail, businessId: business.id });

      const em = businessOrm.em.fork();
      if (!(await em.findOne(Shop, { businessId: business.id, mode: "test" }))) {
        const seeded = [
          await seedBusinessMode(em, jobs, processor, business, "test", [{ email: DEMO_PERSON, name: "Demo Person", purchases: business.demo }, ...business.others], now),
          ...(business.live ? [await seedBusinessMode(em, jobs, processor, business, "live", business.live, now)] : []),
        ];
        // The shard's directory-sync job delivers the same entries; writing them here too makes
        // the demo complete the moment start prints its URLs (the upsert is idempotent).
        await upsertDirectoryEntries(accounts, seeded.flatMap((s) => s.customers.map((c) => ({ ...c, businessId: business.id }))));
      }
      manifest.businesses.push({ id: business.id, name: business.name, shard: business.shard, testApiKey: await demoApiKey(em, business.id, previous), merchantEmail });
      const keys = await em.find(LicenseKey, { businessId: business.id, mode: "test" }, { orderBy: { createdAt: "asc" } });
      manifest.licenseKeys.push(...keys.map((k) => ({ businessId: k.businessId, key: k.key, activationLimit: k.activationLimit ?? null })));
    }
    await mkdir(options.dataDir, { recursive: true });
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    await jobs.stop();
    await accountsOrm.close();
    await businessOrm.close();
  }
}

/** The test key from the last demo.json while it still authenticates; otherwise a new one. */
async function demoApiKey(em: EntityManager, businessId: string, previous: DemoManifest | null) {
  const known = previous?.businesses.find((b) => b.id === businessId)?.testApiKey;
  if (known) {
    const apiKey = await authenticateApiKey(em, known);
    if (apiKey?.businessId === businessId) return known;
  }
  await em.nativeUpdate(ApiKey, { businessId, mode: "test", name: DEMO_KEY_NAME, revokedAt: null }, { revokedAt: new Date() });
  const { key } = await createApiKey(em, { businessId, mode: "test", name: DEMO_KEY_NAME });
  return key;
}

async function readManifest(path: string): Promise<DemoManifest | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as DemoManifest;
  } catch {
    return null;
  }
}
