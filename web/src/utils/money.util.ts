// Processors count these currencies in whole units: 500 JPY is sent as 500, not 50000.
const ZERO_DECIMAL = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG',
  'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
])
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'])

/** Number of minor-unit digits of an ISO 4217 currency (0 for JPY, 3 for KWD, else 2). */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase()
  if (ZERO_DECIMAL.has(code)) return 0
  if (THREE_DECIMAL.has(code)) return 3
  return 2
}

/** Converts an integer amount in minor units to a decimal number in major units. */
export function toMajorUnits(amountMinor: number, currency: string): number {
  const exponent = currencyExponent(currency)
  return exponent === 0 ? amountMinor : amountMinor / 10 ** exponent
}

interface MoneyFormat {
  format: Intl.NumberFormat
  /** False when the currency code is unknown to Intl: the code is then written after the number. */
  withSymbol: boolean
}

const cache = new Map<string, MoneyFormat>()

function formatter(locale: string, currency: string): MoneyFormat {
  const code = currency.toUpperCase()
  const key = `${locale}|${code}`
  let money = cache.get(key)
  if (!money) {
    const digits = currencyExponent(code)
    try {
      money = {
        format: new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: code,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
        withSymbol: true,
      }
    } catch {
      // An unknown currency code: show the number with the code rather than throw.
      money = { format: new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }), withSymbol: false }
    }
    cache.set(key, money)
  }
  return money
}

/** Formats an integer amount in minor units, e.g. (1999, 'USD', 'en-US') → "$19.99". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const { format, withSymbol } = formatter(locale, currency)
  const text = format.format(toMajorUnits(amountMinor, currency))
  return withSymbol ? text : `${text} ${currency.toUpperCase()}`
}
