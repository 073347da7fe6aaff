import { computed, reactive, type Ref, ref } from 'vue'
import type { ErrorLike } from '~/utils/errors.util'

interface ListQuery {
  loading: Readonly<Ref<boolean>>
  error: Readonly<Ref<ErrorLike | null | undefined>>
  refetch: () => unknown
}

interface PagedQuery extends ListQuery {
  fetchMore: (options: { variables: { after: string } }) => Promise<unknown> | undefined
}

interface Connection {
  nodes: readonly unknown[]
  pageInfo: { endCursor: string | null; hasNextPage: boolean }
}

/** A queried list's state for QueryStates: `items` is null until the first answer. */
export function useQueryList(query: ListQuery, items: () => readonly unknown[] | null) {
  return reactive({
    loading: query.loading,
    error: query.error,
    loaded: computed(() => items() !== null),
    empty: computed(() => items()?.length === 0),
    retry: () => void query.refetch(),
  })
}

/** The same for a cursor connection, with "Load more" (the page after the last one, once at a time). */
export function usePagedList(query: PagedQuery, connection: () => Connection | null) {
  const loadingMore = ref(false)

  async function loadMore() {
    const after = connection()?.pageInfo.endCursor
    if (!after || loadingMore.value) return
    loadingMore.value = true
    try {
      await query.fetchMore({ variables: { after } })
    } finally {
      loadingMore.value = false
    }
  }

  const list = useQueryList(query, () => connection()?.nodes ?? null)
  return Object.assign(list, reactive({ hasMore: computed(() => !!connection()?.pageInfo.hasNextPage), loadingMore, loadMore }))
}
