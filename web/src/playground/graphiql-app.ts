// The React island of the Playground: GraphiQL with its Monaco editors. Only the /playground route
// loads this module, so React, GraphiQL and Monaco stay out of every other chunk.
import 'graphiql/setup-workers/vite'
// The parts of `graphiql/style.css` a bundler needs: that file also carries Monaco's CSS (which
// Monaco imports itself) and Roboto as inline fonts, ~270 kB gzip more. Fira Code stays: the
// editors measure text in it.
import '@graphiql/react/style.css'
import '@graphiql/react/font/fira-code.css'
import '@graphiql/plugin-doc-explorer/style.css'
import '@graphiql/plugin-history/style.css'
import 'graphiql/graphiql.css'
import './graphiql-overrides.css'
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react'
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit'
import { GraphiQL } from 'graphiql'
import { createElement, useEffect, useRef } from 'react'
import { createRoot } from 'react-dom/client'
import type { PlaygroundExample } from './examples.ts'

export interface PlaygroundOptions {
  endpoint: string
  /** The tabs of a first visit; later visits restore the tabs saved in localStorage. */
  examples: readonly PlaygroundExample[]
}

export interface PlaygroundHandle {
  /** Sends later operations (and the introspection for the docs) to another endpoint. */
  setEndpoint(endpoint: string): void
  /** Switches to the tab holding this example, opening a new tab for it when none does. */
  openExample(example: PlaygroundExample): void
  unmount(): void
}

interface ExampleRequest {
  example: PlaygroundExample
  seq: number
}

function fetcherFor(endpoint: string): Fetcher {
  return createGraphiQLFetcher({
    url: endpoint,
    // The signed-in person's session cookie; merchant keys travel in the Headers editor.
    fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
  })
}

/** Renders nothing: runs example requests from the Vue header bar against GraphiQL's store. */
function ExampleLoader({ request }: { request: ExampleRequest | null }) {
  const { addTab, changeTab } = useGraphiQLActions()
  const tabs = useGraphiQL((state) => state.tabs)
  const queryEditor = useGraphiQL((state) => state.queryEditor)
  const variableEditor = useGraphiQL((state) => state.variableEditor)
  const headerEditor = useGraphiQL((state) => state.headerEditor)
  const handled = useRef(0)

  useEffect(() => {
    if (!request || request.seq === handled.current || !queryEditor || !variableEditor || !headerEditor) return
    handled.current = request.seq
    const { example } = request
    const index = tabs.findIndex((tab) => tab.query?.trim() === example.query.trim())
    if (index >= 0) {
      changeTab(index)
      // Headers are not persisted (they may hold a secret key): give the example's back after a reload.
      if (example.headers && !tabs[index]?.headers?.trim()) headerEditor.setValue(example.headers)
      return
    }
    addTab()
    queryEditor.setValue(example.query)
    variableEditor.setValue(example.variables ?? '')
    headerEditor.setValue(example.headers ?? '')
  }, [request, tabs, queryEditor, variableEditor, headerEditor, addTab, changeTab])

  return null
}

export function mountPlayground(container: HTMLElement, options: PlaygroundOptions): PlaygroundHandle {
  const root = createRoot(container)
  const defaultTabs = options.examples.map((example) => ({
    query: example.query,
    variables: example.variables ?? null,
    headers: example.headers ?? null,
  }))
  let fetcher = fetcherFor(options.endpoint)
  let request: ExampleRequest | null = null
  let seq = 0

  function render() {
    root.render(
      createElement(
        GraphiQL,
        { fetcher, defaultTabs, defaultTheme: 'light', shouldPersistHeaders: false },
        createElement(ExampleLoader, { request }),
      ),
    )
  }

  render()
  return {
    setEndpoint(endpoint) {
      fetcher = fetcherFor(endpoint)
      render()
    },
    openExample(example) {
      request = { example, seq: ++seq }
      render()
    },
    unmount() {
      root.unmount()
    },
  }
}
