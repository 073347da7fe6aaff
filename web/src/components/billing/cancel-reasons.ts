import type { CancelReason } from '~/gql/graphql'

/** The reasons offered when cancelling, in the order shown (labels under `money.cancel.reasons`). */
export const CANCEL_REASONS: readonly CancelReason[] = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'low_quality',
  'too_complex',
  'other',
]

export const MAX_CANCEL_COMMENT = 500
