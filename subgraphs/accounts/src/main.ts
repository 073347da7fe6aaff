import { listen } from "@billfold/shared";
import { createAccountsApp } from "./app.ts";
import { parseAccountsConfig } from "./config.ts";
import { openAccountsDatabase } from "./database.ts";

const config = parseAccountsConfig(process.env);
const orm = await openAccountsDatabase(config.DATABASE_URL);
const accounts = await createAccountsApp({ config, orm });
const server = await listen(accounts.app, config.PORT, config.HOST);
console.log(`accounts listening on ${server.url}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`accounts: ${signal}, closing`);
  try {
    await accounts.close();
    await orm.close();
    process.exit(0);
  } catch (error) {
    console.error("accounts: unclean shutdown", error);
    process.exit(1);
  }
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
