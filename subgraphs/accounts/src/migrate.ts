import { fileURLToPath } from "node:url";
import { migrateDatabase, parseEnv, sharedEnv } from "@billfold/shared";
import { openAccountsDatabase } from "./database.ts";

/** Applies the checked-in accounts migrations that have not run yet; returns their names. */
export async function migrateAccounts(url: string): Promise<string[]> {
  const orm = await openAccountsDatabase(url, { poolMax: 2 });
  try {
    return await migrateDatabase(orm);
  } finally {
    await orm.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { DATABASE_URL } = parseEnv(sharedEnv.pick({ DATABASE_URL: true }), process.env);
  const applied = await migrateAccounts(DATABASE_URL);
  console.log(applied.length ? `accounts: applied ${applied.join(", ")}` : "accounts: schema is up to date");
}
