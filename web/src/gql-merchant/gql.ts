/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MerchantApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      mode\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": typeof types.MerchantApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        mode\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query MerchantCustomers($search: String, $first: Int, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        name\n        phone\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MerchantCustomersDocument,
    "\n  query MerchantCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      name\n      phone\n    }\n  }\n": typeof types.MerchantCustomerDocument,
    "\n  query MerchantCustomerSubscriptions($customerId: ID!, $first: Int, $after: String) {\n    subscriptions(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        amount\n        currency\n        interval\n        intervalCount\n        quantity\n        cancelAtPeriodEnd\n        nextBillingDate\n        currentPeriodEnd\n        cancelledAt\n        endedAt\n        createdAt\n        product {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MerchantCustomerSubscriptionsDocument,
    "\n  query MerchantCustomerInvoices($customerId: ID!, $first: Int, $after: String) {\n    invoices(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        number\n        status\n        issuedAt\n        currency\n        total\n        subscriptionId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MerchantCustomerInvoicesDocument,
    "\n  mutation CreateCustomerInviteLink($customerId: ID!) {\n    createCustomerInviteLink(customerId: $customerId) {\n      link\n      expiresAt\n    }\n  }\n": typeof types.CreateCustomerInviteLinkDocument,
    "\n  query MerchantLicenseKeys($search: String, $status: LicenseKeyStatus, $first: Int, $after: String) {\n    licenseKeys(search: $search, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        maskedKey\n        status\n        activationLimit\n        activationsUsed\n        expiresAt\n        createdAt\n        customerId\n        product {\n          id\n          name\n        }\n        instances {\n          id\n          name\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MerchantLicenseKeysDocument,
    "\n  mutation DisableLicenseKey($id: ID!) {\n    disableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DisableLicenseKeyDocument,
    "\n  mutation EnableLicenseKey($id: ID!) {\n    enableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.EnableLicenseKeyDocument,
    "\n  mutation UpdateLicenseKey($id: ID!, $activationLimit: Int, $expiresAt: DateTime) {\n    updateLicenseKey(id: $id, activationLimit: $activationLimit, expiresAt: $expiresAt) {\n      id\n      status\n      activationLimit\n      activationsUsed\n      expiresAt\n    }\n  }\n": typeof types.UpdateLicenseKeyDocument,
    "\n  query MerchantWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      active\n      createdAt\n    }\n    webhookEventTypes\n  }\n": typeof types.MerchantWebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        eventTypes\n        active\n        createdAt\n      }\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      url\n      eventTypes\n      active\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  query MerchantWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        attempt\n        status\n        responseStatus\n        durationMs\n        createdAt\n        nextAttemptAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.MerchantWebhookDeliveriesDocument,
    "\n  mutation ResendWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    resendWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n": typeof types.ResendWebhookEventDocument,
};
const documents: Documents = {
    "\n  query MerchantApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      mode\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n": types.MerchantApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        mode\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query MerchantCustomers($search: String, $first: Int, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        name\n        phone\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MerchantCustomersDocument,
    "\n  query MerchantCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      name\n      phone\n    }\n  }\n": types.MerchantCustomerDocument,
    "\n  query MerchantCustomerSubscriptions($customerId: ID!, $first: Int, $after: String) {\n    subscriptions(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        amount\n        currency\n        interval\n        intervalCount\n        quantity\n        cancelAtPeriodEnd\n        nextBillingDate\n        currentPeriodEnd\n        cancelledAt\n        endedAt\n        createdAt\n        product {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MerchantCustomerSubscriptionsDocument,
    "\n  query MerchantCustomerInvoices($customerId: ID!, $first: Int, $after: String) {\n    invoices(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        number\n        status\n        issuedAt\n        currency\n        total\n        subscriptionId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MerchantCustomerInvoicesDocument,
    "\n  mutation CreateCustomerInviteLink($customerId: ID!) {\n    createCustomerInviteLink(customerId: $customerId) {\n      link\n      expiresAt\n    }\n  }\n": types.CreateCustomerInviteLinkDocument,
    "\n  query MerchantLicenseKeys($search: String, $status: LicenseKeyStatus, $first: Int, $after: String) {\n    licenseKeys(search: $search, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        maskedKey\n        status\n        activationLimit\n        activationsUsed\n        expiresAt\n        createdAt\n        customerId\n        product {\n          id\n          name\n        }\n        instances {\n          id\n          name\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MerchantLicenseKeysDocument,
    "\n  mutation DisableLicenseKey($id: ID!) {\n    disableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n": types.DisableLicenseKeyDocument,
    "\n  mutation EnableLicenseKey($id: ID!) {\n    enableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n": types.EnableLicenseKeyDocument,
    "\n  mutation UpdateLicenseKey($id: ID!, $activationLimit: Int, $expiresAt: DateTime) {\n    updateLicenseKey(id: $id, activationLimit: $activationLimit, expiresAt: $expiresAt) {\n      id\n      status\n      activationLimit\n      activationsUsed\n      expiresAt\n    }\n  }\n": types.UpdateLicenseKeyDocument,
    "\n  query MerchantWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      active\n      createdAt\n    }\n    webhookEventTypes\n  }\n": types.MerchantWebhookEndpointsDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        eventTypes\n        active\n        createdAt\n      }\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      url\n      eventTypes\n      active\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  query MerchantWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        attempt\n        status\n        responseStatus\n        durationMs\n        createdAt\n        nextAttemptAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.MerchantWebhookDeliveriesDocument,
    "\n  mutation ResendWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    resendWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n": types.ResendWebhookEventDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      mode\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  query MerchantApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      mode\n      createdAt\n      lastUsedAt\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        mode\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!) {\n    createApiKey(name: $name) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        mode\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantCustomers($search: String, $first: Int, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        name\n        phone\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MerchantCustomers($search: String, $first: Int, $after: String) {\n    customers(search: $search, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        name\n        phone\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      name\n      phone\n    }\n  }\n"): (typeof documents)["\n  query MerchantCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      email\n      name\n      phone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantCustomerSubscriptions($customerId: ID!, $first: Int, $after: String) {\n    subscriptions(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        amount\n        currency\n        interval\n        intervalCount\n        quantity\n        cancelAtPeriodEnd\n        nextBillingDate\n        currentPeriodEnd\n        cancelledAt\n        endedAt\n        createdAt\n        product {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MerchantCustomerSubscriptions($customerId: ID!, $first: Int, $after: String) {\n    subscriptions(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        amount\n        currency\n        interval\n        intervalCount\n        quantity\n        cancelAtPeriodEnd\n        nextBillingDate\n        currentPeriodEnd\n        cancelledAt\n        endedAt\n        createdAt\n        product {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantCustomerInvoices($customerId: ID!, $first: Int, $after: String) {\n    invoices(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        number\n        status\n        issuedAt\n        currency\n        total\n        subscriptionId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MerchantCustomerInvoices($customerId: ID!, $first: Int, $after: String) {\n    invoices(customerId: $customerId, first: $first, after: $after) {\n      nodes {\n        id\n        number\n        status\n        issuedAt\n        currency\n        total\n        subscriptionId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomerInviteLink($customerId: ID!) {\n    createCustomerInviteLink(customerId: $customerId) {\n      link\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomerInviteLink($customerId: ID!) {\n    createCustomerInviteLink(customerId: $customerId) {\n      link\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantLicenseKeys($search: String, $status: LicenseKeyStatus, $first: Int, $after: String) {\n    licenseKeys(search: $search, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        maskedKey\n        status\n        activationLimit\n        activationsUsed\n        expiresAt\n        createdAt\n        customerId\n        product {\n          id\n          name\n        }\n        instances {\n          id\n          name\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MerchantLicenseKeys($search: String, $status: LicenseKeyStatus, $first: Int, $after: String) {\n    licenseKeys(search: $search, status: $status, first: $first, after: $after) {\n      nodes {\n        id\n        maskedKey\n        status\n        activationLimit\n        activationsUsed\n        expiresAt\n        createdAt\n        customerId\n        product {\n          id\n          name\n        }\n        instances {\n          id\n          name\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableLicenseKey($id: ID!) {\n    disableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DisableLicenseKey($id: ID!) {\n    disableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableLicenseKey($id: ID!) {\n    enableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation EnableLicenseKey($id: ID!) {\n    enableLicenseKey(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLicenseKey($id: ID!, $activationLimit: Int, $expiresAt: DateTime) {\n    updateLicenseKey(id: $id, activationLimit: $activationLimit, expiresAt: $expiresAt) {\n      id\n      status\n      activationLimit\n      activationsUsed\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLicenseKey($id: ID!, $activationLimit: Int, $expiresAt: DateTime) {\n    updateLicenseKey(id: $id, activationLimit: $activationLimit, expiresAt: $expiresAt) {\n      id\n      status\n      activationLimit\n      activationsUsed\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      active\n      createdAt\n    }\n    webhookEventTypes\n  }\n"): (typeof documents)["\n  query MerchantWebhookEndpoints {\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      active\n      createdAt\n    }\n    webhookEventTypes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        eventTypes\n        active\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        id\n        url\n        eventTypes\n        active\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      url\n      eventTypes\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      id\n      url\n      eventTypes\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        attempt\n        status\n        responseStatus\n        durationMs\n        createdAt\n        nextAttemptAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query MerchantWebhookDeliveries($endpointId: ID!, $first: Int, $after: String) {\n    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {\n      nodes {\n        id\n        eventId\n        eventType\n        attempt\n        status\n        responseStatus\n        durationMs\n        createdAt\n        nextAttemptAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    resendWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ResendWebhookEvent($endpointId: ID!, $eventId: ID!) {\n    resendWebhookEvent(endpointId: $endpointId, eventId: $eventId) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;