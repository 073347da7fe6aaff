import { formatError } from "@billfold/shared";
import type { GraphQLFormattedError } from "graphql";
import { MULTIPLE_LOGIN_FIELDS } from "./security/single-login-field.rule.ts";

const CLIENT_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "PAYMENT_FAILED",
  "RATE_LIMITED",
  "SHARD_UNAVAILABLE",
]);
const INTERNAL_EXTENSIONS = new Set(["serviceName", "response", "exception", "stacktrace"]);

/**
 * The subgraphs already formatted their errors for clients (code plus details such as
 * businessId); the gateway relays those as they are, minus its own bookkeeping. Everything
 * else goes through the shared formatter, which hides internals.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = formatted.extensions;
  const code = extensions?.code;
  if (extensions?.reason === MULTIPLE_LOGIN_FIELDS) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: "BAD_USER_INPUT", reason: MULTIPLE_LOGIN_FIELDS } };
  }
  if (extensions && typeof extensions.serviceName === "string" && typeof code === "string") {
    if (CLIENT_CODES.has(code)) {
      const relayed = Object.fromEntries(Object.entries(extensions).filter(([key]) => !INTERNAL_EXTENSIONS.has(key)));
      return { message: formatted.message, path: formatted.path, extensions: relayed };
    }
    if (code === "INTERNAL_SERVER_ERROR") {
      // The subgraph logged and hid it already.
      return { message: "Something went wrong on our side. Please try again.", path: formatted.path, extensions: { code } };
    }
  }
  return formatError(formatted, error);
}
