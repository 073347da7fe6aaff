import { fileURLToPath } from "node:url";
import { migrateDatabase, parseEnv, sharedEnv } from "@billfold/shared";
import { openBusinessDatabase } from "./shared/database.ts";

/** Applies the checked-in business migrations that have not run yet; returns their names. */
export async function migrateBusiness(url: string): Promise<string[]> {
  const orm = await openBusinessDatabase(url, { poolMax: 1 });
  try {
    return await migrateDatabase(orm);
  } finally {
    await orm.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { DATABASE_URL } = parseEnv(sharedEnv.pick({ DATABASE_URL: true }), process.env);
  const applied = await migrateBusiness(DATABASE_URL);
  console.log(applied.length ? `business: applied ${applied.join(", ")}` : "business: schema is up to date");
}
