/**
 * Known vs unknown email on requestLoginLink: same body, same status, same time.
 *   cd /work/main && node_modules/.bin/tsx subgraphs/accounts/src/access/login-timing.bench.ts [requests]
 * Interleaves the two kinds so drift hits both equally; prints p50/p90 and fails when the p50s
 * differ by more than 5 ms or any body differs.
 */
import { upsertDirectoryEntries } from "../directory/directory.service.ts";
import { startAccountsTestKit, uniqueEmail } from "../testing/accounts-test-kit.ts";

const count = Number(process.argv[2] ?? 1000);
const kit = await startAccountsTestKit({ RATE_LINK_IP_POINTS: "1000000", RATE_LINK_EMAIL_POINTS: "1000000" });
const REQUEST = "mutation ($input: RequestLoginLinkInput!) { requestLoginLink(input: $input) { message } }";
try {
  const business = await kit.business({ name: "Timing Co" });
  const known = Array.from({ length: count }, () => uniqueEmail("known"));
  for (let i = 0; i < known.length; i += 500) {
    await upsertDirectoryEntries(
      kit.em(),
      known.slice(i, i + 500).map((email, j) => ({ email, businessId: business.id, customerId: `cus_${i + j}`, mode: "live" as const })),
    );
  }
  const times = { known: [] as number[], unknown: [] as number[] };
  const bodies = new Set<string>();
  const statuses = new Set<number>();
  const one = async (kind: "known" | "unknown", email: string) => {
    const start = process.hrtime.bigint();
    const response = await kit.post({ kind: "anonymous" }, REQUEST, { input: { email, businessId: business.id } }, { "x-billfold-client-ip": "203.0.113.1" });
    times[kind].push(Number(process.hrtime.bigint() - start) / 1e6);
    bodies.add(response.body);
    statuses.add(response.statusCode);
  };
  for (let i = 0; i < 50; i++) await one(i % 2 ? "known" : "unknown", i % 2 ? known[i] : uniqueEmail("warm")); // warm-up
  times.known.length = 0;
  times.unknown.length = 0;
  for (let i = 0; i < count; i++) {
    if (i % 2) {
      await one("known", known[i]);
      await one("unknown", uniqueEmail("nobody"));
    } else {
      await one("unknown", uniqueEmail("nobody"));
      await one("known", known[i]);
    }
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)];
  const report = (kind: "known" | "unknown") => `${kind.padEnd(8)} p50 ${pct(times[kind], 0.5).toFixed(2)} ms  p90 ${pct(times[kind], 0.9).toFixed(2)} ms  (n=${times[kind].length})`;
  const diff = Math.abs(pct(times.known, 0.5) - pct(times.unknown, 0.5));
  console.log(report("known"));
  console.log(report("unknown"));
  console.log(`p50 difference ${diff.toFixed(2)} ms (limit 5 ms); distinct bodies ${bodies.size}, statuses ${[...statuses].join(",")}`);
  process.exitCode = diff <= 5 && bodies.size === 1 && statuses.size === 1 ? 0 : 1;
} finally {
  await kit.close();
}
