import "reflect-metadata";

export * from "./database.ts";
export * from "./env.ts";
export * from "./errors.ts";
export * from "./federated-schema.ts";
export * from "./identity.ts";
export * from "./ids.ts";
export * from "./subgraph-server.ts";
export * from "./rate-limiter.ts";
export * from "./transaction-database.ts";
export * from "./sql-table.ts";
