/**
 * `./billfold bench`: Billfold's benchmark suite (issue 7). Prints a table and writes
 * bench/results/latest.json. Servers run in child processes pinned to CPU 0 (taskset), the load
 * generator (autocannon) and Chromium in this process, pinned to CPU 1. Every comparison is
 * measured in the same run, interleaved, over BENCH_ROUNDS rounds (default 3) of
 * BENCH_DURATION seconds (default 5) at BENCH_CONNECTIONS connections (default 10).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { type Identity, IDENTITY_HEADER, signIdentity } from "@billfold/shared";
import { CONNECTIONS, DURATION_S, interleaved, load, ROUNDS, round, type Target } from "./load.ts";
import { DASHBOARD_QUERY, ENTITIES_QUERY } from "./queries.ts";
import { shardFailureUnderLoad } from "./shard-failure.ts";
import { distBuiltAt, linkToDashboardMs, routeJsKbGzip, WEB_DIST } from "./web.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const RESULTS = new URL("../results/latest.json", import.meta.url).pathname;
const started = Date.now();
const log = (message: string) => process.stderr.write(`\x1b[2m[bench ${((Date.now() - started) / 1000).toFixed(0)}s]\x1b[0m ${message}\n`);

const cpus = availableParallelism(); // before pinning narrows it to 1
const canPin = cpus >= 2 && hasTaskset();
function hasTaskset() {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
if (canPin) execFileSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
const pinning = canPin ? "servers on CPU 0, load generator + Chromium on CPU 1 (taskset)" : "not pinned (taskset or a 2nd CPU missing)";

/** A TypeScript child (tsx loader) pinned to CPU 0 when possible. */
function spawnTs(script: string, args: string[] = [], nodeOptions: string[] = []): ChildProcess {
  const node = [process.execPath, ...nodeOptions, "--import", "tsx", script, ...args];
  const [command, ...rest] = canPin ? ["taskset", "-c", "0", ...node] : node;
  return spawn(command, rest, { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs a child to completion and returns its stdout (stderr is kept for the error message). */
async function runTs(script: string, args: string[] = []): Promise<{ stdout: string; code: number | null; stderr: string }> {
  const child = spawnTs(script, args);
  child.stdin!.end();
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { stdout, code, stderr };
}

const results: Record<string, any> = {
  meta: {
    date: new Date().toISOString(),
    node: process.version,
    cpus,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
    pinning,
    rounds: ROUNDS,
    durationS: DURATION_S,
    connections: CONNECTIONS,
  },
};

// P3: SQL statements per `_entities` (child process, its own database).
log("P3: counting SQL statements for _entities with 1, 10, 100 representations");
try {
  const p3 = await runTs("bench/src/statements.ts");
  const line = p3.stdout.split("\n").find((l) => l.startsWith("BENCH_P3 "));
  if (!line) throw new Error(p3.stderr.split("\n").filter(Boolean).slice(-3).join(" "));
  results.P3 = JSON.parse(line.slice(9));
} catch (error) {
  results.P3 = { statements: null, error: String(error) };
}

// P6: the accounts subgraph's login-timing bench, reused as is (child process).
log("P6: login link timing, 1,000 known vs 1,000 unknown emails, interleaved");
try {
  const p6 = await runTs("subgraphs/accounts/src/access/login-timing.bench.ts", [process.env.BENCH_LOGIN_COUNT ?? "1000"]);
  const p50 = (kind: string) => Number(new RegExp(`^${kind}\\s+p50 ([\\d.]+) ms`, "m").exec(p6.stdout)?.[1]);
  const diff = /p50 difference ([\d.]+) ms/.exec(p6.stdout)?.[1];
  if (!diff) throw new Error(p6.stderr.split("\n").filter(Boolean).slice(-3).join(" "));
  results.P6 = { p50DiffMs: Number(diff), knownP50Ms: p50("known"), unknownP50Ms: p50("unknown"), sameBodyAndStatus: !/distinct bodies [^1]/.test(p6.stdout) };
} catch (error) {
  results.P6 = { p50DiffMs: null, error: String(error) };
}

// P7 (sizes): build the SPA when there is no dist (or BENCH_BUILD_WEB=1).
if (!existsSync(`${WEB_DIST}index.html`) || process.env.BENCH_BUILD_WEB === "1") {
  log("P7: building web/dist");
  execFileSync("pnpm", ["--filter", "@billfold/web", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}
try {
  results.P7 = { loginKbGzip: routeJsKbGzip("LoginPage").kb, dashboardKbGzip: routeJsKbGzip("PortalPage").kb, distBuiltAt: distBuiltAt(), linkToDashboardMs: null };
} catch (error) {
  results.P7 = { loginKbGzip: null, dashboardKbGzip: null, linkToDashboardMs: null, error: String(error) };
}

// The system: accounts + 2 shards + gateway + peer gateways, in one child pinned to CPU 0.
log("starting the system (fresh database, demo + 50-business fan-out data set) and the peer gateways");
// BENCH_CPU_PROF=1: a V8 CPU profile of the server process (gateway + subgraphs) in bench/results/profiles/.
const profile = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir=bench/results/profiles"] : [];
const servers = spawnTs("bench/src/servers.ts", [], profile);
let serverLog = "";
servers.stderr!.on("data", (d) => (serverLog = (serverLog + d).slice(-4000)));
const info = await new Promise<any>((resolve, reject) => {
  const lines = createInterface({ input: servers.stdout! });
  lines.on("line", (line) => line.startsWith("BENCH_READY ") && resolve(JSON.parse(line.slice(12))));
  servers.on("close", (code) => reject(new Error(`servers exited (${code}): ${serverLog.slice(-1500)}`)));
});
const stopServers = () =>
  new Promise<void>((resolve) => {
    if (servers.exitCode !== null) return resolve();
    servers.on("close", () => resolve());
    servers.stdin!.end();
    setTimeout(() => servers.kill("SIGKILL"), 30_000).unref();
  });

try {
  const one = info.persons["1"];
  const personOne: Identity = { kind: "person", email: one.email, sessionId: "ses_bench_direct", mode: "test", accounts: one.accounts };
  const dashboard = JSON.stringify({ query: DASHBOARD_QUERY });
  const viaGateway = (n: number, url = info.gatewayUrl) => (): Target => ({ url: `${url}/graphql`, body: dashboard, headers: { cookie: info.cookies[String(n)] } });
  const direct = (): Target => ({
    url: `${info.shard1Url}/graphql`,
    body: JSON.stringify({ query: ENTITIES_QUERY, variables: { representations: one.accounts.map((a: object) => ({ __typename: "CustomerAccount", ...a })) } }),
    headers: { [IDENTITY_HEADER]: signIdentity(personOne, info.identitySecret) }, // signed afresh per run (60 s lifetime)
  });
  const peer = (name: string) => (info.peers[name]?.url ? (): Target => ({ url: info.peers[name].url, body: dashboard }) : null);

  // Every target must answer the dashboard without errors before it is measured; that answer
  // is then the body every response of the run must match (autocannon counts mismatches).
  const expected: Record<string, string> = {};
  const check = async (name: string, target: Target, accounts: number) => {
    const response = await fetch(target.url, { method: "POST", headers: { "content-type": "application/json", ...target.headers }, body: target.body });
    const text = await response.text();
    const body = JSON.parse(text) as any;
    const got = body.data?._entities?.length ?? body.data?.viewer?.accounts?.length;
    if (body.errors || got !== accounts) throw new Error(`${name}: ${JSON.stringify(body.errors ?? body.data).slice(0, 300)}`);
    expected[name] = text;
  };
  const expecting = (name: string, make: () => Target) => (): Target => ({ ...make(), expectBody: expected[name] });
  const targets1: Record<string, () => Target> = { shard: direct, gateway: viaGateway(1), gatewayNoDedupe: viaGateway(1, info.gatewayNoDedupeUrl) };
  const peerErrors: Record<string, string> = {};
  for (const name of ["hive", "hiveNoDedupe", "apollo"]) {
    const make = peer(name);
    if (!make) peerErrors[name] = info.peers[name]?.error ?? "did not start";
    else targets1[name] = make;
  }
  for (const [name, make] of Object.entries(targets1)) {
    try {
      await check(name, make(), 1);
      targets1[name] = expecting(name, make);
    } catch (error) {
      delete targets1[name];
      peerErrors[name] = String(error);
    }
  }
  for (const [name, make] of Object.entries(targets1)) await load(make(), 2); // warm-up: JIT, plan caches, pools

  log(`P1 + P4: ${Object.keys(targets1).join(", ")} × ${ROUNDS} rounds × ${DURATION_S} s, interleaved`);
  const r1 = await interleaved(targets1);
  const ratio = (a?: number, b?: number) => (a !== undefined && b ? round(a / b, 2) : null);
  results.P1 = {
    rpsRatio: ratio(r1.gateway?.rps.median, r1.shard?.rps.median),
    p50DiffMs: r1.gateway && r1.shard ? round(r1.gateway.p50.median - r1.shard.p50.median, 1) : null,
    p95DiffMs: r1.gateway && r1.shard ? round(r1.gateway.p95.median - r1.shard.p95.median, 1) : null,
    rpsRatioNoDedupe: ratio(r1.gatewayNoDedupe?.rps.median, r1.shard?.rps.median),
    shard: strip(r1.shard),
    gateway: strip(r1.gateway),
    gatewayNoDedupe: strip(r1.gatewayNoDedupe),
  };
  results.P4 = {
    vsHiveGateway: ratio(r1.gateway?.rps.median, r1.hive?.rps.median),
    vsStockApolloGateway: ratio(r1.gateway?.rps.median, r1.apollo?.rps.median),
    vsHiveGatewayNoDedupe: ratio(r1.gateway?.rps.median, r1.hiveNoDedupe?.rps.median),
    /** Both without in-flight dedupe: per-request cost against per-request cost. */
    vsHiveGatewayBothNoDedupe: ratio(r1.gatewayNoDedupe?.rps.median, r1.hiveNoDedupe?.rps.median),
    vsStockApolloGatewayNoDedupe: ratio(r1.gatewayNoDedupe?.rps.median, r1.apollo?.rps.median),
    p95VsHiveGateway: ratio(r1.gateway?.p95.median, r1.hive?.p95.median),
    p95VsStockApolloGateway: ratio(r1.gateway?.p95.median, r1.apollo?.p95.median),
    ours: strip(r1.gateway),
    hive: strip(r1.hive),
    hiveNoDedupe: strip(r1.hiveNoDedupe),
    apollo: strip(r1.apollo),
    errors: Object.keys(peerErrors).length ? peerErrors : undefined,
  };

  log(`P2: unified dashboard at N = 1, 10, 50 businesses × ${ROUNDS} rounds × ${DURATION_S} s, interleaved`);
  const targets2: Record<string, () => Target> = { "1": viaGateway(1), "10": viaGateway(10), "50": viaGateway(50) };
  for (const n of Object.keys(targets2)) {
    await check(`N=${n}`, targets2[n](), Number(n));
    targets2[n] = expecting(`N=${n}`, targets2[n]);
  }
  for (const make of Object.values(targets2)) await load(make(), 2);
  const r2 = await interleaved(targets2);
  results.P2 = {
    p95Ratio: ratio(r2["50"].p95.median, r2["1"].p95.median),
    perN: Object.fromEntries(Object.entries(r2).map(([n, r]) => [n, strip(r)])),
    shardRequestsPerOperation: await requestsPerOperation(targets2),
  };

  log("P7: portal link → dashboard in headless Chromium, median of 5");
  try {
    const p7 = await linkToDashboardMs({ databaseUrl: info.databaseUrl, publicUrl: info.publicUrl, email: info.demoPerson });
    results.P7.linkToDashboardMs = p7.medianMs;
    results.P7.linkToDashboardRunsMs = p7.runsMs;
    results.P7.linkPageMs = p7.linkPageMedianMs;
    results.P7.continueToDashboardMs = p7.continueMedianMs;
  } catch (error) {
    results.P7.linkToDashboardError = String(error).slice(0, 500);
  }

  // Last: it stops and restarts shard2.
  log("S1: shard2 frozen, killed and restarted under the dashboard's load (10 s)");
  const ofPerson = new Set(info.persons["10"].accounts.map((a: { businessId: string }) => a.businessId));
  results.S1 = await shardFailureUnderLoad({
    url: info.faultGatewayUrl,
    cookie: info.cookies["10"],
    businesses: info.businesses.filter((b: { id: string }) => ofPerson.has(b.id)),
    counterUrl: info.counterUrl,
    shardTimeoutMs: info.faultShardTimeoutMs,
    connections: CONNECTIONS,
  });
} finally {
  await stopServers();
}

/** Requests each server received per dashboard, from 20 sequential dashboards per N (outside the timed runs). */
async function requestsPerOperation(targets: Record<string, () => Target>) {
  const port = (url: string) => new URL(url).port;
  const names: Record<string, string> = { [port(info.shard1Url)]: "shard1", [port(info.shard2Url)]: "shard2", [port(info.accountsUrl)]: "accounts" };
  const out: Record<string, Record<string, number>> = {};
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // requests still in flight when the last run ended
  for (const [n, make] of Object.entries(targets)) {
    await fetch(`${info.counterUrl}/reset`);
    const count = 20;
    for (let i = 0; i < count; i++) {
      const t = make();
      await (await fetch(t.url, { method: "POST", headers: { "content-type": "application/json", ...t.headers }, body: t.body })).text();
    }
    const received = (await (await fetch(info.counterUrl)).json()) as Record<string, number>;
    out[n] = Object.fromEntries(Object.entries(names).map(([p, name]) => [name, round((received[p] ?? 0) / count, 2)]));
  }
  return out;
}

results.meta.loadAverageAtEnd = loadavg().map((l) => round(l, 2));
results.meta.seconds = round((Date.now() - started) / 1000, 0);
await mkdir(new URL("../results/", import.meta.url), { recursive: true });
await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(table(results));
log(`wrote ${RESULTS.replace(ROOT, "")} in ${results.meta.seconds} s`);
process.exit(0);

function strip(r: any) {
  if (!r) return null;
  return { rps: r.rps, p50: r.p50, p95: r.p95, errors: r.errors, non2xx: r.non2xx, mismatches: r.mismatches };
}

function table(r: Record<string, any>): string {
  const f = (v: unknown, unit = "") => (v === null || v === undefined ? "null" : `${v}${unit}`);
  const spread = (s: any, unit = "") => (s ? `${round(s.median, 1)}${unit} [${round(s.min, 1)}–${round(s.max, 1)}]` : "null");
  const rows: [string, string, string][] = [
    ["P1 gateway overhead", `RPS ratio gateway/shard ${f(r.P1?.rpsRatio)}`, `shard ${spread(r.P1?.shard?.rps)} rps, gateway ${spread(r.P1?.gateway?.rps)} rps; p50 +${f(r.P1?.p50DiffMs, " ms")}, p95 +${f(r.P1?.p95DiffMs, " ms")}`],
    ["P1 with our dedupe off", `RPS ratio ${f(r.P1?.rpsRatioNoDedupe)}`, `gateway (SUBGRAPH_DEDUPE=false) ${spread(r.P1?.gatewayNoDedupe?.rps)} rps, p95 ${spread(r.P1?.gatewayNoDedupe?.p95, " ms")}`],
    ...["1", "10", "50"].map((n): [string, string, string] => [`P2 fan-out N=${n}`, `${spread(r.P2?.perN?.[n]?.rps)} rps`, `p50 ${spread(r.P2?.perN?.[n]?.p50, " ms")}, p95 ${spread(r.P2?.perN?.[n]?.p95, " ms")}`]),
    ["P2 p95(N=50)/p95(N=1)", f(r.P2?.p95Ratio), `requests per dashboard ${["1", "10", "50"].map((n) => `N=${n} ${JSON.stringify(r.P2?.shardRequestsPerOperation?.[n] ?? null)}`).join(", ")}`],
    ["P3 statements 1/10/100", r.P3?.statements ? `${r.P3.statements["1"]}/${r.P3.statements["10"]}/${r.P3.statements["100"]}` : "null", r.P3?.error ?? "dashboard selection, one shard"],
    ["P4 vs Hive Gateway", `RPS ×${f(r.P4?.vsHiveGateway)}`, `p95 ratio ours/theirs ${f(r.P4?.p95VsHiveGateway)}; hive ${spread(r.P4?.hive?.rps)} rps${r.P4?.errors?.hive ? ` (${r.P4.errors.hive})` : ""}`],
    ["P4 vs Hive Gateway, both dedupe off", `RPS ×${f(r.P4?.vsHiveGatewayBothNoDedupe)}`, `hive (deduplicateInflightRequests: false) ${spread(r.P4?.hiveNoDedupe?.rps)} rps, p95 ${spread(r.P4?.hiveNoDedupe?.p95, " ms")}; ours with dedupe vs it ×${f(r.P4?.vsHiveGatewayNoDedupe)}`],
    ["P4 vs stock @apollo/gateway, our dedupe off", `RPS ×${f(r.P4?.vsStockApolloGatewayNoDedupe)}`, "stock Apollo has no in-flight dedupe"],
    ["P4 vs stock @apollo/gateway", `RPS ×${f(r.P4?.vsStockApolloGateway)}`, `p95 ratio ours/theirs ${f(r.P4?.p95VsStockApolloGateway)}; apollo ${spread(r.P4?.apollo?.rps)} rps${r.P4?.errors?.apollo ? ` (${r.P4.errors.apollo})` : ""}`],
    ["P6 login timing", `p50 diff ${f(r.P6?.p50DiffMs, " ms")}`, r.P6?.error ?? `known ${f(r.P6?.knownP50Ms, " ms")}, unknown ${f(r.P6?.unknownP50Ms, " ms")}`],
    ["P7 JS gzip login / dashboard", `${f(r.P7?.loginKbGzip, " KB")} / ${f(r.P7?.dashboardKbGzip, " KB")}`, r.P7?.error ?? `dist built ${r.P7?.distBuiltAt}`],
    ["P7 link → dashboard", f(r.P7?.linkToDashboardMs, " ms"), r.P7?.linkToDashboardError ?? `runs ${JSON.stringify(r.P7?.linkToDashboardRunsMs)}; median link page ready ${f(r.P7?.linkPageMs, " ms")}, Continue → dashboard ${f(r.P7?.continueToDashboardMs, " ms")}`],
    [
      "S1 shard2 frozen, killed, restarted",
      r.S1 ? `${r.S1.requests} answers, ${r.S1.wrong} wrong, ${r.S1.non2xx} non-2xx` : "null",
      r.S1 ? `${r.S1.complete} complete, ${r.S1.partial} partial; p50 ${r.S1.p50Ms} ms, p99 ${r.S1.p99Ms} ms, max ${r.S1.maxMs} ms (shard timeout ${r.S1.shardTimeoutMs} ms); complete again ${r.S1.recoveryMs} ms after the restart` : "",
    ],
  ];
  const head = `| Measure | Result | Detail (median [min–max] over ${r.meta.rounds} rounds) |\n|---|---|---|`;
  const bad = Object.entries({ ...r.P1, ...r.P4, ...r.P2?.perN }).filter(([, v]: [string, any]) => v && typeof v === "object" && (v.errors || v.non2xx || v.mismatches));
  const warn = bad.length ? `\n\nWARNING: errors, non-2xx or wrong bodies in ${bad.map(([k, v]: [string, any]) => `${k} (${v.errors}/${v.non2xx}/${v.mismatches})`).join(", ")}` : "";
  return `${head}\n${rows.map((row) => `| ${row.join(" | ")} |`).join("\n")}\n\n${r.meta.pinning}; ${r.meta.connections} connections, ${r.meta.durationS} s per run; load average ${r.meta.loadAverageAtStart.join(" ")} → ${r.meta.loadAverageAtEnd.join(" ")}${warn}`;
}
