/**
 * P3 N+1 guard, as a child process: SQL statements one shard sends for `_entities` with 1, 10
 * and 100 CustomerAccount representations (the dashboard's selection), counted with
 * openBusinessDatabase's onStatement through the business test kit. Prints `BENCH_P3 {json}`.
 */
import type { Identity } from "@billfold/shared";
import { createBusinessTestKit, gatewayQuery, seedFullAccount } from "../../subgraphs/business/src/testing/business-test-kit.ts";
import { ENTITIES_QUERY } from "./queries.ts";

const BUSINESS = "biz_benchstatements";
const kit = await createBusinessTestKit();
try {
  const { app } = await kit.startApp();
  const ids: string[] = [];
  for (let i = 0; i < 100; i++) ids.push((await seedFullAccount(kit.orm.em.fork(), { businessId: BUSINESS, mode: "test" }, `p3-${i}@example.com`)).id);
  const statements: Record<string, number> = {};
  let sample: string[] = [];
  for (const n of [1, 10, 100]) {
    const slice = ids.slice(0, n);
    const identity: Identity = { kind: "person", email: "p3@example.com", sessionId: "ses_p3", mode: "test", accounts: slice.map((customerId) => ({ businessId: BUSINESS, customerId })) };
    const representations = slice.map((customerId) => ({ __typename: "CustomerAccount", businessId: BUSINESS, customerId }));
    await gatewayQuery(app, identity, ENTITIES_QUERY, { representations }); // warm (schema caches)
    kit.statements.length = 0;
    const { body } = await gatewayQuery(app, identity, ENTITIES_QUERY, { representations });
    if (body.errors || body.data?._entities?.length !== n) throw new Error(`P3 query failed: ${JSON.stringify(body.errors ?? body.data).slice(0, 300)}`);
    statements[String(n)] = kit.statements.length;
    if (n === 1) sample = kit.statements.map((sql) => sql.replace(/\s+/g, " ").slice(0, 140));
  }
  console.log(`BENCH_P3 ${JSON.stringify({ statements, sample })}`);
} finally {
  await kit.close();
}
