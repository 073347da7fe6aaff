import type { EntityClass } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";

/** `"business"."invoice"`: the quoted, schema-qualified table of an entity, for hand-written SQL. */
export function qualifiedTable(em: EntityManager, entity: EntityClass<object>): string {
  const meta = em.getMetadata(entity);
  const schema = meta.schema ?? em.config.get("schema") ?? "public";
  return `"${schema}"."${meta.tableName}"`;
}
