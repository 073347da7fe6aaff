import { describe, expect, it } from 'vitest'
import { currencyExponent, formatMoney, toMajorUnits } from './money.util'

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('currencyExponent', () => {
  it('treats JPY, KRW, VND and CLP as zero-decimal currencies', () => {
    for (const code of ['JPY', 'KRW', 'VND', 'CLP', 'jpy']) expect(currencyExponent(code)).toBe(0)
  })

  it('uses three digits for KWD and two for everything else', () => {
    expect(currencyExponent('KWD')).toBe(3)
    expect(currencyExponent('USD')).toBe(2)
    expect(currencyExponent('INR')).toBe(2)
  })
})

describe('toMajorUnits', () => {
  it('divides by the currency exponent', () => {
    expect(toMajorUnits(1999, 'USD')).toBe(19.99)
    expect(toMajorUnits(500, 'JPY')).toBe(500)
    expect(toMajorUnits(1500, 'KWD')).toBe(1.5)
  })
})

describe('formatMoney', () => {
  it('formats cents as dollars for en-US', () => {
    expect(formatMoney(1999, 'USD', 'en-US')).toBe('$19.99')
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00')
  })

  it('does not divide zero-decimal currencies and shows no decimals', () => {
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500')
    expect(formatMoney(12000, 'KRW', 'en-US')).toBe('₩12,000')
    expect(nbsp(formatMoney(250000, 'VND', 'en-US'))).toBe('₫250,000')
    expect(nbsp(formatMoney(9990, 'CLP', 'en-US'))).toBe('CLP 9,990')
  })

  it('uses Indian digit grouping and the rupee sign for Hindi', () => {
    expect(formatMoney(12345678, 'INR', 'hi-IN')).toBe('₹1,23,456.78')
  })

  it('accepts lower-case currency codes', () => {
    expect(formatMoney(1050, 'eur', 'en-US')).toBe('€10.50')
  })

  it('keeps negative amounts negative', () => {
    expect(formatMoney(-1999, 'USD', 'en-US')).toBe('-$19.99')
  })

  it('falls back to number and code for an invalid currency code', () => {
    expect(formatMoney(1234, 'NOT-A-CODE', 'en-US')).toBe('12.34 NOT-A-CODE')
  })
})
