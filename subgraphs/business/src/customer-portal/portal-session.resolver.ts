import { DateTimeResolver } from "graphql-scalars";
import { Arg, Ctx, Directive, Field, ID, Mutation, ObjectType, Resolver, registerEnumType } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import type { PortalFlow, PortalLink } from "./accounts-links.client.ts";
import { createInviteLink, createPortalSession } from "./portal-session.service.ts";

const PortalFlowEnum = { cancel_subscription: "cancel_subscription", update_payment_method: "update_payment_method" } as const;
registerEnumType(PortalFlowEnum, { name: "PortalFlow", description: "One action a portal link opens straight into." });

@ObjectType("PortalSession", { description: "A single-use link into one customer's portal: {PUBLIC_URL}/auth/{token}." })
export class PortalSessionType {
  @Field(() => String)
  link!: string;

  @Field(() => DateTimeResolver)
  expiresAt!: Date;
}

const toType = (link: PortalLink): PortalSessionType => ({ link: link.link, expiresAt: new Date(link.expiresAt) });

/** Merchant root fields (API key or dashboard): links for the caller's own customers, in the caller's mode. */
@Resolver()
export class PortalSessionResolver {
  @Mutation(() => PortalSessionType, { description: "A time-limited portal link (1 hour) for one customer; optionally emailed to them." })
  @Directive("@inaccessible")
  async createCustomerPortalSession(
    @Arg("customerId", () => ID) customerId: string,
    @Arg("sendEmail", () => Boolean, { defaultValue: false }) sendEmail: boolean,
    @Arg("returnUrl", () => String, { nullable: true }) returnUrl: string | null,
    @Arg("flow", () => PortalFlowEnum, { nullable: true }) flow: PortalFlow | null,
    @Arg("subscriptionId", () => ID, { nullable: true }) subscriptionId: string | null,
    @Ctx() ctx: BusinessContext,
  ): Promise<PortalSessionType> {
    return toType(await createPortalSession(ctx.em, ctx.links, merchantScope(ctx), { customerId, sendEmail, returnUrl, flow, subscriptionId }));
  }

  @Mutation(() => PortalSessionType, { description: "The \"Share invite\" link: single use, 24 hours, no email typing." })
  @Directive("@inaccessible")
  async createCustomerInviteLink(@Arg("customerId", () => ID) customerId: string, @Ctx() ctx: BusinessContext): Promise<PortalSessionType> {
    return toType(await createInviteLink(ctx.em, ctx.links, merchantScope(ctx), customerId));
  }
}
