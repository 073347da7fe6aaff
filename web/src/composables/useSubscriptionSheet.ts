import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import { useApolloClient, useQuery } from '@vue/apollo-composable'
import { computed, reactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { KNOWN_DECLINES, type MoneyError } from '~/components/billing/money-errors'
import { pickAccount } from '~/composables/useBusinessContext'
import { useErrorMessage } from '~/composables/useErrorMessage'
import { useToast } from '~/composables/useToast'

export interface SubscriptionSheetProps {
  businessId: string
  subscriptionId: string
  open: boolean
}

interface SheetQuery {
  viewer: { accounts: ReadonlyArray<{ businessId: string; subscriptions: ReadonlyArray<{ id: string }> | null }> } | null
}
type AccountOf<Q extends SheetQuery> = NonNullable<Q['viewer']>['accounts'][number]
type SubscriptionOf<Q extends SheetQuery> = NonNullable<AccountOf<Q>['subscriptions']>[number]

/**
 * What every sheet acting on one subscription shares: its own query of the viewer's accounts (run
 * while the sheet is open), the business's account and the subscription in it, the load error,
 * a reset on each opening, and the ending (refresh what is on screen, say what happened, close).
 */
export function useSubscriptionSheet<Q extends SheetQuery>(
  props: SubscriptionSheetProps,
  emit: (event: 'close') => void,
  document: TypedDocumentNode<Q, Record<string, never>>,
  options: { fetchPolicy?: 'network-only' } = {},
) {
  const { t } = useI18n()
  const toast = useToast()
  const { resolveClient } = useApolloClient()

  const { result, loading, error, refetch } = useQuery(document, {}, () => ({ enabled: props.open, ...options }))
  const account = computed(() => pickAccount<AccountOf<Q>>(result.value?.viewer?.accounts as AccountOf<Q>[] | undefined, props.businessId))
  const subscription = computed(
    () => (account.value?.subscriptions?.find((s) => s.id === props.subscriptionId) as SubscriptionOf<Q> | undefined) ?? null,
  )
  const loadMessage = useErrorMessage(() => (account.value ? null : error.value))
  const pending = computed(() => loading.value && !account.value)

  /** Runs `reset` each time the sheet opens. */
  function onOpen(reset: () => void) {
    watch(
      () => props.open,
      (open) => {
        if (open) reset()
      },
    )
  }

  /** Every query on screen is refetched: the change shows on the page behind the sheet. */
  function refreshPage() {
    void resolveClient().refetchQueries({ include: 'active' })
  }

  function finish(message: string) {
    toast.show(message)
    emit('close')
  }

  /** A declined payment's own sentence, else the server's message; any other failure: `fallback`. */
  function failureText(problem: MoneyError | null, fallback: string | null) {
    if (problem?.code === 'PAYMENT_FAILED') {
      return problem.declineCode && KNOWN_DECLINES.has(problem.declineCode) ? t(`money.decline.${problem.declineCode}`) : problem.message
    }
    return fallback ?? t('errors.INTERNAL_SERVER_ERROR')
  }

  /** What SubscriptionSheet shows around the sheet's own content. */
  const sheet = reactive({ open: computed(() => props.open), pending, loadMessage, subscription })

  return { t, sheet, account, subscription, refetch, onOpen, refreshPage, finish, failureText }
}
