import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useDebounced } from './useDebounced'

/**
 * A list's search box kept in the address (?q=, plus any `filters`), so Back returns to the same
 * list. `term` is the trimmed search once typing pauses.
 */
export function useAddressSearch(filters: () => Record<string, string | undefined> = () => ({})) {
  const route = useRoute()
  const router = useRouter()
  const search = ref(typeof route.query.q === 'string' ? route.query.q : '')
  const debounced = useDebounced(search, 300)
  const term = computed(() => debounced.value.trim())
  watch([term, filters], ([q, extra]) => void router.replace({ query: { ...route.query, q: q || undefined, ...extra } }))
  return { search, term }
}
