import { migrateAccounts } from "@billfold/accounts";
import { migrateBusiness } from "@billfold/business";
import { parseEnv, sharedEnv } from "@billfold/shared";

/** Applies every subgraph's checked-in migrations to DATABASE_URL. */
const { DATABASE_URL } = parseEnv(sharedEnv.pick({ DATABASE_URL: true }), process.env);
await migrateAccounts(DATABASE_URL);
await migrateBusiness(DATABASE_URL);
console.log("migrations applied");
