import "reflect-metadata";
import { type ReferenceResolvers, buildFederatedSchema } from "@billfold/shared";
import type { GraphQLSchema } from "graphql";
import { AccessResolver } from "./access/access.resolver.ts";
import { MerchantResolver } from "./merchants/merchant.resolver.ts";
import { SessionResolver } from "./sessions/session.resolver.ts";
import { BusinessResolver } from "./businesses/business.resolver.ts";
import { resolveBusinessReference } from "./businesses/business.reference.ts";
import { CustomerAccountResolver } from "./directory/customer-account.resolver.ts";
import { resolveCustomerAccountReference } from "./directory/customer-account.reference.ts";
import { EmailChangeResolver } from "./email-change/email-change.resolver.ts";
import { ViewerResolver } from "./people/viewer.resolver.ts";
import "./shared/mode.ts";

const referenceResolvers = {
  Business: { __resolveReference: resolveBusinessReference },
  CustomerAccount: { __resolveReference: resolveCustomerAccountReference },
} as ReferenceResolvers;

/** The accounts subgraph schema; needs no database (the supergraph composer calls it). */
export function buildAccountsSchema(): Promise<{ schema: GraphQLSchema; sdl: string }> {
  return buildFederatedSchema(
    { resolvers: [ViewerResolver, EmailChangeResolver, SessionResolver, AccessResolver, MerchantResolver, BusinessResolver, CustomerAccountResolver], validate: false },
    referenceResolvers,
  );
}
