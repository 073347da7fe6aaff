import type { MikroORM } from "@mikro-orm/postgresql";
import type { FastifyInstance } from "fastify";
import { createSubgraphServer } from "@billfold/shared";
import type { AccountsConfig } from "./config.ts";
import { registerInternalRoutes } from "./internal/internal.routes.ts";
import { buildAccountsSchema } from "./schema.ts";
import { type AccountsContext, createContext } from "./shared/context.ts";

export interface AccountsApp {
  app: FastifyInstance;
  /** Stops the HTTP server; the caller owns (and closes) the ORM. */
  close(): Promise<void>;
}

export async function createAccountsApp({ config, orm }: { config: Pick<AccountsConfig, "IDENTITY_SECRET" | "INTROSPECTION">; orm: MikroORM }): Promise<AccountsApp> {
  const { schema } = await buildAccountsSchema();
  const { app } = await createSubgraphServer<AccountsContext>({
    name: "accounts",
    schema,
    identitySecret: config.IDENTITY_SECRET,
    introspection: config.INTROSPECTION,
    context: (identity) => createContext(identity, orm.em.fork()),
    routes: (app) => registerInternalRoutes(app, { orm, identitySecret: config.IDENTITY_SECRET }),
  });
  return { app, close: () => app.close() };
}
