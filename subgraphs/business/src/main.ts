import { listen } from "@billfold/shared";
import { createBusinessApp } from "./app.ts";
import { loadBusinessConfig } from "./config.ts";
import { openBusinessDatabase } from "./shared/database.ts";

const config = loadBusinessConfig(process.env);
const orm = await openBusinessDatabase(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX });
const business = await createBusinessApp({ config, orm });
const server = await listen(business.app, config.PORT, config.HOST);
console.log(`business ${config.SHARD_ID} listening on ${server.url}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await business.close();
  await orm.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
