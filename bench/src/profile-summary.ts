/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=1): self time by package / repo folder and
 * the top functions. `node --import tsx bench/src/profile-summary.ts <file.cpuprofile> [top] [within]`
 * With `within` (a substring of a script URL, e.g. "/gateway/src/"), only samples whose stack
 * has such a frame count (synchronous stacks only: work resumed after an await is not seen).
 */
import { readFileSync } from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const [file, topArg, within] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const parent = new Map<number, Node>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
const inside = (id: number) => {
  for (let n = byId.get(id); n; n = parent.get(n.id)) if (n.callFrame.url.includes(within!)) return true;
  return false;
};
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  if (within && !inside(id)) return;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const bucket = (url: string, name: string) => {
  if (!url) return `(${name || "native"})`;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const repo = /\/work\/main\/((?:gateway|subgraphs\/[^/]+|test|bench)\/src\/[^/]+)/.exec(url);
  if (repo) return repo[1];
  return url.startsWith("node:") ? url : url.replace(/^file:\/\//, "").slice(-60);
};
const byBucket = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  if (!t) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const b = bucket(url, functionName);
  byBucket.set(b, (byBucket.get(b) ?? 0) + t);
  const f = `${functionName || "(anonymous)"} ${b}:${lineNumber + 1}`;
  byFunction.set(f, (byFunction.get(f) ?? 0) + t);
}
const top = Number(topArg ?? 25);
const show = (title: string, map: Map<string, number>) => {
  console.log(`\n${title} (self time, ${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
show("By package / folder", byBucket);
show("By function", byFunction);
