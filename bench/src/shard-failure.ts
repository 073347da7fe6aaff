import autocannon, { type Result } from "autocannon";
import { DASHBOARD, judgeDashboard } from "../../test/security/security-kit.ts";
import { round } from "./load.ts";

export interface ShardFailureOptions {
  /** The gateway whose shard2 is behind the fault proxy. */
  url: string;
  cookie: string;
  /** The person's businesses, each with its name and shard. */
  businesses: { id: string; name: string; shard: string }[];
  /** `${counterUrl}/fault/{freeze,kill,restore}` injects the faults. */
  counterUrl: string;
  shardTimeoutMs: number;
  connections: number;
}

const QUERY = JSON.stringify({ query: DASHBOARD });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * S1 under load: autocannon drives the unified dashboard while shard2 freezes (as under
 * SIGSTOP), is killed (connections reset, port closed) and comes back. Each answer is judged
 * as the S1 test judges it (`judgeDashboard`): complete, partial or wrong. Recovery is the time
 * from the restart to the first complete answer.
 */
export async function shardFailureUnderLoad(options: ShardFailureOptions) {
  const counts = { complete: 0, partial: 0, wrong: 0 };
  const latencies: number[] = [];
  let restoredAt = Number.POSITIVE_INFINITY;
  let recoveredAt = Number.POSITIVE_INFINITY;
  const instance = autocannon({
    url: `${options.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json", cookie: options.cookie },
    body: QUERY,
    connections: options.connections,
    duration: 10,
    requests: [
      {
        onResponse: (status: number, body: string) => {
          const answer = { status, ...(status === 200 ? JSON.parse(body) : {}) };
          const { verdict } = judgeDashboard(answer, options.businesses, "shard2");
          counts[verdict]++;
          if (verdict === "complete" && performance.now() > restoredAt) recoveredAt = Math.min(recoveredAt, performance.now());
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const fault = (name: string) => fetch(`${options.counterUrl}/fault/${name}`).then((response) => response.text());
  const run = Promise.resolve(instance);
  await sleep(1000);
  await fault("freeze");
  await sleep(3000);
  await fault("kill");
  await sleep(2000);
  await fault("restore");
  restoredAt = performance.now();
  const result: Result = await run;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))], 1);
  return {
    requests: latencies.length,
    ...counts,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    maxMs: round(latencies.at(-1) ?? Number.NaN, 1),
    shardTimeoutMs: options.shardTimeoutMs,
    withinTimeoutPlus50: (latencies.at(-1) ?? Infinity) <= options.shardTimeoutMs + 50,
    recoveryMs: Number.isFinite(recoveredAt) ? round(recoveredAt - restoredAt, 0) : null,
  };
}
