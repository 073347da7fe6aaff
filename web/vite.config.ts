import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type ProxyOptions } from 'vite'

const api = 'http://127.0.0.1:4000'
const proxied = ['/graphql', '/auth', '/dev', '/business', '/processor', '/licenses']

// `/auth/:token` is also an SPA page: page navigations stay with Vite, API calls go to the gateway.
const keepPageNavigations: ProxyOptions['bypass'] = (req) =>
  req.headers.accept?.includes('text/html') && req.url?.startsWith('/auth/') ? '/index.html' : undefined

export default defineConfig(({ mode }) => ({
  plugins: [vue()],
  resolve: {
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // Apollo strips its development checks and messages when this is false.
    'globalThis.__DEV__': JSON.stringify(mode !== 'production'),
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      proxied.map((path) => [path, { target: api, bypass: path === '/auth' ? keepPageNavigations : undefined }]),
    ),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries of the Playground mark modules "use client": meaningless in an SPA bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return
        warn(warning)
      },
      output: {
        codeSplitting: {
          // Framework code changes rarely: keep it apart from app code so it stays cached across deploys.
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue[\\/](runtime|reactivity|shared)|vue|vue-router|vue-i18n|@intlify)/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|@wry|@vue[\\/]apollo-composable|graphql[\\/]|optimism|zen-observable|ts-invariant|tslib|throttle-debounce)/, priority: 20 },
          ],
        },
      },
    },
  },
}))
