import { createApp } from 'vue'
import App from './App.vue'
import { i18n, initialLocale, setLocale } from './modules/i18n'
import { provideApolloOnDemand } from './modules/lazy-apollo'
import { router } from './modules/router'
import './styles/main.css'

async function start() {
  await setLocale(initialLocale(window.location.search))
  const app = createApp(App).use(i18n)
  provideApolloOnDemand(app, router)
  app.use(router).mount('#app')
}

void start()
