import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { parse } from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeError, isUnauthenticated } from '~/utils/errors.util'
import { fetchGraphQL, GraphQLFetchError } from './fetch-graphql'

const Preview = parse('query Preview($token: String!) { loginLinkPreview(token: $token) { status } }') as TypedDocumentNode<
  { loginLinkPreview: { status: string } | null },
  { token: string }
>

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function failure(promise: Promise<unknown>): Promise<GraphQLFetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(GraphQLFetchError)
  return error as GraphQLFetchError
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchGraphQL', () => {
  it('posts the printed operation with its name and variables, with the session cookie, and resolves with data', async () => {
    const fetch = answer(200, { data: { loginLinkPreview: { status: 'valid' } } })

    await expect(fetchGraphQL(Preview, { token: 'tok' })).resolves.toEqual({ loginLinkPreview: { status: 'valid' } })

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    const body = JSON.parse(String(init.body))
    expect(url).toBe('/graphql')
    expect(init).toMatchObject({ method: 'POST', credentials: 'include' })
    expect(body).toMatchObject({ operationName: 'Preview', variables: { token: 'tok' } })
    expect(body.query).toContain('loginLinkPreview(token: $token)')
  })

  it('rejects with the GraphQL errors, keeping the data sent along, so codes and refusal reasons read as with Apollo', async () => {
    answer(200, { data: { loginLinkPreview: null }, errors: [{ message: 'That link has expired.', extensions: { code: 'BAD_USER_INPUT', reason: 'expired' } }] })

    const error = await failure(fetchGraphQL(Preview, { token: 'tok' }))

    expect(error.graphQLErrors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'expired' })
    expect(error.data).toEqual({ loginLinkPreview: null })
    expect(describeError(error)).toEqual({ kind: 'BAD_USER_INPUT', detail: 'That link has expired.' })
  })

  it('reports a non-2xx answer by its status, as Apollo does (401 counts as a lost session, 429 as rate limited)', async () => {
    answer(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] })
    const unauthenticated = await failure(fetchGraphQL(Preview, { token: 'tok' }))
    answer(429, 'Too Many Requests')
    const limited = await failure(fetchGraphQL(Preview, { token: 'tok' }))

    expect(unauthenticated.networkError?.statusCode).toBe(401)
    expect(isUnauthenticated(unauthenticated)).toBe(true)
    expect(describeError(limited)).toEqual({ kind: 'RATE_LIMITED' })
  })

  it('reports an unreachable server or an answer that is not JSON as a network problem', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const offline = await failure(fetchGraphQL(Preview, { token: 'tok' }))
    answer(200, '<html>proxy error</html>')
    const garbled = await failure(fetchGraphQL(Preview, { token: 'tok' }))

    expect(describeError(offline)).toEqual({ kind: 'NETWORK' })
    expect(describeError(garbled)).toEqual({ kind: 'NETWORK' })
  })
})
