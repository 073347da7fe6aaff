import { graphql } from '~/gql-merchant'

/** Operations on the business's own endpoint (/business/{id}/graphql), typed against schema/business.graphql. */

export const MerchantCustomersQuery = graphql(/* GraphQL */ `
  query MerchantCustomers($search: String, $first: Int, $after: String) {
    customers(search: $search, first: $first, after: $after) {
      nodes {
        id
        email
        name
        phone
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`)

export const MerchantCustomerQuery = graphql(/* GraphQL */ `
  query MerchantCustomer($id: ID!) {
    customer(id: $id) {
      id
      email
      name
      phone
    }
  }
`)

export const MerchantCustomerSubscriptionsQuery = graphql(/* GraphQL */ `
  query MerchantCustomerSubscriptions($customerId: ID!, $first: Int, $after: String) {
    subscriptions(customerId: $customerId, first: $first, after: $after) {
      nodes {
        id
        status
        amount
        currency
        interval
        intervalCount
        quantity
        cancelAtPeriodEnd
        nextBillingDate
        currentPeriodEnd
        cancelledAt
        endedAt
        createdAt
        product {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`)

export const MerchantCustomerInvoicesQuery = graphql(/* GraphQL */ `
  query MerchantCustomerInvoices($customerId: ID!, $first: Int, $after: String) {
    invoices(customerId: $customerId, first: $first, after: $after) {
      nodes {
        id
        number
        status
        issuedAt
        currency
        total
        subscriptionId
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`)

export const CreateCustomerInviteLinkMutation = graphql(/* GraphQL */ `
  mutation CreateCustomerInviteLink($customerId: ID!) {
    createCustomerInviteLink(customerId: $customerId) {
      link
      expiresAt
    }
  }
`)
