import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from "@as-integrations/fastify";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { GraphQLSchema } from "graphql";
import { formatError } from "./errors.ts";
import { IDENTITY_HEADER, type Identity, verifyIdentity } from "./identity.ts";

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  identitySecret: string;
  /**
   * Builds the per-request context for a caller the gateway vouched for. `reply` lets a resolver
   * set response headers (accounts sets the session cookie; the gateway relays only that one).
   */
  context: (identity: Identity, request: FastifyRequest, reply: FastifyReply) => Promise<TContext> | TContext;
  introspection?: boolean;
  /** Extra routes (merchant endpoint, internal APIs) registered before listening. */
  routes?: (app: FastifyInstance, apollo: ApolloServer<TContext>) => Promise<void> | void;
  bodyLimit?: number;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** Reads and checks the gateway's signature; null when missing, forged or expired. */
export function gatewayIdentity(request: FastifyRequest, secret: string): Identity | null {
  const header = request.headers[IDENTITY_HEADER];
  return verifyIdentity(Array.isArray(header) ? header[0] : header, secret);
}

/**
 * A subgraph's HTTP server. `/graphql` answers only callers carrying the gateway's signed
 * identity (the only caller allowed `_entities` and `_service`); anything else gets 401.
 */
export async function createSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<{ app: FastifyInstance; apollo: ApolloServer<TContext> }> {
  const app = Fastify({ bodyLimit: options.bodyLimit ?? 256 * 1024, keepAliveTimeout: 65_000 });
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Traces for Apollo Studio are not used: no per-request tracing work, no start-up notice.
    // No field computes cache hints (no @cacheControl): skip the per-field bookkeeping.
    plugins: [fastifyApolloDrainPlugin(app), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();

  app.get("/health", async () => ({ ok: true, service: options.name }));
  app.post(
    "/graphql",
    {
      preHandler: async (request, reply) => {
        if (!gatewayIdentity(request, options.identitySecret)) {
          await reply.code(401).send({ errors: [{ message: "This service answers only the Billfold gateway.", extensions: { code: "UNAUTHENTICATED" } }] });
        }
      },
    },
    fastifyApolloHandler(apollo, {
      context: async (request, reply) => options.context(gatewayIdentity(request, options.identitySecret)!, request, reply),
    }),
  );
  await options.routes?.(app, apollo);
  return { app, apollo };
}

export async function listen(app: FastifyInstance, port: number, host = "127.0.0.1"): Promise<RunningServer> {
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return { app, url: `http://${host}:${actualPort}`, close: () => app.close() };
}
