import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { type MaybeRefOrGetter, ref, shallowRef, toValue, watch } from 'vue'
import { fetchGraphQL, type GraphQLFetchError } from '~/modules/fetch-graphql'

/**
 * A query of a sign-in page, without Apollo: runs at once and again when the variables change.
 * Like Apollo's `errorPolicy: 'all'`, data the server sent along with errors is kept.
 */
export function useFetchQuery<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: MaybeRefOrGetter<TVariables>) {
  const result = shallowRef<TResult | null>(null)
  const error = shallowRef<GraphQLFetchError<TResult> | null>(null)
  const loading = ref(false)
  let latest = 0

  async function refetch(): Promise<void> {
    const request = ++latest
    loading.value = true
    error.value = null
    try {
      const data = await fetchGraphQL(document, toValue(variables))
      if (request === latest) result.value = data
    } catch (failure) {
      if (request !== latest) return
      const fetchError = failure as GraphQLFetchError<TResult>
      if (fetchError.data) result.value = fetchError.data
      error.value = fetchError
    } finally {
      if (request === latest) loading.value = false
    }
  }

  watch(() => JSON.stringify(toValue(variables)), () => void refetch(), { immediate: true })
  return { result, loading, error, refetch }
}
