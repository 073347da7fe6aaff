import { buildSubgraphSchema } from "@apollo/subgraph";
import { createSubgraphServer, gatewayIdentity, type Identity, listen, type RunningServer } from "@billfold/shared";
import type { FastifyReply } from "fastify";
import { parse } from "graphql";

export const ACCOUNTS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { viewer: Viewer, whoami: String! }
type Mutation { signOut: Boolean! }
type Viewer { email: String!, accounts: [CustomerAccount!]! }
type Business @key(fields: "id") { id: ID!, name: String! }
type CustomerAccount @key(fields: "businessId customerId") {
  businessId: ID!
  customerId: ID!
  business: Business!
}
`;

export interface FakeBusiness {
  id: string;
  name: string;
  shard: string;
}

export interface FakeAccounts extends RunningServer {
  /** Session token → identity answered by POST /internal/identity. */
  sessions: Map<string, Identity>;
  businesses: FakeBusiness[];
  calls: { identity: number; routing: number };
  /** Headers accounts' /graphql received, newest last. */
  graphqlHeaders: Record<string, string | string[] | undefined>[];
}

const describe = (identity: Identity) => (identity.kind === "person" ? `person:${identity.email}` : identity.kind);

/** A stand-in for the accounts subgraph: viewer from the signed identity, the internal routes. */
export async function startFakeAccounts(secret: string, businesses: FakeBusiness[]): Promise<FakeAccounts> {
  const sessions = new Map<string, Identity>();
  const calls = { identity: 0, routing: 0 };
  const graphqlHeaders: FakeAccounts["graphqlHeaders"] = [];
  const byId = () => new Map(businesses.map((b) => [b.id, b]));
  type Context = { identity: Identity; reply: FastifyReply };

  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(ACCOUNTS_SDL),
      resolvers: {
        Query: {
          viewer: (_: unknown, __: unknown, { identity }: Context) =>
            identity.kind === "person" ? { email: identity.email, accounts: identity.accounts } : null,
          whoami: (_: unknown, __: unknown, { identity }: Context) => describe(identity),
        },
        Mutation: {
          signOut: (_: unknown, __: unknown, { reply }: Context) => {
            reply.header("set-cookie", ["bf_session=; Path=/; Max-Age=0; HttpOnly", "tracking=1; Path=/"]);
            return true;
          },
        },
        CustomerAccount: {
          business: (account: { businessId: string }) => byId().get(account.businessId) ?? null,
        },
        Business: {
          __resolveReference: (reference: { id: string }) => byId().get(reference.id) ?? null,
        },
      } as never,
    },
  ]);

  const { app } = await createSubgraphServer<Context>({
    name: "accounts",
    schema,
    identitySecret: secret,
    context: (identity, request, reply) => {
      graphqlHeaders.push({ ...request.headers });
      return { identity, reply };
    },
    routes(server) {
      const requireService = async (request: Parameters<typeof gatewayIdentity>[0]) => gatewayIdentity(request, secret)?.kind === "service";
      server.post<{ Body: { sessionToken: string } }>("/internal/identity", async (request, reply) => {
        if (!(await requireService(request))) return reply.code(401).send({ error: "service identity required" });
        calls.identity++;
        return { identity: sessions.get(request.body.sessionToken) ?? { kind: "anonymous" } };
      });
      server.get<{ Querystring: { to?: string } }>("/dev/mailbox", async (request) => [
        { to: request.query.to ?? "", subject: "Hello", text: "Hi", html: "<p>Hi</p>", createdAt: "2026-01-01T00:00:00.000Z" },
      ]);
      server.get("/internal/businesses", async (request, reply) => {
        if (!(await requireService(request))) return reply.code(401).send({ error: "service identity required" });
        calls.routing++;
        return { businesses };
      });
    },
  });
  const running = await listen(app, 0);
  return { ...running, sessions, businesses, calls, graphqlHeaders };
}
