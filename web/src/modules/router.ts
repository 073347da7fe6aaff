import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core'
import { createRouter, createWebHistory, type RouteComponent, type RouteLocationNormalized, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import { isLocale, setLocale } from './i18n'
import { loadApollo } from './lazy-apollo'

declare module 'vue-router' {
  interface RouteMeta {
    /** A sign-in or error page: open without a session, and served without Apollo Client. */
    public?: boolean
  }
}

/** Sheets over the subscriptions page, each with its own address (deep links, Back closes them). */
export const SUBSCRIPTION_SHEETS = [
  { path: 'payment-method', name: 'business-subscription-payment-method', sheet: 'payment-method' },
  { path: 'cancel', name: 'business-subscription-cancel', sheet: 'cancel' },
  { path: 'change-plan', name: 'business-subscription-change-plan', sheet: 'change-plan' },
] as const
export type SubscriptionSheet = (typeof SUBSCRIPTION_SHEETS)[number]['sheet']

const FLOW_ROUTES: Record<string, string> = {
  update_payment_method: 'business-subscription-payment-method',
  cancel_subscription: 'business-subscription-cancel',
}

/** `/b/:id?flow=update_payment_method&subscriptionId=sub_…` → that subscription's sheet. */
export function portalFlowTarget(to: RouteLocationNormalized) {
  const flow = to.query.flow
  const subscriptionId = to.query.subscriptionId ?? to.query.subscription
  if (typeof flow !== 'string' || !FLOW_ROUTES[flow]) return true
  if (typeof subscriptionId !== 'string' || !subscriptionId) return { name: 'business-subscriptions', params: to.params, replace: true }
  return { name: FLOW_ROUTES[flow], params: { ...to.params, subscriptionId }, replace: true }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('~/pages/LoginPage.vue'), props: { mode: 'live' }, meta: { public: true } },
  { path: '/test/login', name: 'test-login', component: () => import('~/pages/LoginPage.vue'), props: { mode: 'test' }, meta: { public: true } },
  {
    path: '/login/:businessId',
    name: 'business-login',
    component: () => import('~/pages/BusinessLoginPage.vue'),
    props: (route) => ({ businessId: route.params.businessId, mode: 'live' }),
    meta: { public: true },
  },
  {
    path: '/test/login/:businessId',
    name: 'test-business-login',
    component: () => import('~/pages/BusinessLoginPage.vue'),
    props: (route) => ({ businessId: route.params.businessId, mode: 'test' }),
    meta: { public: true },
  },
  { path: '/auth/:token', name: 'auth', component: () => import('~/pages/AuthTokenPage.vue'), props: true, meta: { public: true } },
  { path: '/', name: 'portal', component: () => import('~/pages/PortalPage.vue') },
  {
    path: '/b/:businessId',
    component: () => import('~/layouts/BusinessLayout.vue'),
    props: true,
    children: [
      {
        path: '',
        name: 'business-overview',
        component: () => import('~/pages/business/OverviewPage.vue'),
        // Portal-session links land here with ?flow=…: open that action right away.
        beforeEnter: (to) => portalFlowTarget(to),
      },
      { path: 'subscriptions', name: 'business-subscriptions', component: () => import('~/pages/business/SubscriptionsPage.vue') },
      ...SUBSCRIPTION_SHEETS.map(({ path, name, sheet }) => ({
        path: `subscriptions/:subscriptionId/${path}`,
        name,
        component: () => import('~/pages/business/SubscriptionsPage.vue'),
        props: (route: RouteLocationNormalized) => ({ sheet, subscriptionId: route.params.subscriptionId }),
      })),
      {
        path: 'subscriptions/:subscriptionId/reactivated',
        name: 'business-subscription-reactivated',
        component: () => import('~/pages/business/ReactivatedPage.vue'),
        props: true,
      },
      { path: 'billing', name: 'business-billing', component: () => import('~/pages/business/BillingPage.vue') },
      { path: 'payment-methods', name: 'business-payment-methods', component: () => import('~/pages/business/PaymentMethodsPage.vue') },
      { path: 'license-keys', name: 'business-license-keys', component: () => import('~/pages/business/LicenseKeysPage.vue') },
      { path: 'profile', name: 'business-profile', component: () => import('~/pages/business/ProfilePage.vue') },
    ],
  },
  { path: '/merchant/login', name: 'merchant-login', component: () => import('~/pages/merchant/MerchantLoginPage.vue'), meta: { public: true } },
  {
    path: '/merchant',
    component: () => import('~/layouts/MerchantLayout.vue'),
    children: [
      { path: '', name: 'merchant-home', redirect: { name: 'merchant-customers' } },
      { path: 'customers', name: 'merchant-customers', component: () => import('~/pages/merchant/CustomersPage.vue') },
      {
        path: 'customers/:customerId',
        name: 'merchant-customer',
        component: () => import('~/pages/merchant/CustomerPage.vue'),
        props: true,
      },
      { path: 'license-keys', name: 'merchant-license-keys', component: () => import('~/pages/merchant/LicenseKeysPage.vue') },
      { path: 'api-keys', name: 'merchant-api-keys', component: () => import('~/pages/merchant/ApiKeysPage.vue') },
      { path: 'webhooks', name: 'merchant-webhooks', component: () => import('~/pages/merchant/WebhooksPage.vue') },
    ],
  },
  // GraphiQL for developers; React and Monaco load only with this route.
  { path: '/playground', name: 'playground', component: () => import('~/pages/PlaygroundPage.vue'), meta: { public: true } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('~/pages/NotFoundPage.vue'), meta: { public: true } },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior(to, from, saved) {
    if (saved) return saved
    if (to.hash) return { el: to.hash }
    // Switching sections inside a business portal keeps the header in view.
    if (to.matched[0] && to.matched[0] === from.matched[0] && to.path.startsWith('/b/')) return {}
    return { top: 0 }
  },
})

/** A page's module; a signed-in page may export `prefetchData` to start its main query before it renders. */
interface PageModule {
  prefetchData?: (client: ApolloClient<NormalizedCacheObject>) => void
}

const isLazyComponent = (component: RouteComponent | (() => Promise<unknown>)): component is () => Promise<PageModule> =>
  typeof component === 'function' && !('__vccOpts' in component) && !('displayName' in component) && !('props' in component)

/**
 * Starts loading a page's code (and Apollo, for a signed-in page) ahead of navigating there; with
 * `data`, once the session for it exists, its pages' `prefetchData` too, so their queries travel
 * while the navigation and the first render run (the page's own query then joins the one in flight).
 */
export function prefetchRoute(to: RouteLocationRaw, options: { data?: boolean } = {}): void {
  const route = router.resolve(to)
  const pages = route.matched.flatMap((record) => Object.values(record.components ?? {}).filter(isLazyComponent).map((load) => load()))
  if (route.meta.public) {
    for (const page of pages) page.catch(() => {})
    return
  }
  Promise.all([loadApollo(), ...pages])
    .then(([{ apolloClient }, ...modules]) => {
      if (options.data) for (const page of modules) page.prefetchData?.(apolloClient)
    })
    .catch(() => {})
}

router.beforeEach(async (to) => {
  const lang = to.query.lang
  if (isLocale(lang)) await setLocale(lang)
})
