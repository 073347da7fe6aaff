/**
 * Card form helpers: formatting as the person types, and hints before the card is sent to the
 * processor. The processor has the last word (its 400 answers are shown on the same fields);
 * these only catch typos early. Nothing here stores or logs a card number.
 */

export type CardBrandGuess = 'visa' | 'mastercard' | 'amex' | 'discover' | 'unknown'

/** Digits only, at most 19 of them. */
export function cardDigits(value: string): string {
  return value.replace(/\D/g, '').slice(0, 19)
}

/** The network a number belongs to, from its first digits. */
export function guessCardBrand(digits: string): CardBrandGuess {
  if (/^4/.test(digits)) return 'visa'
  if (/^(5[1-5]|2[2-7])/.test(digits)) return 'mastercard'
  if (/^3[47]/.test(digits)) return 'amex'
  if (/^6(011|5)/.test(digits)) return 'discover'
  return 'unknown'
}

/** "4242424242424242" → "4242 4242 4242 4242"; American Express groups 4-6-5. */
export function formatCardNumber(value: string): string {
  const digits = cardDigits(value)
  const groups = guessCardBrand(digits) === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3]
  const parts: string[] = []
  let at = 0
  for (const size of groups) {
    if (at >= digits.length) break
    parts.push(digits.slice(at, at + size))
    at += size
  }
  return parts.join(' ')
}

/** The Luhn checksum every card number carries. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/**
 * Expiry as typed → "MM/YY". A lone 2–9 becomes "0N/", so "4" reads as April; deleting the slash
 * (`previous` ends with "/" and the new value does not) removes it instead of adding it back.
 */
export function formatExpiry(value: string, previous = ''): string {
  const deleting = previous.endsWith('/') && value.length < previous.length
  let digits = value.replace(/\D/g, '').slice(0, 4)
  if (digits.length === 1 && Number(digits) > 1) digits = `0${digits}`
  if (digits.length < 2) return digits
  if (digits.length === 2) return deleting ? digits.slice(0, 1) : `${digits}/`
  return `${digits.slice(0, 2)}/${digits.slice(2)}`
}

/** "04/29" → { month: 4, year: 2029 }; null unless it is a complete, plausible MM/YY. */
export function parseExpiry(value: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(value)
  if (!match) return null
  const month = Number(match[1])
  const year = match[2].length === 2 ? 2000 + Number(match[2]) : Number(match[2])
  if (month < 1 || month > 12) return null
  return { month, year }
}

export function cvcLength(brand: CardBrandGuess): number {
  return brand === 'amex' ? 4 : 3
}

/** Security code: digits only, as long as the brand's code. */
export function cvcDigits(value: string, brand: CardBrandGuess): string {
  return value.replace(/\D/g, '').slice(0, cvcLength(brand))
}

export type CardField = 'number' | 'expiry' | 'cvc'
/** Keys under `cardForm.hints` in the locale files. */
export type CardHint = 'numberRequired' | 'numberIncomplete' | 'numberInvalid' | 'expiryRequired' | 'expiryInvalid' | 'expiryPast' | 'cvcRequired' | 'cvcLength'

export interface CardFormValues {
  number: string
  expiry: string
  cvc: string
}

/** What looks wrong with the card before sending it; an empty object when it looks right. */
export function cardHints(values: CardFormValues, now = new Date()): Partial<Record<CardField, CardHint>> {
  const hints: Partial<Record<CardField, CardHint>> = {}
  const digits = cardDigits(values.number)
  const brand = guessCardBrand(digits)
  if (digits.length === 0) hints.number = 'numberRequired'
  else if (digits.length < (brand === 'amex' ? 15 : 12) || (brand !== 'amex' && brand !== 'unknown' && digits.length < 16)) hints.number = 'numberIncomplete'
  else if (!luhnValid(digits)) hints.number = 'numberInvalid'

  const expiry = parseExpiry(values.expiry)
  if (values.expiry.trim() === '') hints.expiry = 'expiryRequired'
  else if (!expiry) hints.expiry = 'expiryInvalid'
  else if (Date.UTC(expiry.year, expiry.month, 1) <= now.getTime()) hints.expiry = 'expiryPast'

  const cvc = values.cvc.replace(/\D/g, '')
  if (cvc.length === 0) hints.cvc = 'cvcRequired'
  else if (cvc.length !== cvcLength(brand)) hints.cvc = 'cvcLength'
  return hints
}

/** Which form field a processor 400 names (`exp_month`/`exp_year` → the one expiry field). */
export function fieldOfProcessorError(field: string | null | undefined): CardField | null {
  if (field === 'number') return 'number'
  if (field === 'exp_month' || field === 'exp_year') return 'expiry'
  if (field === 'cvc') return 'cvc'
  return null
}
