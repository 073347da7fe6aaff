import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { INTL_LOCALE, isLocale } from '~/modules/i18n'
import { formatMoney } from '~/utils/money.util'

type Interval = 'day' | 'week' | 'month' | 'year'

/** Locale-aware money, dates and prices per interval for the current interface language. */
export function useFormat() {
  const { locale, t } = useI18n()
  const intl = computed(() => (isLocale(locale.value) ? INTL_LOCALE[locale.value] : 'en-US'))

  const dateFormat = computed(() => new Intl.DateTimeFormat(intl.value, { dateStyle: 'medium', timeZone: 'UTC' }))
  const monthYearFormat = computed(() => new Intl.DateTimeFormat(intl.value, { month: '2-digit', year: 'numeric', timeZone: 'UTC' }))
  const localFormat = computed(() => new Intl.DateTimeFormat(intl.value, { dateStyle: 'full', timeStyle: 'short' }))
  const numberFormat = computed(() => new Intl.NumberFormat(intl.value))

  const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(Date.parse(iso))

  return {
    intl,
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, intl.value),
    number: (n: number) => numberFormat.value.format(n),
    /** Calendar date in UTC, the date printed on invoices. */
    date: (iso: string | null | undefined) => (valid(iso) ? dateFormat.value.format(new Date(iso)) : ''),
    /** The same moment in the person's own time zone, for a tooltip. */
    localDateTime: (iso: string | null | undefined) => (valid(iso) ? localFormat.value.format(new Date(iso)) : ''),
    cardExpiry: (month: number, year: number) => monthYearFormat.value.format(new Date(Date.UTC(year, month - 1, 1))),
    pricePerInterval: (amountMinor: number, currency: string, interval: Interval, count = 1) =>
      t(`interval.${interval}`, { amount: formatMoney(amountMinor, currency, intl.value), count }, count),
  }
}
