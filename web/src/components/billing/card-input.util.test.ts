import { describe, expect, it } from 'vitest'
import { cardHints, cvcDigits, fieldOfProcessorError, formatCardNumber, formatExpiry, guessCardBrand, luhnValid, parseExpiry } from './card-input.util'

describe('formatCardNumber', () => {
  it('groups digits in fours as they are typed and drops anything else', () => {
    expect(formatCardNumber('4242')).toBe('4242')
    expect(formatCardNumber('42424')).toBe('4242 4')
    expect(formatCardNumber('4242-4242 4242x4242')).toBe('4242 4242 4242 4242')
  })

  it('groups American Express numbers 4-6-5 and stops at 19 digits', () => {
    expect(formatCardNumber('378282246310005')).toBe('3782 822463 10005')
    expect(formatCardNumber('4'.repeat(25)).replace(/ /g, '')).toHaveLength(19)
  })
})

describe('luhnValid', () => {
  it('accepts the test cards and refuses a one-digit typo', () => {
    expect(luhnValid('4242424242424242')).toBe(true)
    expect(luhnValid('4000000000000002')).toBe(true)
    expect(luhnValid('4242424242424241')).toBe(false)
    expect(luhnValid('')).toBe(false)
  })
})

describe('guessCardBrand', () => {
  it('knows the networks by their first digits', () => {
    expect(guessCardBrand('4242')).toBe('visa')
    expect(guessCardBrand('5555')).toBe('mastercard')
    expect(guessCardBrand('2221')).toBe('mastercard')
    expect(guessCardBrand('3782')).toBe('amex')
    expect(guessCardBrand('6011')).toBe('discover')
    expect(guessCardBrand('9999')).toBe('unknown')
  })
})

describe('formatExpiry and parseExpiry', () => {
  it('adds the slash after the month and pads a single month digit above 1', () => {
    expect(formatExpiry('1')).toBe('1')
    expect(formatExpiry('4')).toBe('04/')
    expect(formatExpiry('12')).toBe('12/')
    expect(formatExpiry('1229')).toBe('12/29')
    expect(formatExpiry('12/2930')).toBe('12/29')
  })

  it('lets backspace remove the slash it added', () => {
    expect(formatExpiry('12', '12/')).toBe('1')
  })

  it('reads MM/YY and MM/YYYY and refuses impossible months', () => {
    expect(parseExpiry('04/29')).toEqual({ month: 4, year: 2029 })
    expect(parseExpiry('4/2031')).toEqual({ month: 4, year: 2031 })
    expect(parseExpiry('13/29')).toBeNull()
    expect(parseExpiry('12/')).toBeNull()
  })
})

describe('cardHints', () => {
  const now = new Date(Date.UTC(2026, 7, 15))

  it('has nothing to say about a good card', () => {
    expect(cardHints({ number: '4242 4242 4242 4242', expiry: '08/26', cvc: '123' }, now)).toEqual({})
    expect(cardHints({ number: '3782 822463 10005', expiry: '12/30', cvc: '1234' }, now)).toEqual({})
  })

  it('names each field that is missing', () => {
    expect(cardHints({ number: '', expiry: '', cvc: '' }, now)).toEqual({ number: 'numberRequired', expiry: 'expiryRequired', cvc: 'cvcRequired' })
  })

  it('tells an incomplete number from a mistyped one', () => {
    expect(cardHints({ number: '4242 4242', expiry: '01/30', cvc: '123' }, now).number).toBe('numberIncomplete')
    expect(cardHints({ number: '4242 4242 4242 4241', expiry: '01/30', cvc: '123' }, now).number).toBe('numberInvalid')
  })

  it('refuses a card whose expiry month has passed but keeps one valid through its month', () => {
    expect(cardHints({ number: '4242424242424242', expiry: '07/26', cvc: '123' }, now).expiry).toBe('expiryPast')
    expect(cardHints({ number: '4242424242424242', expiry: '08/26', cvc: '123' }, now).expiry).toBeUndefined()
    expect(cardHints({ number: '4242424242424242', expiry: '00/30', cvc: '123' }, now).expiry).toBe('expiryInvalid')
  })

  it('wants four CVC digits for American Express and three for others', () => {
    expect(cardHints({ number: '378282246310005', expiry: '01/30', cvc: '123' }, now).cvc).toBe('cvcLength')
    expect(cardHints({ number: '4242424242424242', expiry: '01/30', cvc: '1234' }, now).cvc).toBe('cvcLength')
    expect(cvcDigits('12a34', 'visa')).toBe('123')
  })
})

describe('fieldOfProcessorError', () => {
  it('puts the processor’s expiry errors on the one expiry field', () => {
    expect(fieldOfProcessorError('exp_month')).toBe('expiry')
    expect(fieldOfProcessorError('exp_year')).toBe('expiry')
    expect(fieldOfProcessorError('number')).toBe('number')
    expect(fieldOfProcessorError(null)).toBeNull()
  })
})
