import type pg from "pg";
import { AppError } from "./errors.ts";

export interface RateLimitRule {
  prefix: string;
  points: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters in a PostgreSQL table `(key text primary key, points int, expire bigint ms)`,
 * so every process sharing the database counts against the same numbers. One plain upsert per hit:
 * no named prepared statements, which collide on the embedded database's single backend.
 */
export class PostgresRateLimiter {
  constructor(
    private readonly pool: pg.Pool,
    /** Schema-qualified table name, e.g. `"accounts"."rate_limit"`. */
    private readonly table: string,
  ) {}

  /** Counts one hit; answers the seconds to wait when the rule's limit is passed, else 0. */
  async hit(rule: RateLimitRule, key: string, now = Date.now()): Promise<number> {
    const { rows } = await this.pool.query<{ points: number; expire: string }>(
      `insert into ${this.table} as r (key, points, expire) values ($1, 1, $2)
       on conflict (key) do update set
         points = case when r.expire <= $3 then 1 else r.points + 1 end,
         expire = case when r.expire <= $3 then excluded.expire else r.expire end
       returning points, expire`,
      [`${rule.prefix}:${key}`, now + rule.windowSeconds * 1000, now],
    );
    const { points, expire } = rows[0];
    return points > rule.points ? Math.max(1, Math.ceil((Number(expire) - now) / 1000)) : 0;
  }

  /**
   * Counts a hit under every rule (all counters move, so the work is the same whatever the
   * outcome), then throws RATE_LIMITED with the longest wait if any limit is passed.
   */
  async consume(hits: [RateLimitRule, string][], message: (retryAfterSeconds: number) => string): Promise<void> {
    const waits = await Promise.all(hits.map(([rule, key]) => this.hit(rule, key)));
    const retryAfterSeconds = Math.max(0, ...waits);
    if (retryAfterSeconds > 0) throw new AppError("RATE_LIMITED", message(retryAfterSeconds), { retryAfterSeconds });
  }
}
