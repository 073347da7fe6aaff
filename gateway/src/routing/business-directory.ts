import { IDENTITY_HEADER } from "@billfold/shared";
import { z } from "zod";
import type { SubgraphHttp } from "../http/subgraph-http.ts";

/** Where one business lives. `url` is undefined when its shard is not in this gateway's SHARDS. */
export interface BusinessRoute {
  id: string;
  name: string;
  shard: string;
  url: string | undefined;
}

const routingAnswer = z.object({
  businesses: z.array(z.object({ id: z.string(), name: z.string(), shard: z.string() })),
});

export interface BusinessDirectoryOptions {
  accountsUrl: string;
  shards: ReadonlyMap<string, string>;
  http: SubgraphHttp;
  serviceIdentity: () => string;
  /** How long a loaded table is trusted; afterwards it is still served while a fresh one loads. */
  cacheMs: number;
  timeoutMs: number;
  /** An unknown id reloads the table at most this often, so random ids cannot flood accounts. */
  missReloadMs?: number;
  log?: { warn(object: object, message: string): void };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The gateway's routing table (business → shard), loaded from accounts `GET /internal/businesses`. */
export class BusinessDirectory {
  private table: Map<string, BusinessRoute> | null = null;
  private loadedAt = -Infinity;
  private loading: Promise<Map<string, BusinessRoute>> | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: BusinessDirectoryOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Routes for the given ids; ids accounts does not know are absent from the answer. An id
   * missing from the table waits for the next reload the miss interval allows (a business
   * registered just after the last load is found, not refused).
   */
  async lookup(ids: Iterable<string>): Promise<Map<string, BusinessRoute>> {
    const wanted = [...new Set(ids)];
    let table = await this.current();
    if (wanted.some((id) => !table.has(id))) {
      const wait = this.loadedAt + (this.options.missReloadMs ?? 1_000) - this.now();
      if (wait > 0) await this.sleep(wait);
      // Whoever waited first reloads; the others share that load or its result.
      table = this.loading || this.now() - this.loadedAt >= (this.options.missReloadMs ?? 1_000) ? await this.reload() : this.table!;
    }
    const found = new Map<string, BusinessRoute>();
    for (const id of wanted) {
      const route = table.get(id);
      if (route) found.set(id, route);
    }
    return found;
  }

  async route(id: string): Promise<BusinessRoute | undefined> {
    return (await this.lookup([id])).get(id);
  }

  /** Loads the table ahead of the first request; failures are only logged. */
  warm(): void {
    this.reload().catch((error: unknown) => this.options.log?.warn({ err: error }, "routing table not loaded yet"));
  }

  private async current(): Promise<Map<string, BusinessRoute>> {
    if (!this.table) return this.reload();
    if (this.now() - this.loadedAt >= this.options.cacheMs) {
      // Stale-while-revalidate: this request uses the table it has.
      this.reload().catch((error: unknown) => this.options.log?.warn({ err: error }, "routing table refresh failed; keeping the last one"));
    }
    return this.table;
  }

  private reload(): Promise<Map<string, BusinessRoute>> {
    this.loading ??= this.fetchTable().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async fetchTable(): Promise<Map<string, BusinessRoute>> {
    try {
      const answer = routingAnswer.parse(
        await this.options.http.json<unknown>(`${this.options.accountsUrl}/internal/businesses`, {
          method: "GET",
          headers: { [IDENTITY_HEADER]: this.options.serviceIdentity() },
          timeoutMs: this.options.timeoutMs,
        }),
      );
      const table = new Map<string, BusinessRoute>();
      for (const business of answer.businesses) {
        table.set(business.id, { ...business, url: this.options.shards.get(business.shard) });
      }
      this.table = table;
      this.loadedAt = this.now();
      return table;
    } catch (error) {
      if (this.table) {
        // Accounts is unreachable: keep routing with what we know, and retry after the miss interval.
        this.loadedAt = this.now() - this.options.cacheMs + (this.options.missReloadMs ?? 1_000);
        this.options.log?.warn({ err: error }, "routing table reload failed; keeping the last one");
        return this.table;
      }
      throw error;
    }
  }
}
