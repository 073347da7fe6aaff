import { graphql } from '~/gql-merchant'

/** Webhook endpoints and their delivery log on the business's own endpoint (/business/{id}/graphql). */

export const WebhookEndpointsQuery = graphql(/* GraphQL */ `
  query MerchantWebhookEndpoints {
    webhookEndpoints {
      id
      url
      eventTypes
      active
      createdAt
    }
    webhookEventTypes
  }
`)

export const CreateWebhookEndpointMutation = graphql(/* GraphQL */ `
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
        eventTypes
        active
        createdAt
      }
    }
  }
`)

export const UpdateWebhookEndpointMutation = graphql(/* GraphQL */ `
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) {
      id
      url
      eventTypes
      active
    }
  }
`)

export const DeleteWebhookEndpointMutation = graphql(/* GraphQL */ `
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`)

export const WebhookDeliveriesQuery = graphql(/* GraphQL */ `
  query MerchantWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      nodes {
        id
        eventId
        eventType
        attempt
        status
        responseStatus
        durationMs
        createdAt
        nextAttemptAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`)

export const ResendWebhookEventMutation = graphql(/* GraphQL */ `
  mutation ResendWebhookEvent($endpointId: ID!, $eventId: ID!) {
    resendWebhookEvent(endpointId: $endpointId, eventId: $eventId) {
      id
      status
    }
  }
`)
