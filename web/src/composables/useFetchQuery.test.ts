import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { parse } from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useFetchQuery } from './useFetchQuery'

const Business = parse('query Business($id: ID!) { business(id: $id) { id name } }') as TypedDocumentNode<{ business: { id: string; name: string } | null }, { id: string }>

/** Answers each request from `reply(variables)`, after `delay(variables)` ms. */
function server(reply: (variables: { id: string }) => unknown, delay: (variables: { id: string }) => number = () => 0) {
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const { variables } = JSON.parse(String(init.body)) as { variables: { id: string } }
    await new Promise((resolve) => setTimeout(resolve, delay(variables)))
    return new Response(JSON.stringify(reply(variables)), { status: 200 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useFetchQuery', () => {
  it('loads at once and again when the variables change, keeping only the answer for the latest ones', async () => {
    server(({ id }) => ({ data: { business: { id, name: `Name of ${id}` } } }), ({ id }) => (id === 'slow' ? 20 : 0))
    const id = ref('slow')
    const query = effectScope().run(() => useFetchQuery(Business, () => ({ id: id.value })))!

    expect(query.loading.value).toBe(true)
    id.value = 'fast'
    await nextTick()
    await settle()

    expect(query.result.value).toEqual({ business: { id: 'fast', name: 'Name of fast' } })
    expect(query.loading.value).toBe(false)
  })

  it('keeps the data sent along with errors, and the last data when a refetch fails outright', async () => {
    let answer: unknown = { data: { business: null }, errors: [{ message: 'gone', extensions: { code: 'NOT_FOUND' } }] }
    server(() => answer)
    const query = effectScope().run(() => useFetchQuery(Business, { id: 'b1' }))!
    await settle()

    expect(query.result.value).toEqual({ business: null })
    expect(query.error.value?.graphQLErrors[0].extensions?.code).toBe('NOT_FOUND')

    answer = { data: { business: { id: 'b1', name: 'Back' } } }
    await query.refetch()
    expect(query.error.value).toBeNull()
    answer = { errors: [{ message: 'down', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }
    await query.refetch()

    expect(query.result.value).toEqual({ business: { id: 'b1', name: 'Back' } })
    expect(query.error.value?.graphQLErrors[0].message).toBe('down')
  })
})
