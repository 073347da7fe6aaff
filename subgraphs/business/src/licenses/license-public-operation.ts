import { Kind, parse } from "graphql";
import { PUBLIC_LICENSE_FIELDS } from "./license-api.resolver.ts";

const ALLOWED = new Set<string>([...PUBLIC_LICENSE_FIELDS, "__typename"]);

/**
 * True when a GraphQL body asks only for the public license fields, so a caller without an API
 * key may run it. Fragments at the root, other fields or an unparsable query: false (→ 401).
 */
export function isPublicLicenseOperation(body: unknown): boolean {
  if (!body || typeof body !== "object") return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== "string" || query.length > 10_000) return false;
  let document;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const chosen = typeof operationName === "string" ? operations.filter((operation) => operation.name?.value === operationName) : operations;
  if (chosen.length !== 1 || chosen[0].operation === "subscription") return false;
  return chosen[0].selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && ALLOWED.has(selection.name.value));
}
