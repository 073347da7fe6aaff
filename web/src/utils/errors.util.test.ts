import { describe, expect, it } from 'vitest'
import { describeError, failedBusinessIds, isUnauthenticated } from './errors.util'

const gql = (code: string | undefined, message = 'raw server text', extra: Record<string, unknown> = {}) => ({
  graphQLErrors: [{ message, extensions: code ? { code, ...extra } : extra }],
})

describe('describeError', () => {
  it('keeps the message of BAD_USER_INPUT and PAYMENT_FAILED', () => {
    expect(describeError(gql('BAD_USER_INPUT', 'Phone must start with +'))).toEqual({ kind: 'BAD_USER_INPUT', detail: 'Phone must start with +' })
    expect(describeError(gql('PAYMENT_FAILED', 'Card declined'))).toEqual({ kind: 'PAYMENT_FAILED', detail: 'Card declined' })
  })

  it('hides the raw text of every other code', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']) {
      expect(describeError(gql(code))).toEqual({ kind: code })
    }
  })

  it('treats unknown codes and missing codes as internal errors', () => {
    expect(describeError(gql('SOMETHING_ELSE'))).toEqual({ kind: 'INTERNAL_SERVER_ERROR' })
    expect(describeError(gql(undefined))).toEqual({ kind: 'INTERNAL_SERVER_ERROR' })
  })

  it('prefers an actionable code over an internal one', () => {
    const error = { graphQLErrors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, { message: 'y', extensions: { code: 'RATE_LIMITED' } }] }
    expect(describeError(error)).toEqual({ kind: 'RATE_LIMITED' })
  })

  it('reports a network failure, using the HTTP status when there is one', () => {
    expect(describeError({ networkError: new TypeError('Failed to fetch') })).toEqual({ kind: 'NETWORK' })
    expect(describeError({ networkError: { statusCode: 429 } })).toEqual({ kind: 'RATE_LIMITED' })
    expect(describeError({ networkError: { statusCode: 502 } })).toEqual({ kind: 'INTERNAL_SERVER_ERROR' })
  })
})

describe('isUnauthenticated', () => {
  it('recognises the code and an HTTP 401', () => {
    expect(isUnauthenticated(gql('UNAUTHENTICATED'))).toBe(true)
    expect(isUnauthenticated({ networkError: { statusCode: 401 } })).toBe(true)
    expect(isUnauthenticated(gql('FORBIDDEN'))).toBe(false)
  })
})

describe('failedBusinessIds', () => {
  it('collects each failed business once', () => {
    const error = {
      graphQLErrors: [
        { message: 'a', extensions: { code: 'INTERNAL_SERVER_ERROR', businessId: 'biz_1' } },
        { message: 'b', extensions: { code: 'INTERNAL_SERVER_ERROR', businessId: 'biz_1' } },
        { message: 'c', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ],
    }
    expect(failedBusinessIds(error)).toEqual(['biz_1'])
  })
})
