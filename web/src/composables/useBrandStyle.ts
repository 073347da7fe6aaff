import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { brandTheme } from '~/utils/brand.util'

/** CSS custom properties (`--brand`, `--brand-contrast`, `--brand-ink`) for a business's primary colour. */
export function useBrandStyle(primaryColor: MaybeRefOrGetter<string | null | undefined>) {
  return computed(() => {
    const theme = brandTheme(toValue(primaryColor))
    return { '--brand': theme.brand, '--brand-contrast': theme.brandContrast, '--brand-ink': theme.brandInk }
  })
}
