import { createSession } from "@billfold/accounts";
import type { Mode } from "@billfold/shared";
import type { BillfoldSystem } from "./system.ts";

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** POSTs one GraphQL operation and returns the HTTP status with the parsed body. */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const text = await response.text();
  let body: { data?: T; errors?: GraphQLResponse["errors"] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, ...body };
}

/** A session for `email`, written straight to the accounts database (as the login flow would). */
export async function sessionCookie(system: BillfoldSystem, email: string, mode: Mode = "test"): Promise<string> {
  const { token } = await createSession(system.accountsOrm.em.fork(), { email, mode });
  return `bf_session=${token}`;
}
