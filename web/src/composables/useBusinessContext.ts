import { type ComputedRef, inject, type InjectionKey, provide } from 'vue'
import type { Mode } from '~/gql/graphql'

export interface BusinessContext {
  businessId: ComputedRef<string>
  businessName: ComputedRef<string>
  supportEmail: ComputedRef<string | null>
  viewer: ComputedRef<{ email: string; mode: Mode } | null>
}

const KEY: InjectionKey<BusinessContext> = Symbol('business-context')

export function provideBusinessContext(context: BusinessContext) {
  provide(KEY, context)
}

/** The business portal the current section belongs to (provided by BusinessLayout). */
export function useBusinessContext(): BusinessContext {
  const context = inject(KEY)
  if (!context) throw new Error('useBusinessContext() must be used inside BusinessLayout')
  return context
}

/** Picks the account of one business from the viewer's accounts. */
export function pickAccount<T extends { businessId: string } | null>(accounts: readonly T[] | null | undefined, businessId: string) {
  return (accounts ?? []).find((a): a is NonNullable<T> => !!a && a.businessId === businessId) ?? null
}
