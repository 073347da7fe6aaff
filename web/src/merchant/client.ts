import { ApolloClient, type FieldPolicy, HttpLink, InMemoryCache, from } from '@apollo/client/core'
import { onError } from '@apollo/client/link/error'
import { isUnauthenticated } from '~/utils/errors.util'

/** The id under which layouts provide this client (`useQuery(…, { clientId: MERCHANT_CLIENT })`). */
export const MERCHANT_CLIENT = 'merchant'

let businessId: string | null = null
let onSignedOut: () => void = () => {}

/** The business whose endpoint the dashboard talks to; set by the merchant layout once the session is known. */
export function setMerchantBusiness(id: string | null): void {
  businessId = id
}

/** Called when the business endpoint answers that the dashboard session is gone. */
export function setMerchantSignedOutHandler(handler: () => void): void {
  onSignedOut = handler
}

interface Connection {
  nodes: unknown[]
}

/** A `{ nodes pageInfo totalCount }` list that "Load more" extends: a page with `after` appends, a first page replaces. */
function connection(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] }
    },
  }
}

const errorLink = onError(({ graphQLErrors, networkError }) => {
  if (isUnauthenticated({ graphQLErrors, networkError })) queueMicrotask(() => onSignedOut())
})

// Dashboard sessions ride on the session cookie: the gateway signs the merchant's identity for its own business.
const httpLink = new HttpLink({
  uri: () => `/business/${encodeURIComponent(businessId ?? '_')}/graphql`,
  credentials: 'include',
})

export const merchantClient = new ApolloClient({
  devtools: { enabled: import.meta.env.DEV },
  link: from([errorLink, httpLink]),
  cache: new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          customers: connection(['search']),
          subscriptions: connection(['customerId', 'status']),
          invoices: connection(['customerId']),
          licenseKeys: connection(['customerId', 'search', 'status']),
          webhookDeliveries: connection(['endpointId']),
        },
      },
      ApiKeyInfo: { keyFields: ['id'] },
    },
  }),
  defaultOptions: {
    watchQuery: { errorPolicy: 'all', fetchPolicy: 'cache-and-network' },
    query: { errorPolicy: 'all' },
    mutate: { errorPolicy: 'none' },
  },
})
