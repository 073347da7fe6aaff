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
  if (match) {
    const businessId = decodeURIComponent(match[1])
    return mode === 'test'
      ? { name: 'test-business-login', params: { businessId }, query }
      : { name: 'business-login', params: { businessId }, query }
  }
  return { name: 'login', query }
}
