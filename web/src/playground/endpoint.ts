export const DEFAULT_ENDPOINT = '/graphql'

// Only this origin's own GraphQL endpoints: the customer API and a business's merchant API.
// Anything else could carry the session cookie or a pasted key somewhere it should not go.
const ENDPOINT = /^\/(?:graphql|business\/[A-Za-z0-9_-]{1,64}\/graphql)$/

/** The endpoint path when `value` is one the Playground may call, else null. */
export function parseEndpoint(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return ENDPOINT.test(trimmed) ? trimmed : null
}

/** The business id of a merchant endpoint (`/business/{id}/graphql`), null for the customer API. */
export function merchantBusinessId(endpoint: string): string | null {
  return /^\/business\/([^/]+)\/graphql$/.exec(endpoint)?.[1] ?? null
}
