import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  non2xx: number;
  /** Responses whose body differed from the one checked before the run (wrong or error answers). */
  mismatches: number;
}

export interface Target {
  url: string;
  body: string;
  headers?: Record<string, string>;
  /** The exact body every response must have (counted as mismatches otherwise). */
  expectBody?: string;
}

export const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/**
 * One bounded autocannon run (POST JSON). Latency percentiles are computed from every
 * response time (autocannon's own summary has p97.5 but no p95).
 */
export async function load(target: Target, durationS = DURATION_S, connections = CONNECTIONS): Promise<LoadResult> {
  const times: number[] = [];
  const instance = autocannon({
    url: target.url,
    method: "POST",
    headers: { "content-type": "application/json", ...target.headers },
    body: target.body,
    duration: durationS,
    connections,
    ...(target.expectBody ? { expectBody: target.expectBody } : {}),
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const pct = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(p * times.length))] : Number.NaN);
  return { rps: result.requests.average, p50: pct(0.5), p95: pct(0.95), errors: result.errors + result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches ?? 0 };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Median and spread (min–max) of one figure over rounds. */
export function summarize(values: number[]) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), rounds: values.map((v) => round(v, 2)) };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Runs every target once per round, in an order rotated each round (interleaved), so drift on
 * this shared machine hits all of them alike. `before` runs ahead of each measurement
 * (e.g. to re-sign a header that expires).
 */
export async function interleaved(
  targets: Record<string, () => Target>,
  rounds = ROUNDS,
): Promise<Record<string, { rps: ReturnType<typeof summarize>; p50: ReturnType<typeof summarize>; p95: ReturnType<typeof summarize>; errors: number; non2xx: number; mismatches: number; raw: LoadResult[] }>> {
  const names = Object.keys(targets);
  const raw: Record<string, LoadResult[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const name of order) raw[name].push(await load(targets[name]()));
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        rps: summarize(raw[n].map((x) => x.rps)),
        p50: summarize(raw[n].map((x) => x.p50)),
        p95: summarize(raw[n].map((x) => x.p95)),
        errors: raw[n].reduce((s, x) => s + x.errors, 0),
        non2xx: raw[n].reduce((s, x) => s + x.non2xx, 0),
        mismatches: raw[n].reduce((s, x) => s + x.mismatches, 0),
        raw: raw[n],
      },
    ]),
  );
}
