import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from "@as-integrations/fastify";
import { signIdentity } from "@billfold/shared";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import type { GatewayConfig } from "./config.ts";
import { BUSINESS_HEADER, type GatewayContext } from "./context.ts";
import { AccountsDataSource } from "./datasources/accounts-data-source.ts";
import { ShardedBusinessDataSource } from "./datasources/sharded-business-data-source.ts";
import { formatGatewayError } from "./format-error.ts";
import { registerMerchantProxy } from "./http/merchant-proxy.ts";
import { addSecurityHeaders } from "./http/security-headers.ts";
import { createSubgraphHttp } from "./http/subgraph-http.ts";
import { registerWebApp } from "./http/web-app.ts";
import { IdentityResolver, sessionKey } from "./identity/identity-resolver.ts";
import { gatewayServiceSigner } from "./identity/service-identity.ts";
import { sessionTokenFrom } from "./identity/session-token.ts";
import { BusinessDirectory } from "./routing/business-directory.ts";
import { singleLoginFieldRule } from "./security/single-login-field.rule.ts";
import { registerOperationGuard } from "./security/operation-guard.ts";
import { registerRequestTimeout } from "./security/request-timeout.ts";
import { buildSchema } from "graphql";
import { registerDevMailboxProxy } from "./http/dev-mailbox-proxy.ts";
import { registerPortalSessionProxy } from "./http/portal-session-proxy.ts";
import { registerLicenseApiProxy } from "./http/license-api-proxy.ts";
import { registerProcessorTokens } from "./http/processor-tokens.ts";
import { registerInvoicePdfProxy } from "./http/invoice-pdf-proxy.ts";
import { deriveProcessorSecret } from "@billfold/shared/processor/index";

export interface CreateGatewayOptions {
  config: GatewayConfig;
  /** The composed supergraph; read from `config.SUPERGRAPH_PATH` when omitted. */
  supergraphSdl?: string;
  logger?: FastifyServerOptions["logger"];
}

export interface Gateway {
  app: FastifyInstance;
  close(): Promise<void>;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The public HTTP server: `/graphql` (federated), merchant proxy, SPA, health. Not listening yet. */
export async function createGateway({ config, supergraphSdl, logger = false }: CreateGatewayOptions): Promise<Gateway> {
  const sdl = supergraphSdl ?? (await readFile(config.SUPERGRAPH_PATH, "utf8"));
  const app = Fastify({ logger, trustProxy: config.TRUST_PROXY, keepAliveTimeout: 65_000, bodyLimit: 1024 * 1024, requestTimeout: config.REQUEST_TIMEOUT_MS });
  const log = app.log;
  const http = createSubgraphHttp({ dedupe: config.SUBGRAPH_DEDUPE });
  const serviceIdentity = gatewayServiceSigner(config.IDENTITY_SECRET);

  const identities = new IdentityResolver({
    accountsUrl: config.ACCOUNTS_URL,
    http,
    serviceIdentity,
    cacheMs: config.IDENTITY_CACHE_MS,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
  });
  const directory = new BusinessDirectory({
    accountsUrl: config.ACCOUNTS_URL,
    shards: config.SHARDS,
    http,
    serviceIdentity,
    cacheMs: config.ROUTING_CACHE_MS,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
  });
  const business = new ShardedBusinessDataSource({
    directory,
    http,
    shardTimeoutMs: config.SHARD_TIMEOUT_MS,
    breakerOpenMs: config.SHARD_BREAKER_MS,
    rootTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
  });

  const gateway = new ApolloGateway({
    supergraphSdl: sdl,
    buildService({ name }) {
      if (name === "accounts") {
        return new AccountsDataSource(
          `${config.ACCOUNTS_URL}/graphql`,
          http,
          config.SUBGRAPH_TIMEOUT_MS,
          (key) => identities.forget(key),
          (ids) => identities.forgetSessions(ids),
        );
      }
      if (name === "business") return business;
      throw new Error(`The supergraph names a subgraph the gateway cannot route: ${name}`);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.INTROSPECTION,
    csrfPrevention: true,
    // One operation per request (no JSON-array batching), and one login field per operation.
    allowBatchedHttpRequests: false,
    validationRules: [singleLoginFieldRule],
    includeStacktraceInErrorResponses: false,
    // Production: no "Did you mean …" suggestions (introspection follows config.INTROSPECTION).
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === "production",
    formatError: formatGatewayError,
    stopOnTerminationSignals: false,
    // Responses carry no cache hints (private data): skip the per-field cache-control bookkeeping.
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  async function context(request: FastifyRequest, reply: FastifyReply): Promise<GatewayContext> {
    const token = sessionTokenFrom(request.headers);
    const identity = await identities.resolve(token);
    return {
      identity,
      signedIdentity: signIdentity(identity, config.IDENTITY_SECRET),
      businessId: header(request, BUSINESS_HEADER) || undefined,
      sessionKey: token ? sessionKey(token) : undefined,
      clientIp: request.ip,
      userAgent: header(request, "user-agent"),
      reply,
    };
  }

  addSecurityHeaders(app, { https: config.PUBLIC_URL.startsWith("https:") });
  // Before every GraphQL route: limits on depth, size, aliases, fragments and cost; a whole-request budget.
  registerRequestTimeout(app, { timeoutMs: config.REQUEST_TIMEOUT_MS });
  registerOperationGuard(app, { schema: buildSchema(sdl, { assumeValidSDL: true }), introspection: config.INTROSPECTION });
  const graphql = fastifyApolloHandler(apollo, { context });
  app.route({
    url: "/graphql",
    method: ["GET", "POST"],
    handler(request, reply) {
      // A browser opening /graphql gets the offline playground of the SPA.
      if (request.method === "GET" && Object.keys((request.query ?? {}) as object).length === 0 && request.headers.accept?.includes("text/html")) {
        return config.PLAYGROUND ? reply.redirect("/playground") : reply.code(404).send({ errors: [{ message: "Not found.", extensions: { code: "NOT_FOUND" } }] });
      }
      return graphql.call(this, request as never, reply as never);
    },
  });
  app.get("/health", async () => ({ ok: true, service: "gateway" }));
  await registerMerchantProxy(app, {
    directory,
    http,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
    merchantSession: { resolve: (token) => identities.resolve(token), identitySecret: config.IDENTITY_SECRET },
  });
  await registerPortalSessionProxy(app, { directory, http, timeoutMs: config.SUBGRAPH_TIMEOUT_MS, log });
  await registerLicenseApiProxy(app, { directory, http, timeoutMs: config.SUBGRAPH_TIMEOUT_MS, log });
  await registerInvoicePdfProxy(app, {
    directory,
    http,
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    log,
    session: { resolve: (token) => identities.resolve(token), identitySecret: config.IDENTITY_SECRET },
  });
  await registerProcessorTokens(app, { processorSecret: deriveProcessorSecret(config.IDENTITY_SECRET) });
  if (config.NODE_ENV !== "production") registerDevMailboxProxy(app, { accountsUrl: config.ACCOUNTS_URL, http, timeoutMs: config.SUBGRAPH_TIMEOUT_MS });
  await registerWebApp(app, config.WEB_DIST);
  directory.warm();

  return {
    app,
    async close() {
      await app.close();
      await apollo.stop();
      await http.close();
    },
  };
}
