import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client/core'
import { onError } from '@apollo/client/link/error'
import { DefaultApolloClient } from '@vue/apollo-composable'
import type { App } from 'vue'
import type { Router } from 'vue-router'
import { graphql } from '~/gql'
import { isUnauthenticated } from '~/utils/errors.util'
import { lastViewer, loginLocation } from './session'

const SessionViewer = graphql(/* GraphQL */ `
  fragment SessionViewer on Viewer {
    email
    mode
  }
`)

let onUnauthenticated: () => void = () => {}

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

let installed = false

/**
 * Provides the client to every page, and (once per burst of failing requests) sends a person
 * whose session is missing or has expired to the login page that fits where they were.
 */
export function installApollo(app: App, router: Router): void {
  if (installed) return
  installed = true
  app.provide(DefaultApolloClient, apolloClient)
  onUnauthenticated = async () => {
    const current = router.currentRoute.value
    if (current.meta.public) return
    const cached = apolloClient.cache.readFragment({ id: 'Viewer:{}', fragment: SessionViewer }) ?? lastViewer()
    await router.replace(loginLocation(current.path, cached?.email, cached?.mode))
    await apolloClient.clearStore()
  }
}
