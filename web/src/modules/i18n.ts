import { nextTick } from 'vue'
import { createI18n } from 'vue-i18n'
import en, { type MessageSchema } from '~/locales/en'

export const LOCALES = ['en', 'hi'] as const
export type Locale = (typeof LOCALES)[number]

/** The Intl locale used for numbers, money and dates of each interface language. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', hi: 'hi-IN' }
const RTL = new Set<string>([])
const STORAGE_KEY = 'billfold:lang'

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en } as Record<Locale, MessageSchema>,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

const loaders: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  en: async () => ({ default: en }),
  hi: () => import('~/locales/hi'),
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isLocale(value) ? value : null
  } catch {
    return null
  }
}

/** Switches the interface language, loading its messages on first use and remembering the choice. */
export async function setLocale(locale: Locale): Promise<void> {
  if (!i18n.global.availableLocales.includes(locale)) {
    const messages = await loaders[locale]()
    i18n.global.setLocaleMessage(locale, messages.default)
  }
  i18n.global.locale.value = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = locale
  document.documentElement.dir = RTL.has(locale) ? 'rtl' : 'ltr'
  await nextTick()
}

/** The language to start in: `?lang=` first, then the remembered choice, else English. */
export function initialLocale(search: string): Locale {
  const fromQuery = new URLSearchParams(search).get('lang')
  return isLocale(fromQuery) ? fromQuery : (storedLocale() ?? 'en')
}
