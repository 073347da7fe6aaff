import type { Mode } from '~/gql/graphql'

const KEY = 'billfold:last-viewer'

export interface LastViewer {
  email: string
  mode: Mode
}

/** The last signed-in email and mode on this device, to pre-fill the login page when a session ends. */
export function rememberViewer(viewer: LastViewer | null): void {
  try {
    if (viewer) localStorage.setItem(KEY, JSON.stringify({ email: viewer.email, mode: viewer.mode }))
    else localStorage.removeItem(KEY)
  } catch {
    // Storage unavailable: the login page simply starts empty.
  }
}

export function lastViewer(): LastViewer | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<LastViewer> | null
    return parsed && typeof parsed.email === 'string' && (parsed.mode === 'test' || parsed.mode === 'live')
      ? { email: parsed.email, mode: parsed.mode }
      : null
  } catch {
    return null
  }
}

/** The login page that fits where the person was: the business's own login inside `/b/:id`, else the unified one. */
export function loginLocation(path: string, email?: string | null, mode?: Mode | null) {
  const match = /^\/b\/([^/?#]+)/.exec(path)
  const query = email ? { email } : {}
  if (/^\/merchant(\/|$)/.test(path)) return { name: 'merchant-login' }
  if (match) {
    const businessId = decodeURIComponent(match[1])
    return mode === 'test'
      ? { name: 'test-business-login', params: { businessId }, query }
      : { name: 'business-login', params: { businessId }, query }
  }
  return { name: 'login', query }
}

const RETURN_KEY = 'billfold:return'

export interface ReturnTarget {
  url: string
  businessName: string
}

/** The merchant page a portal session came from ("Back to {business}"), kept for this tab only. */
export function rememberReturn(target: ReturnTarget | null): void {
  try {
    if (target && /^https?:\/\//.test(target.url)) sessionStorage.setItem(RETURN_KEY, JSON.stringify(target))
    else sessionStorage.removeItem(RETURN_KEY)
  } catch {
    // Storage unavailable: no back link.
  }
}

export function returnTarget(): ReturnTarget | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(RETURN_KEY) ?? 'null') as Partial<ReturnTarget> | null
    return parsed && typeof parsed.url === 'string' && /^https?:\/\//.test(parsed.url) ? { url: parsed.url, businessName: parsed.businessName ?? '' } : null
  } catch {
    return null
  }
}
