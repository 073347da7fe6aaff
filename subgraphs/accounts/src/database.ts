import { fileURLToPath } from "node:url";
import type { MikroORM } from "@mikro-orm/postgresql";
import { openDatabase } from "@billfold/shared";
import { Business } from "./businesses/business.entity.ts";
import { EmailMessage } from "./email/email-message.entity.ts";
import { DirectoryEntry } from "./directory/directory-entry.entity.ts";
import { LoginToken } from "./login/login-token.entity.ts";
import { MerchantUser } from "./merchants/merchant-user.entity.ts";
import { Person } from "./people/person.entity.ts";
import { Session } from "./sessions/session.entity.ts";

export const ACCOUNTS_SCHEMA = "accounts";
export const ACCOUNTS_ENTITIES = [Person, Business, DirectoryEntry, LoginToken, Session, MerchantUser, EmailMessage];
export const ACCOUNTS_MIGRATIONS_PATH = fileURLToPath(new URL("./migrations", import.meta.url));

export interface AccountsDatabaseOptions {
  poolMax?: number;
  /** Called with every SQL statement sent (tests count them). */
  onStatement?: (sql: string) => void;
  debug?: boolean;
}

/** Opens the accounts tables (schema `accounts`); does not migrate. */
export function openAccountsDatabase(url: string, options: AccountsDatabaseOptions = {}): Promise<MikroORM> {
  return openDatabase({
    url,
    schema: ACCOUNTS_SCHEMA,
    entities: ACCOUNTS_ENTITIES,
    migrationsPath: ACCOUNTS_MIGRATIONS_PATH,
    ...options,
  });
}
