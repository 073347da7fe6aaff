import type { EntityClass, EntityProperty } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import { qualifiedTable } from "@billfold/shared";

/** An SQL expression giving one JSON value, and how to turn its parsed form into what resolvers read. */
export interface JsonSql<T> {
  sql: string;
  read(value: unknown): T;
}

/** An entity's row at `alias` as a JSON object: the SQL and the table it reads. */
export interface JsonObject<T> extends JsonSql<T> {
  table: string;
  alias: string;
}

// Columns whose JSON form is already the value hydration would give; timestamps are revived.
const JSON_AS_IS = /^(varchar|text|int|smallint|boolean|jsonb?)\b/;
const TIMESTAMP = "timestamptz";

/**
 * `json_build_object` of some properties of the entity's row at `alias`, keyed by property name
 * (plus `embedded` values). PostgreSQL builds the JSON and the driver parses it natively: the
 * result is a plain read-only object with the entity's values, without hydration or identity
 * map, so give it only to code that reads.
 */
export function jsonObject<E extends object, K extends keyof E & string, X extends object = object>(
  em: EntityManager,
  entity: EntityClass<E>,
  alias: string,
  props: readonly K[],
  embedded: { [P in keyof X]: JsonSql<X[P]> } = {} as never,
): JsonObject<Pick<E, K> & X> {
  const meta = em.getMetadata(entity);
  const dates: string[] = [];
  const pairs = props.map((name) => {
    const prop = (meta.properties as Record<string, EntityProperty>)[name];
    const column = prop.columnTypes[0];
    if (column === TIMESTAMP) dates.push(name);
    else if (!JSON_AS_IS.test(column)) throw new Error(`${meta.className}.${name} (${column}) has no JSON form equal to its value`);
    return `'${name}', ${alias}."${prop.fieldNames[0]}"`;
  });
  const nested = Object.entries(embedded) as [string, JsonSql<unknown>][];
  for (const [name, part] of nested) pairs.push(`'${name}', ${part.sql}`);
  if (pairs.length > 50) throw new Error("json_build_object takes at most 100 arguments");
  return {
    table: qualifiedTable(em, entity),
    alias,
    sql: `json_build_object(${pairs.join(", ")})`,
    read(value) {
      const row = value as Record<string, unknown>;
      for (const name of dates) if (row[name] !== null) row[name] = new Date(row[name] as string);
      for (const [name, part] of nested) row[name] = part.read(row[name]);
      return row as Pick<E, K> & X;
    },
  };
}

/** The first row matching `where` as a JSON object, or null. */
export function jsonFirst<T>(row: JsonObject<T>, where: string): JsonSql<T | null> {
  return {
    sql: `(select ${row.sql} from ${row.table} ${row.alias} where ${where} limit 1)`,
    read: (value) => (value === null ? null : row.read(value)),
  };
}

/** The rows matching `where` in `orderBy` order as a JSON array; with `limit`, at most the next parameter's count. */
export function jsonArray<T>(row: JsonObject<T>, where: string, orderBy: string, options: { limit?: boolean } = {}): JsonSql<T[]> {
  const { table, alias } = row;
  const from = options.limit ? `(select * from ${table} ${alias} where ${where} order by ${orderBy} limit ?) ${alias}` : `${table} ${alias} where ${where}`;
  return {
    sql: `(select coalesce(json_agg(${row.sql} order by ${orderBy}), '[]'::json) from ${from})`,
    read: (value) => (value as unknown[]).map((item) => row.read(item)),
  };
}
