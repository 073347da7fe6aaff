import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { parse } from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useFetchMutation } from './useFetchMutation'

const Rename = parse('mutation Rename($id: ID!) { rename(id: $id) { id name } }') as TypedDocumentNode<{ rename: { id: string; name: string } }, { id: string }>

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('useFetchMutation', () => {
  it('resolves with the data, or sets the error and rethrows it, with loading around each call', async () => {
    let answer: unknown = { data: { rename: { id: 'b1', name: 'Acme' } } }
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(answer), { status: 200 })))
    const mutation = useFetchMutation(Rename)

    const pending = mutation.mutate({ id: 'b1' })
    expect(mutation.loading.value).toBe(true)
    await expect(pending).resolves.toEqual({ rename: { id: 'b1', name: 'Acme' } })
    answer = { errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED' } }] }
    const thrown = await mutation.mutate({ id: 'b1' }).catch((error: unknown) => error)

    expect(thrown).toBe(mutation.error.value)
    expect(mutation.error.value?.graphQLErrors[0].extensions?.code).toBe('RATE_LIMITED')
    expect(mutation.loading.value).toBe(false)
  })
})
