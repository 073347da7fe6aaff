import { describe, expect, it } from 'vitest'
import { isE164, isEmail, normalizePhone, safeRedirectPath } from './validation.util'

describe('isE164', () => {
  it('accepts international numbers with a plus and up to 15 digits', () => {
    expect(isE164('+919876543210')).toBe(true)
    expect(isE164('+1 (415) 555-0123')).toBe(true)
  })

  it('rejects numbers without a country code, leading zero or too many digits', () => {
    expect(isE164('9876543210')).toBe(false)
    expect(isE164('+0123456')).toBe(false)
    expect(isE164('+1234567890123456')).toBe(false)
    expect(isE164('+91 98765 abc')).toBe(false)
  })

  it('normalizes typing punctuation away', () => {
    expect(normalizePhone('+1 (415) 555-0123')).toBe('+14155550123')
  })
})

describe('isEmail', () => {
  it('accepts a plain address and rejects obvious typos', () => {
    expect(isEmail('asha@example.in')).toBe(true)
    expect(isEmail(' asha@example.in ')).toBe(true)
    expect(isEmail('asha@example')).toBe(false)
    expect(isEmail('asha example.in')).toBe(false)
  })
})

describe('safeRedirectPath', () => {
  it('follows same-site paths', () => {
    expect(safeRedirectPath('/b/biz_1/subscriptions')).toBe('/b/biz_1/subscriptions')
  })

  it('refuses other sites and protocol-relative paths', () => {
    expect(safeRedirectPath('https://evil.example')).toBe('/')
    expect(safeRedirectPath('//evil.example')).toBe('/')
    expect(safeRedirectPath('/\\evil.example')).toBe('/')
    expect(safeRedirectPath(null, '/login')).toBe('/login')
  })
})
