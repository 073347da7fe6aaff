import { graphql } from '~/gql-merchant'

export const ApiKeysQuery = graphql(/* GraphQL */ `
  query MerchantApiKeys {
    apiKeys {
      id
      name
      prefix
      mode
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`)

export const CreateApiKeyMutation = graphql(/* GraphQL */ `
  mutation CreateApiKey($name: String!) {
    createApiKey(name: $name) {
      secret
      apiKey {
        id
        name
        prefix
        mode
        createdAt
        lastUsedAt
        revokedAt
      }
    }
  }
`)

export const RevokeApiKeyMutation = graphql(/* GraphQL */ `
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`)
