/** The example operations the Playground offers, one GraphiQL tab each. */
export interface PlaygroundExample {
  id: 'unified-dashboard' | 'business-invoices' | 'merchant-customers'
  /** i18n key of the name shown in the selector. */
  labelKey: `playground.examples.${string}`
  query: string
  variables?: string
  headers?: string
  /** The endpoint the operation is written for (the merchant one carries a business id to fill in). */
  endpoint: string
}

const unifiedDashboard = /* GraphQL */ `# Everything the signed-in person bought, across every
# business, in one request. Sent to /graphql with your
# session cookie: sign in to the portal first.
query UnifiedDashboard {
  viewer {
    email
    name
    accounts {
      businessId
      customerId
      business {
        id
        name
      }
      subscriptions {
        id
        status
        product {
          name
        }
        amount
        currency
        nextBillingDate
      }
      invoices(first: 10) {
        id
        number
        total
        currency
        issuedAt
      }
      licenseKeys {
        id
        maskedKey
        status
      }
    }
  }
}
`

const businessInvoices = /* GraphQL */ `# One business's invoices, for the signed-in person.
# The customer API has no server-side filter on accounts:
# this asks for every account, and the client keeps the
# one whose businessId equals $businessId (set it in the
# Variables tab). business(id:) names that business even
# when you have no purchases there.
query OneBusinessInvoices($businessId: ID!) {
  business(id: $businessId) {
    id
    name
  }
  viewer {
    accounts {
      businessId
      business {
        name
      }
      invoices(first: 20) {
        id
        number
        status
        total
        currency
        issuedAt
        lines {
          description
          amount
        }
      }
    }
  }
}
`

const merchantCustomers = /* GraphQL */ `# Merchant API: authenticated by a secret API key, not by
# your session. It must be sent to
#   /business/{businessId}/graphql   (not /graphql)
# with the header
#   Authorization: Bearer sk_test_…
# 1. In the Headers tab below, replace sk_test_... with
#    your key.
# 2. Type /business/<your business id>/graphql in the
#    Endpoint field above and press Use: the docs then
#    show the merchant schema. (Changed the key later?
#    Re-fetch the schema from the sidebar.)
# A test key (sk_test_…) sees test-mode data only; a live
# key (sk_live_…) sees live data.
query MerchantCustomers {
  customers(first: 5, search: "demo") {
    totalCount
    nodes {
      id
      email
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  { id: 'unified-dashboard', labelKey: 'playground.examples.unifiedDashboard', query: unifiedDashboard, endpoint: '/graphql' },
  {
    id: 'business-invoices',
    labelKey: 'playground.examples.businessInvoices',
    query: businessInvoices,
    variables: JSON.stringify({ businessId: 'biz_…' }, null, 2),
    endpoint: '/graphql',
  },
  {
    id: 'merchant-customers',
    labelKey: 'playground.examples.merchantCustomers',
    query: merchantCustomers,
    // ASCII only: browsers refuse to send a header value holding "…".
    headers: JSON.stringify({ Authorization: 'Bearer sk_test_...' }, null, 2),
    endpoint: '/business/biz_…/graphql',
  },
]

export function findExample(id: unknown): PlaygroundExample | undefined {
  return PLAYGROUND_EXAMPLES.find((example) => example.id === id)
}
