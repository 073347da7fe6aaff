import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError, type ErrorLike } from '~/utils/errors.util'

/** A translated, person-friendly message for an Apollo error, or null when there is none. */
export function useErrorMessage(error: MaybeRefOrGetter<ErrorLike | null | undefined>) {
  const { t } = useI18n()
  return computed(() => {
    const value = toValue(error)
    if (!value) return null
    const { kind, detail } = describeError(value)
    return t(`errors.${kind}`, { detail: detail ?? '' })
  })
}
