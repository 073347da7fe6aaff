import { createHash } from "node:crypto";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { IdPool, Victim } from "./schema-calls.ts";

/** Raw SQL on the test database (`?` placeholders), through an ORM the system already holds. */
export type Sql = <T = Record<string, string>>(query: string, params?: unknown[]) => Promise<T[]>;

export const sqlOf =
  (orm: MikroORM): Sql =>
  (query, params = []) =>
    orm.em.getConnection().execute(query, params, "all") as never;

interface Owner {
  businessId: string;
  customerId: string;
  email: string;
  mode: "test" | "live";
}

interface TableInfo {
  schema: string;
  table: string;
  columns: Set<string>;
}

async function tables(run: Sql): Promise<TableInfo[]> {
  const rows = await run<{ table_schema: string; table_name: string; column_name: string }>(
    `select c.table_schema, c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema in ('business', 'accounts')`,
  );
  const byTable = new Map<string, TableInfo>();
  for (const row of rows) {
    const key = `${row.table_schema}.${row.table_name}`;
    const info = byTable.get(key) ?? { schema: row.table_schema, table: row.table_name, columns: new Set<string>() };
    info.columns.add(row.column_name);
    byTable.set(key, info);
  }
  return [...byTable.values()];
}

/** Rows that belong to one customer account (business, mode, customer), table by table. */
function ownedRows(info: TableInfo, owner: Owner): { where: string; params: unknown[] } | null {
  const c = info.columns;
  if (info.schema === "business" && c.has("business_id") && c.has("mode") && c.has("customer_id")) {
    return { where: "business_id = ? and mode = ? and customer_id = ?", params: [owner.businessId, owner.mode, owner.customerId] };
  }
  if (info.schema === "business" && info.table === "customer") return { where: "business_id = ? and id = ?", params: [owner.businessId, owner.customerId] };
  if (info.schema === "accounts" && info.table === "session") return { where: "email = ? and mode = ?", params: [owner.email, owner.mode] };
  return null;
}

/**
 * A tenant as an attacker would target it: its row ids by table (the pool that fills id
 * arguments; the business's shared rows such as products included) and the markers that must
 * never reach anyone else (its own rows' ids and its email).
 */
export async function victimOf(run: Sql, label: string, owner: Owner, emailIsMarker = true): Promise<Victim> {
  const pool: IdPool = { business: [owner.businessId] };
  const markers = emailIsMarker ? [owner.email] : [];
  for (const info of await tables(run)) {
    if (!info.columns.has("id")) continue;
    const owned = ownedRows(info, owner);
    if (owned) {
      const rows = await run<{ id: string }>(`select id from "${info.schema}"."${info.table}" where ${owned.where}`, owned.params);
      pool[info.table] = rows.map((r) => r.id);
      markers.push(...rows.map((r) => r.id));
    } else if (info.schema === "business" && info.columns.has("business_id") && info.columns.has("mode") && !info.table.includes("job")) {
      // Shared rows of the business (products, …): fine as arguments, not secret to its own customers.
      const rows = await run<{ id: string }>(`select id from "${info.schema}"."${info.table}" where business_id = ? and mode = ? limit 5`, [owner.businessId, owner.mode]);
      pool[info.table] = rows.map((r) => r.id);
    }
  }
  return { label, ...owner, pool, markers };
}

/** A hash of every row the victims own (sessions excluded: their last-seen times move on their own). */
export async function victimRowsHash(run: Sql, victims: Owner[]): Promise<string> {
  const hash = createHash("sha256");
  for (const info of (await tables(run)).sort((a, b) => `${a.schema}.${a.table}`.localeCompare(`${b.schema}.${b.table}`))) {
    for (const victim of victims) {
      const owned = ownedRows(info, victim);
      if (!owned || info.table === "session") continue;
      const rows = await run<{ row: string }>(`select t::text as row from "${info.schema}"."${info.table}" t where ${owned.where} order by t::text`, owned.params);
      hash.update(`${info.table}:${rows.map((r) => r.row).join("\n")}\n`);
    }
  }
  return hash.digest("hex");
}

/**
 * Tables whose rows move on their own (session and API key last-used touches, rate counters,
 * queues, outboxes, link tokens from the public sign-in form): left out of "no row changed".
 */
const VOLATILE = /^(session|rate_limit|email_message|login_token|api_key)$|job|queue|outbox|pgboss|mikro_orm_migrations/;

/** A hash of every row of the accounts and business schemas, per table, volatile tables aside. */
export async function schemaHashes(run: Sql): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const info of await tables(run)) {
    if (VOLATILE.test(info.table)) continue;
    const rows = await run<{ row: string }>(`select t::text as row from "${info.schema}"."${info.table}" t order by 1`);
    hashes[`${info.schema}.${info.table}`] = `${rows.length}:${createHash("sha256").update(rows.map((r) => r.row).join("\n")).digest("hex").slice(0, 16)}`;
  }
  return hashes;
}
