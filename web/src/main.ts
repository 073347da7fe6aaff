import { DefaultApolloClient } from '@vue/apollo-composable'
import { createApp } from 'vue'
import App from './App.vue'
import { apolloClient, setUnauthenticatedHandler } from './modules/apollo'
import { i18n, initialLocale, setLocale } from './modules/i18n'
import { router } from './modules/router'
import { lastViewer, loginLocation } from './modules/session'
import { graphql } from './gql'
import './styles/main.css'

const SessionViewer = graphql(/* GraphQL */ `
  fragment SessionViewer on Viewer {
    email
    mode
  }
`)

const PUBLIC_ROUTES = new Set(['login', 'business-login', 'test-business-login', 'merchant-login', 'auth', 'not-found'])

setUnauthenticatedHandler(async () => {
  const current = router.currentRoute.value
  if (PUBLIC_ROUTES.has(String(current.name))) return
  const cached = apolloClient.cache.readFragment({ id: 'Viewer:{}', fragment: SessionViewer }) ?? lastViewer()
  await router.replace(loginLocation(current.path, cached?.email, cached?.mode))
  await apolloClient.clearStore()
})

async function start() {
  await setLocale(initialLocale(window.location.search))
  createApp(App).use(i18n).use(router).provide(DefaultApolloClient, apolloClient).mount('#app')
}

void start()
