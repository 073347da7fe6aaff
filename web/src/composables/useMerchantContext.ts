import { type ComputedRef, inject, type InjectionKey, provide } from 'vue'
import type { Mode } from '~/gql/graphql'

export interface MerchantContext {
  businessId: ComputedRef<string>
  businessName: ComputedRef<string>
  /** The mode the dashboard shows; pages are remounted when it changes. */
  mode: ComputedRef<Mode>
}

const KEY: InjectionKey<MerchantContext> = Symbol('merchant-context')

export function provideMerchantContext(context: MerchantContext) {
  provide(KEY, context)
}

/** The signed-in merchant's business and mode (provided by MerchantLayout). */
export function useMerchantContext(): MerchantContext {
  const context = inject(KEY)
  if (!context) throw new Error('useMerchantContext() must be used inside MerchantLayout')
  return context
}
