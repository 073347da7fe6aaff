import autocannon, { type Result } from "autocannon";
import { round } from "./load.ts";

export interface ShardFailureOptions {
  /** The gateway whose shard2 is behind the fault proxy. */
  url: string;
  cookie: string;
  /** Businesses of the person, and which of them shard2 serves. */
  businessIds: string[];
  shard2BusinessIds: string[];
  /** `${counterUrl}/fault/{freeze,kill,restore}` injects the faults. */
  counterUrl: string;
  shardTimeoutMs: number;
  connections: number;
}

const QUERY = JSON.stringify({ query: "query S1 { viewer { accounts { businessId business { name } subscriptions { id } } } }" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * S1 under load: autocannon drives the unified dashboard while shard2 freezes (as under
 * SIGSTOP), is killed (connections reset, port closed) and comes back. Each answer is judged:
 * complete, partial (shard1's data plus a SHARD_UNAVAILABLE error naming each missing shard2
 * business) or wrong. Recovery is the time from the restart to the first complete answer.
 */
export async function shardFailureUnderLoad(options: ShardFailureOptions) {
  const counts = { complete: 0, partial: 0, wrong: 0 };
  const latencies: number[] = [];
  let restoredAt = Number.POSITIVE_INFINITY;
  let recoveredAt = Number.POSITIVE_INFINITY;
  const judge = (status: number, text: string): keyof typeof counts => {
    if (status !== 200) return "wrong";
    const body = JSON.parse(text) as { data?: any; errors?: any[] };
    const accounts = (body.data?.viewer?.accounts ?? []) as { businessId: string; subscriptions: unknown[] | null }[];
    if (accounts.length !== options.businessIds.length) return "wrong";
    const missing = accounts.filter((account) => account.subscriptions === null).map((account) => account.businessId);
    if (missing.some((id) => !options.shard2BusinessIds.includes(id))) return "wrong";
    const named = missing.every((id) => body.errors?.some((e) => e.extensions?.code === "SHARD_UNAVAILABLE" && e.extensions.businessId === id));
    if (!named) return "wrong";
    return missing.length ? "partial" : "complete";
  };
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
          const verdict = judge(status, body);
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
