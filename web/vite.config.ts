import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type ProxyOptions } from 'vite'
import { compressAssets } from './build/compress-assets.ts'
import { inlineGraphQLDocuments } from './build/inline-graphql-documents.ts'
import { pagePreloads } from './build/page-preloads.ts'
import { precompileMessages } from './build/precompile-messages.ts'

const api = 'http://127.0.0.1:4000'
const proxied = ['/graphql', '/auth', '/dev', '/business', '/processor', '/licenses']

// `/auth/:token` is also an SPA page: page navigations stay with Vite, API calls go to the gateway.
const keepPageNavigations: ProxyOptions['bypass'] = (req) =>
  req.headers.accept?.includes('text/html') && req.url?.startsWith('/auth/') ? '/index.html' : undefined

const root = fileURLToPath(new URL('.', import.meta.url))

/** The generated folder whose documents a source file's `graphql()` calls use (as codegen.ts splits them). */
function documentsFolderOf(file: string): string | null {
  if (!file.startsWith(`${root}src/`) || file.startsWith(`${root}src/gql`)) return null
  return file.endsWith('.merchant.ts') ? 'src/gql-merchant' : 'src/gql'
}

export default defineConfig(({ command, mode }) => ({
  plugins: [
    vue(),
    inlineGraphQLDocuments({ root, folders: ['src/gql', 'src/gql-merchant'], folderOf: documentsFolderOf }),
    precompileMessages({ include: (file) => file.startsWith(`${root}src/locales/`) && file.endsWith('.ts') }),
    // Sign-in links land on /auth/:token: its page downloads with the entry (see gateway/src/http/web-app.ts).
    pagePreloads({ pages: { '/auth/': 'src/pages/AuthTokenPage.vue' } }),
    compressAssets(),
  ],
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
    // Builds precompile the locale messages (build/precompile-messages.ts); only the dev server compiles them in the browser.
    __INTLIFY_DROP_MESSAGE_COMPILER__: JSON.stringify(command === 'build'),
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
            // Sign-in pages print their documents without loading Apollo (the group takes the printer's own imports along).
            { name: 'graphql-printer', test: /node_modules[\\/]graphql[\\/]language[\\/]printer/, priority: 25 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|@wry|@vue[\\/]apollo-composable|graphql[\\/]|optimism|zen-observable|ts-invariant|tslib|throttle-debounce)/, priority: 20 },
          ],
        },
      },
    },
  },
}))
