import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** The fixed set of codes a client can act on; everything else is INTERNAL_SERVER_ERROR. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYMENT_FAILED"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR";

/** A domain error with a reason a person can act on; mapped once to a GraphQL error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = (message = "Sign in to continue.") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You do not have access to this.") => new AppError("FORBIDDEN", message);
export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError("BAD_USER_INPUT", message, details);

const PASS_THROUGH = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/**
 * Apollo's formatError: domain errors keep their code and message, GraphQL's own
 * validation errors pass through, and anything unexpected is logged and hidden.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, ...original.details },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && (PASS_THROUGH.has(code) || code === "UNAUTHENTICATED" || code === "FORBIDDEN" || code === "NOT_FOUND")) {
    return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { code } };
  }
  if (error instanceof GraphQLError && !error.originalError && code !== "INTERNAL_SERVER_ERROR") {
    // Thrown on purpose with a code set by our own code (e.g. by the authorisation layer).
    return { message: formatted.message, path: formatted.path, extensions: { code: code ?? "INTERNAL_SERVER_ERROR" } };
  }
  console.error("[unexpected]", original);
  return { message: "Something went wrong on our side. Please try again.", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
