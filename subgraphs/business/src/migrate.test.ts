import { createTestDatabase } from "@billfold/shared/testing/test-database";
import { describe, expect, it } from "vitest";
import { migrateBusiness } from "./migrate.ts";
import { openBusinessDatabase } from "./shared/database.ts";

describe("migrateBusiness", () => {
  it("creates every business table in an empty database and is a no-op the second time", async () => {
    const database = await createTestDatabase();
    try {
      const applied = await migrateBusiness(database.url);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrateBusiness(database.url)).toEqual([]);
      const orm = await openBusinessDatabase(database.url, { poolMax: 1 });
      const rows = await orm.em.fork().execute<{ table_name: string }[]>(
        "select table_name from information_schema.tables where table_schema = 'business' order by 1",
      );
      await orm.close();
      expect(rows.map((row) => row.table_name)).toEqual([
        "api_key", "business_migrations", "customer", "idempotency_record", "invoice", "license_instance", "license_key",
        "payment", "payment_method", "product", "rate_limit", "refund", "shop", "subscription",
        "webhook_delivery", "webhook_endpoint", "webhook_event",
      ]);
    } finally {
      await database.drop();
    }
  });
});
