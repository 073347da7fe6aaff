const E164 = /^\+[1-9]\d{1,14}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Strips the spaces, dashes, dots and brackets people type in phone numbers. */
export function normalizePhone(input: string): string {
  return input.replace(/[\s\-().]/g, '')
}

/** True when the (normalized) input is an E.164 number such as +919876543210. */
export function isE164(input: string): boolean {
  return E164.test(normalizePhone(input))
}

export function isEmail(input: string): boolean {
  return EMAIL.test(input.trim())
}

/** Only same-site paths may be followed after sign-in; anything else goes to the fallback. */
export function safeRedirectPath(target: string | null | undefined, fallback = '/'): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return fallback
  return target
}
