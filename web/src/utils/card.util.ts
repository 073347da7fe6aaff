const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  american_express: 'American Express',
  rupay: 'RuPay',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  maestro: 'Maestro',
}

/** The printed name of a card network ("visa" → "Visa"); unknown networks are title-cased. */
export function cardBrandName(brand: string): string {
  const key = brand.trim().toLowerCase().replace(/[\s-]+/g, '_')
  return BRANDS[key] ?? brand.replace(/(^|[\s_-])(\w)/g, (_, sep: string, c: string) => `${sep === '' ? '' : ' '}${c.toUpperCase()}`).trim()
}

/** True once the card's expiry month has passed (cards work through the last day of that month). */
export function isCardExpired(expMonth: number, expYear: number, now = new Date()): boolean {
  const year = now.getUTCFullYear()
  const month = now.getUTCMonth() + 1
  return expYear < year || (expYear === year && expMonth < month)
}
