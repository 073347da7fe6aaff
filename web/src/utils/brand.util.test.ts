import { describe, expect, it } from 'vitest'
import { brandTheme, contrastRatio, contrastText, inkOnWhite, parseHex } from './brand.util'

describe('parseHex', () => {
  it('reads short and long hex colours', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255])
    expect(parseHex('#635BFF')).toEqual([99, 91, 255])
    expect(parseHex('635bff')).toEqual([99, 91, 255])
  })

  it('rejects anything else', () => {
    expect(parseHex('red')).toBeNull()
    expect(parseHex('#12345')).toBeNull()
  })
})

describe('contrastText', () => {
  it('puts white text on dark brands and black text on light ones', () => {
    expect(contrastText('#0a2540')).toBe('#ffffff')
    expect(contrastText('#635bff')).toBe('#ffffff')
    expect(contrastText('#ffd600')).toBe('#111111')
    expect(contrastText('#e0f2fe')).toBe('#111111')
  })
})

describe('inkOnWhite', () => {
  it('keeps a colour that already reads on white', () => {
    expect(inkOnWhite('#0a2540')).toBe('#0a2540')
  })

  it('darkens a light brand colour until it meets AA on white', () => {
    const ink = inkOnWhite('#ffd600')
    expect(contrastRatio(parseHex(ink)!, [255, 255, 255])).toBeGreaterThanOrEqual(4.5)
  })
})

describe('brandTheme', () => {
  it('falls back to a neutral colour when the brand colour is invalid', () => {
    expect(brandTheme('not a colour')).toEqual({ brand: '#1f2937', brandContrast: '#ffffff', brandInk: '#1f2937' })
    expect(brandTheme(null).brand).toBe('#1f2937')
  })
})
