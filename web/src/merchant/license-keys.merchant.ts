import { graphql } from '~/gql-merchant'

/** The business's license keys on its own endpoint (/business/{id}/graphql). */

export const MerchantLicenseKeysQuery = graphql(/* GraphQL */ `
  query MerchantLicenseKeys($search: String, $status: LicenseKeyStatus, $first: Int, $after: String) {
    licenseKeys(search: $search, status: $status, first: $first, after: $after) {
      nodes {
        id
        maskedKey
        status
        activationLimit
        activationsUsed
        expiresAt
        createdAt
        customerId
        product {
          id
          name
        }
        instances {
          id
          name
          createdAt
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

export const DisableLicenseKeyMutation = graphql(/* GraphQL */ `
  mutation DisableLicenseKey($id: ID!) {
    disableLicenseKey(id: $id) {
      id
      status
    }
  }
`)

export const EnableLicenseKeyMutation = graphql(/* GraphQL */ `
  mutation EnableLicenseKey($id: ID!) {
    enableLicenseKey(id: $id) {
      id
      status
    }
  }
`)

export const UpdateLicenseKeyMutation = graphql(/* GraphQL */ `
  mutation UpdateLicenseKey($id: ID!, $activationLimit: Int, $expiresAt: DateTime) {
    updateLicenseKey(id: $id, activationLimit: $activationLimit, expiresAt: $expiresAt) {
      id
      status
      activationLimit
      activationsUsed
      expiresAt
    }
  }
`)
