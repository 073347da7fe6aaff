import type { App } from 'vue'
import type { RouteLocationNormalized, Router } from 'vue-router'

type ApolloModule = typeof import('./apollo-client')
let loading: Promise<ApolloModule> | null = null

/** Apollo Client and its signed-in plumbing, loaded once, on the way to the first page that needs them. */
export function loadApollo(): Promise<ApolloModule> {
  loading ??= import('./apollo-client').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}

const needsApollo = (to: RouteLocationNormalized) => !to.meta.public

/** Sign-in pages (`meta.public`) run on plain fetch; every other page renders once Apollo is provided. */
export function provideApolloOnDemand(app: App, router: Router): void {
  // Started before the page's own chunks are resolved, so both load side by side.
  router.beforeEach((to) => {
    if (needsApollo(to)) loadApollo().catch(() => {})
  })
  router.beforeResolve(async (to) => {
    if (needsApollo(to)) (await loadApollo()).installApollo(app, router)
  })
}
