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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;