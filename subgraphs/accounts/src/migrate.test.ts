import { createTestDatabase, type TestDatabase } from "@billfold/shared/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAccountsDatabase } from "./database.ts";
import { migrateAccounts } from "./migrate.ts";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("accounts migrations", () => {
  it("create every accounts table in the accounts schema of an empty database, once", async () => {
    const applied = await migrateAccounts(database.url);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.every((name) => /^Migration\d{14}/.test(name))).toBe(true);

    const orm = await openAccountsDatabase(database.url);
    try {
      const rows = await orm.em.fork().getConnection().execute<{ table_name: string }[]>(
        "select table_name from information_schema.tables where table_schema = 'accounts' order by table_name",
      );
      expect(rows.map((row) => row.table_name)).toEqual([
        "accounts_migrations",
        "business",
        "directory_entry",
        "email_message",
        "login_token",
        "merchant_user",
        "person",
        "rate_limit",
        "session",
      ]);
    } finally {
      await orm.close();
    }

    expect(await migrateAccounts(database.url)).toEqual([]);
  });
});
