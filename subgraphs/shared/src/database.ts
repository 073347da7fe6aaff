import { type EntityClass, type Logger, type LogContext, MikroORM, defineConfig } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";

export interface DatabaseOptions {
  url: string;
  /** PostgreSQL schema that holds this subgraph's tables (`accounts`, `business`). */
  schema: string;
  entities: EntityClass<unknown>[];
  migrationsPath: string;
  poolMax?: number;
  /** Called with every statement sent, including begin/commit: used to count queries in tests. */
  onStatement?: (sql: string) => void;
  debug?: boolean;
}

class StatementLogger implements Logger {
  constructor(private readonly onStatement?: (sql: string) => void, private readonly debug = false) {}
  log(namespace: string, message: string) {
    if (this.debug) console.log(`[orm:${namespace}] ${message}`);
  }
  warn(namespace: string, message: string) {
    console.warn(`[orm:${namespace}] ${message}`);
  }
  error(namespace: string, message: string) {
    console.error(`[orm:${namespace}] ${message}`);
  }
  logQuery(context: LogContext) {
    if ((context.namespace ?? "query") === "query" && context.level !== "error" && context.query) {
      this.onStatement?.(context.query);
    }
    if (this.debug) console.log(`[sql] ${context.query}`);
  }
  setDebugMode() {}
  isEnabled() {
    return this.debug;
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  return MikroORM.init(
    defineConfig({
      clientUrl: options.url,
      schema: options.schema,
      entities: options.entities,
      extensions: [Migrator],
      pool: { min: 0, max: options.poolMax ?? 4 },
      loggerFactory: () => new StatementLogger(options.onStatement, options.debug),
      migrations: {
        path: options.migrationsPath,
        pathTs: options.migrationsPath,
        tableName: `${options.schema}_migrations`,
        // Only migration classes: a helper script next to them (migrations/create.ts) must not be imported.
        glob: "Migration*.{js,ts}",
        snapshot: false,
        emit: "ts",
        silent: true,
      },
      allowGlobalContext: false,
    }),
  );
}

/** Applies every checked-in migration that has not run yet. */
export async function migrateDatabase(orm: MikroORM): Promise<string[]> {
  await orm.em.getConnection().execute(`create schema if not exists "${orm.config.get("schema")}"`);
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
