export type ErrorKind =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYMENT_FAILED'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'

interface GraphQLErrorLike {
  message: string
  extensions?: Record<string, unknown> | null
}

export interface ErrorLike {
  graphQLErrors?: readonly GraphQLErrorLike[]
  networkError?: unknown
}

export interface DescribedError {
  kind: ErrorKind
  /** The server's own words, only for codes whose message is written for people. */
  detail?: string
}

const KNOWN = new Set<ErrorKind>([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT',
  'RATE_LIMITED', 'PAYMENT_FAILED', 'INTERNAL_SERVER_ERROR',
])
const SHOW_MESSAGE = new Set<ErrorKind>(['BAD_USER_INPUT', 'PAYMENT_FAILED'])

function codeOf(error: GraphQLErrorLike): ErrorKind {
  const code = error.extensions?.code
  return typeof code === 'string' && KNOWN.has(code as ErrorKind) ? (code as ErrorKind) : 'INTERNAL_SERVER_ERROR'
}

function statusOf(networkError: unknown): number | undefined {
  if (networkError && typeof networkError === 'object' && 'statusCode' in networkError) {
    const status = (networkError as { statusCode: unknown }).statusCode
    return typeof status === 'number' ? status : undefined
  }
  return undefined
}

/** Reduces an Apollo error to one kind a person can act on; raw text only for BAD_USER_INPUT and PAYMENT_FAILED. */
export function describeError(error: ErrorLike | null | undefined): DescribedError {
  const first = error?.graphQLErrors?.find((e) => codeOf(e) !== 'INTERNAL_SERVER_ERROR') ?? error?.graphQLErrors?.[0]
  if (first) {
    const kind = codeOf(first)
    return SHOW_MESSAGE.has(kind) && first.message ? { kind, detail: first.message } : { kind }
  }
  if (error?.networkError) {
    const status = statusOf(error.networkError)
    if (status === 401) return { kind: 'UNAUTHENTICATED' }
    if (status === 403) return { kind: 'FORBIDDEN' }
    if (status === 429) return { kind: 'RATE_LIMITED' }
    if (status !== undefined && status >= 500) return { kind: 'INTERNAL_SERVER_ERROR' }
    return { kind: 'NETWORK' }
  }
  return { kind: 'INTERNAL_SERVER_ERROR' }
}

/** True when the session is missing or expired. */
export function isUnauthenticated(error: ErrorLike | null | undefined): boolean {
  return (
    !!error?.graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ||
    statusOf(error?.networkError) === 401
  )
}

/** Businesses whose subgraph failed, from `extensions.businessId` on the errors. */
export function failedBusinessIds(error: ErrorLike | null | undefined): string[] {
  const ids = new Set<string>()
  for (const e of error?.graphQLErrors ?? []) {
    const id = e.extensions?.businessId
    if (typeof id === 'string' && id) ids.add(id)
  }
  return [...ids]
}
