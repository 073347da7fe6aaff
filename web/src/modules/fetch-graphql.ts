import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import type { OperationDefinitionNode } from 'graphql'
import { print } from 'graphql/language/printer'
import type { ErrorLike } from '~/utils/errors.util'

interface GraphQLErrorLike {
  message: string
  extensions?: Record<string, unknown> | null
}

/** What a non-2xx answer or an unreachable server becomes, as Apollo reports them (`statusCode` for `describeError`). */
export interface FetchNetworkError {
  message: string
  statusCode?: number
}

/**
 * A failed GraphQL request, shaped like Apollo's errors so `describeError`, `ErrorNotice` and the
 * refusal checks read both alike. `data` keeps what the server did answer next to its errors.
 */
export class GraphQLFetchError<TResult = unknown> extends Error implements ErrorLike {
  constructor(
    readonly graphQLErrors: readonly GraphQLErrorLike[],
    readonly networkError: FetchNetworkError | null,
    readonly data: TResult | null = null,
  ) {
    super(graphQLErrors[0]?.message ?? networkError?.message ?? 'GraphQL request failed')
    this.name = 'GraphQLFetchError'
  }
}

const printed = new WeakMap<object, string>()

function operationName(document: TypedDocumentNode<unknown, never>): string | undefined {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
  return operation?.name?.value
}

/**
 * One GraphQL request to the gateway with the session cookie, for the sign-in pages, which do not
 * load Apollo Client. Resolves with `data`; rejects with a `GraphQLFetchError` (and nothing else)
 * when the answer has errors (carrying any partial data), is not a 2xx or never comes.
 */
export async function fetchGraphQL<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  let query = printed.get(document)
  if (!query) printed.set(document, (query = print(document)))
  let response: Response
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ operationName: operationName(document as TypedDocumentNode<unknown, never>), query, variables }),
    })
  } catch (error) {
    throw new GraphQLFetchError([], { message: error instanceof Error ? error.message : 'Failed to fetch' })
  }
  if (!response.ok) throw new GraphQLFetchError([], { message: `Response not successful: Received status code ${response.status}`, statusCode: response.status })
  let body: { data?: TResult | null; errors?: GraphQLErrorLike[] }
  try {
    body = (await response.json()) as typeof body
  } catch {
    throw new GraphQLFetchError([], { message: 'The server answered with something other than JSON.', statusCode: response.status })
  }
  if (body.errors?.length) throw new GraphQLFetchError(body.errors, null, body.data ?? null)
  if (!body.data) throw new GraphQLFetchError([], { message: 'The server answered without data.', statusCode: response.status })
  return body.data
}
