import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client/core'
import { onError } from '@apollo/client/link/error'
import { isUnauthenticated } from '~/utils/errors.util'

type UnauthenticatedHandler = () => void
let onUnauthenticated: UnauthenticatedHandler = () => {}

/** Called (once per burst of failing requests) when the session is missing or has expired. */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler
}

let pending = false
const errorLink = onError(({ graphQLErrors, networkError }) => {
  if (pending || !isUnauthenticated({ graphQLErrors, networkError })) return
  pending = true
  queueMicrotask(() => {
    pending = false
    onUnauthenticated()
  })
})

const httpLink = new HttpLink({ uri: '/graphql', credentials: 'include' })

export const apolloClient = new ApolloClient({
  devtools: { enabled: import.meta.env.DEV },
  link: from([errorLink, httpLink]),
  cache: new InMemoryCache({
    typePolicies: {
      // The signed-in person is a singleton; accounts are one per business and customer.
      Viewer: { keyFields: [] },
      CustomerAccount: { keyFields: ['businessId', 'customerId'] },
      Brand: { merge: true },
    },
  }),
  defaultOptions: {
    watchQuery: { errorPolicy: 'all', fetchPolicy: 'cache-and-network' },
    query: { errorPolicy: 'all' },
    mutate: { errorPolicy: 'none' },
  },
})
