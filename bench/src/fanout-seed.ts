import { registerBusiness, upsertDirectoryEntries } from "@billfold/accounts";
import type { MikroORM } from "@mikro-orm/postgresql";
import { seedFullAccount } from "../../subgraphs/business/src/testing/business-test-kit.ts";

export const FANOUT_SIZES = [1, 10, 50] as const;
export const fanoutEmail = (n: number) => `bench-n${n}@billfold.dev`;

/**
 * P2 data set: 50 businesses alternating over shard1/shard2, and one person per N in
 * FANOUT_SIZES with a full account (subscription, invoice, payment, card, license key) at the
 * first N of them. Business 0 is on shard1, so the N=1 person is a one-shard, one-business
 * dashboard (used by P1 and P4 too).
 */
export async function seedFanout(accountsOrm: MikroORM, businessOrm: MikroORM) {
  const max = Math.max(...FANOUT_SIZES);
  const businesses: { id: string; name: string; shard: string }[] = [];
  for (let i = 0; i < max; i++) {
    const id = `biz_bench${String(i).padStart(3, "0")}`;
    const shard = i % 2 === 0 ? "shard1" : "shard2";
    const name = `Bench ${i}`;
    await registerBusiness(accountsOrm.em.fork(), {
      id, name, slug: `bench-${i}`, supportEmail: `support+bench${i}@billfold.dev`,
      brand: { primaryColor: "#2563eb", accentColor: "#0ea5e9" }, shard,
    });
    businesses.push({ id, name, shard });
  }
  const persons: Record<number, { email: string; accounts: { businessId: string; customerId: string }[] }> = {};
  for (const n of FANOUT_SIZES) {
    const email = fanoutEmail(n);
    const accounts = [];
    for (const business of businesses.slice(0, n)) {
      const customer = await seedFullAccount(businessOrm.em.fork(), { businessId: business.id, mode: "test" }, email);
      accounts.push({ businessId: business.id, customerId: customer.id });
    }
    await upsertDirectoryEntries(accountsOrm.em.fork(), accounts.map((a) => ({ email, ...a, mode: "test" as const })));
    persons[n] = { email, accounts };
  }
  return { businesses, persons };
}
