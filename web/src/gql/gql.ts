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
    "\n  fragment BrandMark_Business on Business {\n    id\n    name\n    brand {\n      primaryColor\n      logoUrl\n      initials\n    }\n  }\n": typeof types.BrandMark_BusinessFragmentDoc,
    "\n    mutation RequestLoginLink($input: RequestLoginLinkInput!) {\n      requestLoginLink(input: $input) {\n        message\n      }\n    }\n  ": typeof types.RequestLoginLinkDocument,
    "\n  fragment InvoiceTable_Invoice on Invoice {\n    id\n    number\n    status\n    currency\n    subtotal\n    tax\n    total\n    issuedAt\n    subscriptionId\n    pdfUrl\n    lines {\n      description\n      quantity\n      unitAmount\n      amount\n    }\n  }\n": typeof types.InvoiceTable_InvoiceFragmentDoc,
    "\n  fragment LicenseKeyCard_LicenseKey on LicenseKey {\n    id\n    maskedKey\n    status\n    activationLimit\n    activationsUsed\n    expiresAt\n    product {\n      id\n      name\n    }\n    instances {\n      id\n      name\n      createdAt\n    }\n  }\n": typeof types.LicenseKeyCard_LicenseKeyFragmentDoc,
    "\n    mutation Logout {\n      logout\n    }\n  ": typeof types.LogoutDocument,
    "\n  fragment PaymentMethodItem_PaymentMethod on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n": typeof types.PaymentMethodItem_PaymentMethodFragmentDoc,
    "\n    query ShardDownBusiness($id: ID!) {\n      business(id: $id) {\n        id\n        name\n      }\n    }\n  ": typeof types.ShardDownBusinessDocument,
    "\n  fragment SubscriptionCard_Subscription on CustomerSubscription {\n    id\n    status\n    quantity\n    amount\n    currency\n    interval\n    intervalCount\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n      description\n    }\n    paymentMethod {\n      id\n      brand\n      last4\n    }\n  }\n": typeof types.SubscriptionCard_SubscriptionFragmentDoc,
    "\n  fragment SubscriptionRow_Subscription on CustomerSubscription {\n    id\n    status\n    amount\n    currency\n    interval\n    intervalCount\n    quantity\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n    }\n  }\n": typeof types.SubscriptionRow_SubscriptionFragmentDoc,
    "\n    query BusinessShell {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            supportEmail\n            brand {\n              primaryColor\n              accentColor\n            }\n            ...BrandMark_Business\n          }\n        }\n      }\n    }\n  ": typeof types.BusinessShellDocument,
    "\n  fragment SessionViewer on Viewer {\n    email\n    mode\n  }\n": typeof types.SessionViewerFragmentDoc,
    "\n    query LoginLinkPreview($token: String!) {\n      loginLinkPreview(token: $token) {\n        status\n        emailHint\n        mode\n        business {\n          id\n          name\n          brand {\n            primaryColor\n          }\n          ...BrandMark_Business\n        }\n      }\n    }\n  ": typeof types.LoginLinkPreviewDocument,
    "\n    mutation ExchangeLoginToken($token: String!) {\n      exchangeLoginToken(token: $token) {\n        redirectTo\n        viewer {\n          email\n          name\n          phone\n          mode\n        }\n      }\n    }\n  ": typeof types.ExchangeLoginTokenDocument,
    "\n    query BusinessLogin($id: ID!) {\n      business(id: $id) {\n        id\n        name\n        brand {\n          primaryColor\n        }\n        ...BrandMark_Business\n      }\n    }\n  ": typeof types.BusinessLoginDocument,
    "\n    query Portal {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            ...BrandMark_Business\n          }\n          subscriptions {\n            id\n            status\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 20) {\n            id\n            number\n            status\n            currency\n            total\n            issuedAt\n            subscriptionId\n            pdfUrl\n          }\n          payments(first: 20) {\n            id\n            status\n            amount\n            currency\n            createdAt\n            kind\n            invoice {\n              id\n              number\n              pdfUrl\n            }\n          }\n        }\n      }\n    }\n  ": typeof types.PortalDocument,
    "\n    query BusinessInvoices($first: Int!, $before: DateTime) {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          invoices(first: $first, before: $before) {\n            id\n            issuedAt\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  ": typeof types.BusinessInvoicesDocument,
    "\n    query BusinessLicenseKeys {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          licenseKeys {\n            id\n            ...LicenseKeyCard_LicenseKey\n          }\n        }\n      }\n    }\n  ": typeof types.BusinessLicenseKeysDocument,
    "\n    query BusinessOverview {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            product {\n              id\n              name\n            }\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 5) {\n            id\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  ": typeof types.BusinessOverviewDocument,
    "\n    query BusinessPaymentMethods {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          paymentMethods {\n            id\n            isDefault\n            ...PaymentMethodItem_PaymentMethod\n          }\n        }\n      }\n    }\n  ": typeof types.BusinessPaymentMethodsDocument,
    "\n    query Profile {\n      viewer {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  ": typeof types.ProfileDocument,
    "\n    mutation UpdateProfile($input: UpdateProfileInput!) {\n      updateProfile(input: $input) {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  ": typeof types.UpdateProfileDocument,
    "\n    query BusinessSubscriptions {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            createdAt\n            ...SubscriptionCard_Subscription\n          }\n        }\n      }\n    }\n  ": typeof types.BusinessSubscriptionsDocument,
};
const documents: Documents = {
    "\n  fragment BrandMark_Business on Business {\n    id\n    name\n    brand {\n      primaryColor\n      logoUrl\n      initials\n    }\n  }\n": types.BrandMark_BusinessFragmentDoc,
    "\n    mutation RequestLoginLink($input: RequestLoginLinkInput!) {\n      requestLoginLink(input: $input) {\n        message\n      }\n    }\n  ": types.RequestLoginLinkDocument,
    "\n  fragment InvoiceTable_Invoice on Invoice {\n    id\n    number\n    status\n    currency\n    subtotal\n    tax\n    total\n    issuedAt\n    subscriptionId\n    pdfUrl\n    lines {\n      description\n      quantity\n      unitAmount\n      amount\n    }\n  }\n": types.InvoiceTable_InvoiceFragmentDoc,
    "\n  fragment LicenseKeyCard_LicenseKey on LicenseKey {\n    id\n    maskedKey\n    status\n    activationLimit\n    activationsUsed\n    expiresAt\n    product {\n      id\n      name\n    }\n    instances {\n      id\n      name\n      createdAt\n    }\n  }\n": types.LicenseKeyCard_LicenseKeyFragmentDoc,
    "\n    mutation Logout {\n      logout\n    }\n  ": types.LogoutDocument,
    "\n  fragment PaymentMethodItem_PaymentMethod on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n": types.PaymentMethodItem_PaymentMethodFragmentDoc,
    "\n    query ShardDownBusiness($id: ID!) {\n      business(id: $id) {\n        id\n        name\n      }\n    }\n  ": types.ShardDownBusinessDocument,
    "\n  fragment SubscriptionCard_Subscription on CustomerSubscription {\n    id\n    status\n    quantity\n    amount\n    currency\n    interval\n    intervalCount\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n      description\n    }\n    paymentMethod {\n      id\n      brand\n      last4\n    }\n  }\n": types.SubscriptionCard_SubscriptionFragmentDoc,
    "\n  fragment SubscriptionRow_Subscription on CustomerSubscription {\n    id\n    status\n    amount\n    currency\n    interval\n    intervalCount\n    quantity\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n    }\n  }\n": types.SubscriptionRow_SubscriptionFragmentDoc,
    "\n    query BusinessShell {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            supportEmail\n            brand {\n              primaryColor\n              accentColor\n            }\n            ...BrandMark_Business\n          }\n        }\n      }\n    }\n  ": types.BusinessShellDocument,
    "\n  fragment SessionViewer on Viewer {\n    email\n    mode\n  }\n": types.SessionViewerFragmentDoc,
    "\n    query LoginLinkPreview($token: String!) {\n      loginLinkPreview(token: $token) {\n        status\n        emailHint\n        mode\n        business {\n          id\n          name\n          brand {\n            primaryColor\n          }\n          ...BrandMark_Business\n        }\n      }\n    }\n  ": types.LoginLinkPreviewDocument,
    "\n    mutation ExchangeLoginToken($token: String!) {\n      exchangeLoginToken(token: $token) {\n        redirectTo\n        viewer {\n          email\n          name\n          phone\n          mode\n        }\n      }\n    }\n  ": types.ExchangeLoginTokenDocument,
    "\n    query BusinessLogin($id: ID!) {\n      business(id: $id) {\n        id\n        name\n        brand {\n          primaryColor\n        }\n        ...BrandMark_Business\n      }\n    }\n  ": types.BusinessLoginDocument,
    "\n    query Portal {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            ...BrandMark_Business\n          }\n          subscriptions {\n            id\n            status\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 20) {\n            id\n            number\n            status\n            currency\n            total\n            issuedAt\n            subscriptionId\n            pdfUrl\n          }\n          payments(first: 20) {\n            id\n            status\n            amount\n            currency\n            createdAt\n            kind\n            invoice {\n              id\n              number\n              pdfUrl\n            }\n          }\n        }\n      }\n    }\n  ": types.PortalDocument,
    "\n    query BusinessInvoices($first: Int!, $before: DateTime) {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          invoices(first: $first, before: $before) {\n            id\n            issuedAt\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  ": types.BusinessInvoicesDocument,
    "\n    query BusinessLicenseKeys {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          licenseKeys {\n            id\n            ...LicenseKeyCard_LicenseKey\n          }\n        }\n      }\n    }\n  ": types.BusinessLicenseKeysDocument,
    "\n    query BusinessOverview {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            product {\n              id\n              name\n            }\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 5) {\n            id\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  ": types.BusinessOverviewDocument,
    "\n    query BusinessPaymentMethods {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          paymentMethods {\n            id\n            isDefault\n            ...PaymentMethodItem_PaymentMethod\n          }\n        }\n      }\n    }\n  ": types.BusinessPaymentMethodsDocument,
    "\n    query Profile {\n      viewer {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  ": types.ProfileDocument,
    "\n    mutation UpdateProfile($input: UpdateProfileInput!) {\n      updateProfile(input: $input) {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  ": types.UpdateProfileDocument,
    "\n    query BusinessSubscriptions {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            createdAt\n            ...SubscriptionCard_Subscription\n          }\n        }\n      }\n    }\n  ": types.BusinessSubscriptionsDocument,
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
export function graphql(source: "\n  fragment BrandMark_Business on Business {\n    id\n    name\n    brand {\n      primaryColor\n      logoUrl\n      initials\n    }\n  }\n"): (typeof documents)["\n  fragment BrandMark_Business on Business {\n    id\n    name\n    brand {\n      primaryColor\n      logoUrl\n      initials\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RequestLoginLink($input: RequestLoginLinkInput!) {\n      requestLoginLink(input: $input) {\n        message\n      }\n    }\n  "): (typeof documents)["\n    mutation RequestLoginLink($input: RequestLoginLinkInput!) {\n      requestLoginLink(input: $input) {\n        message\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceTable_Invoice on Invoice {\n    id\n    number\n    status\n    currency\n    subtotal\n    tax\n    total\n    issuedAt\n    subscriptionId\n    pdfUrl\n    lines {\n      description\n      quantity\n      unitAmount\n      amount\n    }\n  }\n"): (typeof documents)["\n  fragment InvoiceTable_Invoice on Invoice {\n    id\n    number\n    status\n    currency\n    subtotal\n    tax\n    total\n    issuedAt\n    subscriptionId\n    pdfUrl\n    lines {\n      description\n      quantity\n      unitAmount\n      amount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LicenseKeyCard_LicenseKey on LicenseKey {\n    id\n    maskedKey\n    status\n    activationLimit\n    activationsUsed\n    expiresAt\n    product {\n      id\n      name\n    }\n    instances {\n      id\n      name\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment LicenseKeyCard_LicenseKey on LicenseKey {\n    id\n    maskedKey\n    status\n    activationLimit\n    activationsUsed\n    expiresAt\n    product {\n      id\n      name\n    }\n    instances {\n      id\n      name\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation Logout {\n      logout\n    }\n  "): (typeof documents)["\n    mutation Logout {\n      logout\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentMethodItem_PaymentMethod on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n"): (typeof documents)["\n  fragment PaymentMethodItem_PaymentMethod on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ShardDownBusiness($id: ID!) {\n      business(id: $id) {\n        id\n        name\n      }\n    }\n  "): (typeof documents)["\n    query ShardDownBusiness($id: ID!) {\n      business(id: $id) {\n        id\n        name\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionCard_Subscription on CustomerSubscription {\n    id\n    status\n    quantity\n    amount\n    currency\n    interval\n    intervalCount\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n      description\n    }\n    paymentMethod {\n      id\n      brand\n      last4\n    }\n  }\n"): (typeof documents)["\n  fragment SubscriptionCard_Subscription on CustomerSubscription {\n    id\n    status\n    quantity\n    amount\n    currency\n    interval\n    intervalCount\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n      description\n    }\n    paymentMethod {\n      id\n      brand\n      last4\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionRow_Subscription on CustomerSubscription {\n    id\n    status\n    amount\n    currency\n    interval\n    intervalCount\n    quantity\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment SubscriptionRow_Subscription on CustomerSubscription {\n    id\n    status\n    amount\n    currency\n    interval\n    intervalCount\n    quantity\n    cancelAtPeriodEnd\n    cancelledAt\n    endedAt\n    currentPeriodEnd\n    nextBillingDate\n    product {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessShell {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            supportEmail\n            brand {\n              primaryColor\n              accentColor\n            }\n            ...BrandMark_Business\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query BusinessShell {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            supportEmail\n            brand {\n              primaryColor\n              accentColor\n            }\n            ...BrandMark_Business\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionViewer on Viewer {\n    email\n    mode\n  }\n"): (typeof documents)["\n  fragment SessionViewer on Viewer {\n    email\n    mode\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LoginLinkPreview($token: String!) {\n      loginLinkPreview(token: $token) {\n        status\n        emailHint\n        mode\n        business {\n          id\n          name\n          brand {\n            primaryColor\n          }\n          ...BrandMark_Business\n        }\n      }\n    }\n  "): (typeof documents)["\n    query LoginLinkPreview($token: String!) {\n      loginLinkPreview(token: $token) {\n        status\n        emailHint\n        mode\n        business {\n          id\n          name\n          brand {\n            primaryColor\n          }\n          ...BrandMark_Business\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ExchangeLoginToken($token: String!) {\n      exchangeLoginToken(token: $token) {\n        redirectTo\n        viewer {\n          email\n          name\n          phone\n          mode\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation ExchangeLoginToken($token: String!) {\n      exchangeLoginToken(token: $token) {\n        redirectTo\n        viewer {\n          email\n          name\n          phone\n          mode\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessLogin($id: ID!) {\n      business(id: $id) {\n        id\n        name\n        brand {\n          primaryColor\n        }\n        ...BrandMark_Business\n      }\n    }\n  "): (typeof documents)["\n    query BusinessLogin($id: ID!) {\n      business(id: $id) {\n        id\n        name\n        brand {\n          primaryColor\n        }\n        ...BrandMark_Business\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Portal {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            ...BrandMark_Business\n          }\n          subscriptions {\n            id\n            status\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 20) {\n            id\n            number\n            status\n            currency\n            total\n            issuedAt\n            subscriptionId\n            pdfUrl\n          }\n          payments(first: 20) {\n            id\n            status\n            amount\n            currency\n            createdAt\n            kind\n            invoice {\n              id\n              number\n              pdfUrl\n            }\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query Portal {\n      viewer {\n        email\n        name\n        mode\n        accounts {\n          businessId\n          customerId\n          mode\n          business {\n            id\n            name\n            ...BrandMark_Business\n          }\n          subscriptions {\n            id\n            status\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 20) {\n            id\n            number\n            status\n            currency\n            total\n            issuedAt\n            subscriptionId\n            pdfUrl\n          }\n          payments(first: 20) {\n            id\n            status\n            amount\n            currency\n            createdAt\n            kind\n            invoice {\n              id\n              number\n              pdfUrl\n            }\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessInvoices($first: Int!, $before: DateTime) {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          invoices(first: $first, before: $before) {\n            id\n            issuedAt\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query BusinessInvoices($first: Int!, $before: DateTime) {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          invoices(first: $first, before: $before) {\n            id\n            issuedAt\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessLicenseKeys {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          licenseKeys {\n            id\n            ...LicenseKeyCard_LicenseKey\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query BusinessLicenseKeys {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          licenseKeys {\n            id\n            ...LicenseKeyCard_LicenseKey\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessOverview {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            product {\n              id\n              name\n            }\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 5) {\n            id\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query BusinessOverview {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            product {\n              id\n              name\n            }\n            ...SubscriptionRow_Subscription\n          }\n          invoices(first: 5) {\n            id\n            ...InvoiceTable_Invoice\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessPaymentMethods {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          paymentMethods {\n            id\n            isDefault\n            ...PaymentMethodItem_PaymentMethod\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query BusinessPaymentMethods {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          paymentMethods {\n            id\n            isDefault\n            ...PaymentMethodItem_PaymentMethod\n          }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Profile {\n      viewer {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  "): (typeof documents)["\n    query Profile {\n      viewer {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation UpdateProfile($input: UpdateProfileInput!) {\n      updateProfile(input: $input) {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  "): (typeof documents)["\n    mutation UpdateProfile($input: UpdateProfileInput!) {\n      updateProfile(input: $input) {\n        email\n        name\n        phone\n        mode\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BusinessSubscriptions {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            createdAt\n            ...SubscriptionCard_Subscription\n          }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query BusinessSubscriptions {\n      viewer {\n        accounts {\n          businessId\n          customerId\n          subscriptions {\n            id\n            status\n            createdAt\n            ...SubscriptionCard_Subscription\n          }\n        }\n      }\n    }\n  "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;