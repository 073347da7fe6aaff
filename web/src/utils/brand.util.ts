export interface BrandTheme {
  brand: string
  brandContrast: string
  brandInk: string
}

const FALLBACK = '#1f2937'
const BLACK = '#111111'
const WHITE = '#ffffff'

/** Parses `#rgb` or `#rrggbb` into 0–255 channels; null when it is not a hex colour. */
export function parseHex(color: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())
  if (!m) return null
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1]
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio between two colours (1–21). */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** Black or white, whichever reads better on the given background. */
export function contrastText(background: string): string {
  const rgb = parseHex(background) ?? parseHex(FALLBACK)!
  return contrastRatio(rgb, parseHex(BLACK)!) >= contrastRatio(rgb, parseHex(WHITE)!) ? BLACK : WHITE
}

/** Darkens a colour until it reaches `ratio` against white, for brand-coloured text and links. */
export function inkOnWhite(color: string, ratio = 4.5): string {
  const rgb = parseHex(color) ?? parseHex(FALLBACK)!
  const white = parseHex(WHITE)!
  let current = rgb
  for (let step = 0; step <= 20 && contrastRatio(current, white) < ratio; step++) {
    const keep = 1 - step / 20
    current = rgb.map((v) => v * keep) as [number, number, number]
  }
  return toHex(current)
}

/** CSS colours for a business's brand: the colour, its readable text colour, and an AA-safe ink. */
export function brandTheme(primaryColor: string | null | undefined): BrandTheme {
  const brand = primaryColor && parseHex(primaryColor) ? toHex(parseHex(primaryColor)!) : FALLBACK
  return { brand, brandContrast: contrastText(brand), brandInk: inkOnWhite(brand) }
}
