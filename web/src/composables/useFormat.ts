import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { i18n, INTL_LOCALE, isLocale } from '~/modules/i18n'
import { formatMoney } from '~/utils/money.util'

type Interval = 'day' | 'week' | 'month' | 'year'

const DATE_STYLES = {
  /** Calendar date in UTC, the date printed on invoices. */
  date: { dateStyle: 'medium', timeZone: 'UTC' },
  monthYear: { month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  /** A moment in the person's own time zone. */
  local: { dateStyle: 'full', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

const intlLocaleOf = (locale: string) => (isLocale(locale) ? INTL_LOCALE[locale] : 'en-US')

// Intl formatters are costly to create (the first with a time style loads time-zone data), and every
// row of a list asks for the same ones: one of each per locale, made on first use.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
const numberFormats = new Map<string, Intl.NumberFormat>()

function dateFormat(locale: string, style: keyof typeof DATE_STYLES): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let format = dateFormats.get(key)
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, DATE_STYLES[style])))
  return format
}

// The first date formatters of a page load cost tens of milliseconds (ICU loads its calendar and
// time-zone data): make them while the browser is idle after this module loads (ahead of the first
// page that lists dates), not in the middle of that page's first render.
if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => {
    for (const style of Object.keys(DATE_STYLES) as (keyof typeof DATE_STYLES)[]) dateFormat(intlLocaleOf(i18n.global.locale.value), style)
  })
}

function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale)
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)))
  return format
}

/** Locale-aware money, dates and prices per interval for the current interface language. */
export function useFormat() {
  const { locale, t } = useI18n()
  const intl = computed(() => intlLocaleOf(locale.value))

  const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(Date.parse(iso))

  return {
    intl,
    money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, intl.value),
    number: (n: number) => numberFormat(intl.value).format(n),
    /** Calendar date in UTC, the date printed on invoices. */
    date: (iso: string | null | undefined) => (valid(iso) ? dateFormat(intl.value, 'date').format(new Date(iso)) : ''),
    /** The same moment in the person's own time zone, for a tooltip. */
    localDateTime: (iso: string | null | undefined) => (valid(iso) ? dateFormat(intl.value, 'local').format(new Date(iso)) : ''),
    cardExpiry: (month: number, year: number) => dateFormat(intl.value, 'monthYear').format(new Date(Date.UTC(year, month - 1, 1))),
    pricePerInterval: (amountMinor: number, currency: string, interval: Interval, count = 1) =>
      t(`interval.${interval}`, { amount: formatMoney(amountMinor, currency, intl.value), count }, count),
  }
}
