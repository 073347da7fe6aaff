import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { AppError, createSubgraphServer, type Identity, listen, type RunningServer } from "@billfold/shared";
import { parse } from "graphql";
import type { FastifyReply, FastifyRequest } from "fastify";

export const SHARD_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { shardInfo: ShardInfo! }
type ShardInfo { shard: String!, businessId: String, seenBy: String! }
type CustomerAccount @key(fields: "businessId customerId") {
  businessId: ID!
  customerId: ID!
  customer: Customer
  "Fails for customers whose id starts with bad_, to test error paths."
  flaky: String
}
type Customer { id: ID!, name: String!, shard: String!, seenBy: String! }
`;

export interface EntityCall {
  businessIds: string[];
  seenBy: string;
}

export interface FakeShard extends RunningServer {
  shard: string;
  entityCalls: EntityCall[];
  merchantCalls: { headers: Record<string, string | string[] | undefined>; body: string }[];
  /** Calls to the REST portal session route: path with query, headers, body. */
  portalCalls: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[];
  /** Calls to the invoice PDF routes: path with query, headers. */
  pdfCalls: { url: string; headers: Record<string, string | string[] | undefined> }[];
}

const describe = (identity: Identity) => (identity.kind === "person" ? `person:${identity.email}` : identity.kind);

/** A stand-in for one business shard: answers CustomerAccount entities and a header-routed root field. */
export async function startFakeShard(secret: string, shard: string, delayMs = 0): Promise<FakeShard> {
  const entityCalls: EntityCall[] = [];
  const merchantCalls: FakeShard["merchantCalls"] = [];
  const portalCalls: FakeShard["portalCalls"] = [];
  const pdfCalls: FakeShard["pdfCalls"] = [];
  type Context = { identity: Identity; businessHeader: string | undefined; batch?: EntityCall };
  type Account = { businessId: string; customerId: string };

  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(SHARD_SDL),
      resolvers: {
        Query: {
          shardInfo: (_: unknown, __: unknown, context: Context) => ({ shard, businessId: context.businessHeader, seenBy: describe(context.identity) }),
        },
        CustomerAccount: {
          async __resolveReference(reference: Account, context: Context) {
            if (!context.batch) {
              context.batch = { businessIds: [], seenBy: describe(context.identity) };
              entityCalls.push(context.batch);
            }
            context.batch.businessIds.push(reference.businessId);
            if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
            return reference;
          },
          customer: (account: Account, _: unknown, context: Context) => ({
            id: account.customerId,
            name: `${account.customerId} at ${account.businessId}`,
            shard,
            seenBy: describe(context.identity),
          }),
          flaky: (account: Account) => {
            if (account.customerId.startsWith("bad_")) throw new AppError("CONFLICT", "flaky failed");
            return "fine";
          },
        },
      } as never,
    },
  ]);

  const { app } = await createSubgraphServer<Context>({
    name: shard,
    schema,
    identitySecret: secret,
    context: (identity, request) => ({ identity, businessHeader: request.headers["x-billfold-business"] as string | undefined }),
    async routes(server) {
      await server.register(async (scope) => {
        scope.removeContentTypeParser("application/json");
        scope.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
        scope.post<{ Params: { businessId: string } }>("/business/:businessId/graphql", async (request, reply) => {
          merchantCalls.push({ headers: { ...request.headers }, body: request.body as string });
          if (!request.headers.authorization?.startsWith("Bearer sk_")) {
            return reply.code(401).send({ errors: [{ message: "API key required", extensions: { code: "UNAUTHENTICATED" } }] });
          }
          return reply.code(200).send({ data: { echo: { shard, businessId: request.params.businessId, body: request.body } } });
        });
        scope.post<{ Params: { customerId: string } }>("/customers/:customerId/customer-portal/session", async (request, reply) => {
          portalCalls.push({ url: request.url, headers: { ...request.headers }, body: (request.body as string | undefined) ?? "" });
          return reply.code(200).send({ link: `http://localhost:4000/auth/from-${shard}-${request.params.customerId}` });
        });
        const pdf = async (request: FastifyRequest, reply: FastifyReply) => {
          pdfCalls.push({ url: request.url, headers: { ...request.headers } });
          if (!request.headers.authorization && !request.headers["x-billfold-identity"] && !request.url.includes("sig=")) {
            return reply.code(401).send({ error: "UNAUTHENTICATED", message: "Sign in" });
          }
          return reply.type("application/pdf").header("content-disposition", 'inline; filename="invoice.pdf"').header("cache-control", "private, no-store").send(Buffer.from(`%PDF-1.3 from ${shard}`));
        };
        scope.get("/business/:businessId/invoices/:invoiceId/pdf", pdf);
        scope.get("/invoices/:file", pdf);
      });
    },
  });
  const running = await listen(app, 0);
  return { ...running, shard, entityCalls, merchantCalls, portalCalls, pdfCalls };
}

/** A server that accepts connections and never answers. */
export async function startHangingServer(): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
  let received = 0;
  const server: Server = createServer(() => void received++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
