import type { FastifyInstance, FastifyRequest } from "fastify";
import type { GraphQLSchema } from "graphql";
import { type OperationLimits, checkOperationLimits } from "./operation-limits.ts";

/** The routes whose bodies are GraphQL operations: the federated graph and the merchant endpoint. */
export const GUARDED_ROUTES = new Set(["/graphql", "/business/:businessId/graphql"]);

interface OperationRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

function parseVariables(value: unknown): Record<string, unknown> {
  if (typeof value !== "string") return asObject(value);
  try {
    return asObject(JSON.parse(value));
  } catch {
    return {};
  }
}

/** The operation a request carries, from a JSON body (object or raw buffer) or a GET query string. */
function operationOf(request: FastifyRequest): OperationRequest | null {
  let payload: unknown = request.method === "GET" ? request.query : request.body;
  if (Buffer.isBuffer(payload) || typeof payload === "string") {
    try {
      payload = JSON.parse(payload.toString());
    } catch {
      return null;
    }
  }
  const object = asObject(payload);
  if (typeof object.query !== "string") return null;
  return {
    query: object.query,
    variables: parseVariables(object.variables),
    operationName: typeof object.operationName === "string" ? object.operationName : null,
  };
}

/**
 * Measures every GraphQL operation before Apollo parses, validates or plans it (and before the
 * merchant proxy forwards it to a shard) and answers 400 GRAPHQL_VALIDATION_FAILED when it is
 * over a limit. Register before the routes' plugins so the hook reaches every route.
 */
export function registerOperationGuard(
  app: FastifyInstance,
  options: { schema?: GraphQLSchema; limits?: OperationLimits; introspection?: boolean },
): void {
  app.addHook("preHandler", async (request, reply) => {
    if (!GUARDED_ROUTES.has(request.routeOptions.url ?? "")) return;
    const operation = operationOf(request);
    if (!operation) return;
    const error = checkOperationLimits(operation.query, { ...options, variables: operation.variables, operationName: operation.operationName });
    if (!error) return;
    await reply
      .code(400)
      .type("application/json; charset=utf-8")
      .send({ errors: [{ message: error.message, extensions: error.extensions }] });
  });
}
