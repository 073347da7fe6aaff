/**
 * Writes a new migration for whatever the entities changed: applies the checked-in migrations
 * to a throw-away database, then diffs the entities against it.
 *   cd /work/main && npx tsx subgraphs/business/src/migrations/create.ts
 */
import "reflect-metadata";
import { migrateDatabase } from "@billfold/shared";
import { createTestDatabase } from "@billfold/shared/testing/test-database";
import { openBusinessDatabase } from "../shared/database.ts";

const database = await createTestDatabase();
const orm = await openBusinessDatabase(database.url, { poolMax: 1 });
try {
  await migrateDatabase(orm);
  const result = await orm.migrator.create();
  console.log(result.diff.up.length ? `wrote ${result.fileName}` : "entities match the migrations: nothing to write");
} finally {
  await orm.close();
  await database.drop();
}
