import { type MaybeRefOrGetter, toValue, watchEffect } from 'vue'

/** Keeps `document.title` in step with the page, e.g. "Subscriptions · Acme · Billfold". */
export function usePageTitle(...parts: MaybeRefOrGetter<string | null | undefined>[]) {
  watchEffect(() => {
    document.title = [...parts.map((p) => toValue(p)), 'Billfold'].filter(Boolean).join(' · ')
  })
}
