import { describe, expect, it } from 'vitest'
import { cardBrandName, isCardExpired } from './card.util'

describe('cardBrandName', () => {
  it('prints known networks the way they brand themselves', () => {
    expect(cardBrandName('visa')).toBe('Visa')
    expect(cardBrandName('AMEX')).toBe('American Express')
    expect(cardBrandName('rupay')).toBe('RuPay')
  })

  it('title-cases networks it does not know', () => {
    expect(cardBrandName('cartes_bancaires')).toBe('Cartes Bancaires')
  })
})

describe('isCardExpired', () => {
  const now = new Date(Date.UTC(2026, 10, 15))

  it('keeps a card valid through its expiry month', () => {
    expect(isCardExpired(11, 2026, now)).toBe(false)
    expect(isCardExpired(1, 2027, now)).toBe(false)
  })

  it('expires a card after its expiry month', () => {
    expect(isCardExpired(10, 2026, now)).toBe(true)
    expect(isCardExpired(12, 2025, now)).toBe(true)
  })
})
