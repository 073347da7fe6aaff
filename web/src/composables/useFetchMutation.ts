import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { ref, shallowRef } from 'vue'
import { fetchGraphQL, type GraphQLFetchError } from '~/modules/fetch-graphql'

/** A mutation of a sign-in page, without Apollo: `mutate` resolves with the data, or sets `error` and rethrows. */
export function useFetchMutation<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>) {
  const loading = ref(false)
  const error = shallowRef<GraphQLFetchError | null>(null)

  async function mutate(variables: TVariables): Promise<TResult> {
    loading.value = true
    error.value = null
    try {
      return await fetchGraphQL(document, variables)
    } catch (failure) {
      error.value = failure as GraphQLFetchError
      throw failure
    } finally {
      loading.value = false
    }
  }

  return { mutate, loading, error }
}
