import type { EntityManager } from "@mikro-orm/postgresql";
import { CompiledQuery, type Transaction } from "kysely";
import type { Db } from "pg-boss";

/**
 * pg-boss's database interface over the transaction `em` is in (real `$n` parameters, same
 * connection): a job sent through it exists exactly when the change that caused it commits.
 */
export function transactionDatabase(em: EntityManager): Db {
  const transaction = em.getTransactionContext<Transaction<Record<string, never>>>();
  if (!transaction) throw new Error("A job must be sent inside the transaction of the change that caused it.");
  return {
    async executeSql(text, values = []) {
      const result = await transaction.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}
