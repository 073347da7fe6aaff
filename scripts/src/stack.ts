import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface ServiceSpec {
  name: string;
  entry: string; // path from the repo root
  env: Record<string, string>;
  healthUrl: string;
  /** Working directory from the repo root (default: the root). */
  cwd?: string;
}

export interface RunningService {
  spec: ServiceSpec;
  child: ChildProcess;
}

const COLOURS = [36, 35, 33, 32, 34];

/** Starts one service as a child process running its TypeScript entry under tsx. */
export function startService(spec: ServiceSpec, index: number): RunningService {
  const entry = spec.cwd ? `${REPO_ROOT}${spec.entry}` : spec.entry;
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: spec.cwd ? `${REPO_ROOT}${spec.cwd}` : REPO_ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const label = `\x1b[${COLOURS[index % COLOURS.length]}m[${spec.name}]\x1b[0m`;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => console.log(`${label} ${line}`));
  }
  return { spec, child };
}

/** Resolves once `url` answers 200, or rejects after `timeoutMs` (or when the child exits). */
export async function waitHealthy(service: RunningService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.spec.name} exited with code ${service.child.exitCode}`);
    try {
      const response = await fetch(service.spec.healthUrl, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.spec.name} did not become healthy at ${service.spec.healthUrl}`);
}

/** Sends SIGTERM to every child and waits for them to exit (SIGKILL after 5 s). */
export async function stopServices(services: RunningService[]): Promise<void> {
  await Promise.all(
    services.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
          child.once("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}
