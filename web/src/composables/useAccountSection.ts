import type { ApolloError } from '@apollo/client/core'
import { computed, type Ref } from 'vue'
import { failedBusinessIds } from '~/utils/errors.util'
import { pickAccount } from './useBusinessContext'

type AccountsResult<A> = { viewer?: { accounts: readonly (A | null)[] } | null } | undefined

/** The current business's account from a section query, and whether that business's shard failed. */
export function useAccountSection<A extends { businessId: string }>(
  result: Ref<AccountsResult<A>>,
  error: Ref<ApolloError | null | undefined>,
  businessId: Ref<string>,
) {
  const account = computed(() => pickAccount(result.value?.viewer?.accounts, businessId.value))
  const shardDown = computed(() => failedBusinessIds(error.value).includes(businessId.value))
  // Failures of other businesses' shards do not concern this portal.
  const otherError = computed(() => (error.value && failedBusinessIds(error.value).length === 0 ? error.value : null))
  return { account, shardDown, otherError }
}
