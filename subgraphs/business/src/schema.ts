import { buildFederatedSchema, type ReferenceResolvers } from "@billfold/shared";
import type { GraphQLSchema } from "graphql";
import { customerAccountReferenceResolvers } from "./accounts/customer-account.reference.ts";
import { ApiKeyResolver } from "./api-keys/api-key.resolver.ts";
import { CustomerAccountResolver } from "./accounts/customer-account.resolver.ts";
import { CustomerAccountType } from "./accounts/customer-account.type.ts";
import { PortalSessionResolver } from "./customer-portal/portal-session.resolver.ts";
import { CustomerResolver } from "./customers/customer.resolver.ts";
import { InvoiceResolver } from "./invoices/invoice.resolver.ts";
import { LicenseApiResolver } from "./licenses/license-api.resolver.ts";
import { LicenseKeyFieldsResolver } from "./licenses/license-key-fields.resolver.ts";
import { LicenseKeyResolver } from "./licenses/license-key.resolver.ts";
import { PaymentFieldsResolver } from "./payments/payment-fields.resolver.ts";
import { SubscriptionFieldsResolver } from "./subscriptions/subscription-fields.resolver.ts";
import { SubscriptionResolver } from "./subscriptions/subscription.resolver.ts";
import { WebhookResolver } from "./webhooks/webhook.resolver.ts";
import { TestClockResolver } from "./billing/test-clock.resolver.ts";
import { PaymentMethodResolver } from "./payment-methods/payment-method.resolver.ts";
import { CustomerSubscriptionResolver } from "./subscriptions/customer-subscription.resolver.ts";

/** The business subgraph's schema and SDL (no database needed: resolvers read the context). */
export async function buildBusinessSchema(): Promise<{ schema: GraphQLSchema; sdl: string }> {
  return buildFederatedSchema(
    {
      resolvers: [
        CustomerAccountResolver,
        CustomerResolver,
        PortalSessionResolver,
        SubscriptionResolver,
        SubscriptionFieldsResolver,
        InvoiceResolver,
        PaymentFieldsResolver,
        LicenseKeyResolver,
        LicenseKeyFieldsResolver,
        LicenseApiResolver,
        ApiKeyResolver,
        WebhookResolver,
        PaymentMethodResolver,
        CustomerSubscriptionResolver,
        TestClockResolver,
      ],
      // Reachable only through `_entities`: type-graphql would otherwise leave them out.
      orphanedTypes: [CustomerAccountType],
      validate: false,
    },
    customerAccountReferenceResolvers as unknown as ReferenceResolvers,
  );
}
