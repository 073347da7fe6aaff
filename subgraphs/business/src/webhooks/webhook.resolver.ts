import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { connectionType } from "../shared/connection.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import { type Page, mapPage } from "../shared/pagination.ts";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookEvent,
  updateWebhookEndpoint,
} from "./webhook-endpoint.service.ts";
import { WEBHOOK_EVENT_TYPES } from "./webhook-event-type.ts";
import type { WebhookUrlPolicy } from "./webhook-url.util.ts";
import {
  CreateWebhookEndpointInput,
  CreatedWebhookEndpointType,
  UpdateWebhookEndpointInput,
  WebhookDeliveryType,
  WebhookEndpointType,
} from "./webhook.type.ts";

const urlPolicy = (ctx: BusinessContext): WebhookUrlPolicy => ctx.webhookUrlPolicy ?? { allowPrivate: false };

export const WebhookDeliveryConnection = connectionType("WebhookDeliveryConnection", WebhookDeliveryType);

@ArgsType()
class WebhookDeliveriesArgs {
  @Field(() => ID)
  endpointId!: string;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Merchant webhook management: the caller's business and mode only. */
@Resolver(() => WebhookEndpointType)
export class WebhookResolver {
  @Query(() => [WebhookEndpointType])
  @Directive("@inaccessible")
  async webhookEndpoints(@Ctx() ctx: BusinessContext): Promise<WebhookEndpointType[]> {
    return (await listWebhookEndpoints(ctx.em, merchantScope(ctx))).map(WebhookEndpointType.from);
  }

  @Query(() => [String], { description: "Every event type an endpoint can subscribe to." })
  @Directive("@inaccessible")
  webhookEventTypes(@Ctx() ctx: BusinessContext): string[] {
    merchantScope(ctx);
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Query(() => WebhookDeliveryConnection)
  @Directive("@inaccessible")
  async webhookDeliveries(@Args(() => WebhookDeliveriesArgs) args: WebhookDeliveriesArgs, @Ctx() ctx: BusinessContext): Promise<Page<WebhookDeliveryType>> {
    const { page, eventTypes } = await listWebhookDeliveries(ctx.em, merchantScope(ctx), args.endpointId, args);
    return mapPage(page, (delivery) => WebhookDeliveryType.from(delivery, eventTypes.get(delivery.eventId) ?? ""));
  }

  @Mutation(() => CreatedWebhookEndpointType, { description: "The secret is in this answer only." })
  @Directive("@inaccessible")
  async createWebhookEndpoint(
    @Arg("input", () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: BusinessContext,
  ): Promise<CreatedWebhookEndpointType> {
    const { endpoint, secret } = await createWebhookEndpoint(ctx.em, merchantScope(ctx), input, urlPolicy(ctx));
    return Object.assign(new CreatedWebhookEndpointType(), { endpoint: WebhookEndpointType.from(endpoint), secret });
  }

  @Mutation(() => WebhookEndpointType)
  @Directive("@inaccessible")
  async updateWebhookEndpoint(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: BusinessContext,
  ): Promise<WebhookEndpointType> {
    return WebhookEndpointType.from(await updateWebhookEndpoint(ctx.em, merchantScope(ctx), id, input, urlPolicy(ctx)));
  }

  @Mutation(() => Boolean)
  @Directive("@inaccessible")
  deleteWebhookEndpoint(@Arg("id", () => ID) id: string, @Ctx() ctx: BusinessContext): Promise<boolean> {
    return deleteWebhookEndpoint(ctx.em, merchantScope(ctx), id);
  }

  @Mutation(() => WebhookDeliveryType, { description: "Sends the event to the endpoint once more, now." })
  @Directive("@inaccessible")
  async resendWebhookEvent(
    @Arg("eventId", () => ID) eventId: string,
    @Arg("endpointId", () => ID) endpointId: string,
    @Ctx() ctx: BusinessContext,
  ): Promise<WebhookDeliveryType> {
    const { delivery, eventType } = await resendWebhookEvent(ctx.em, ctx.jobs, merchantScope(ctx), eventId, endpointId);
    return WebhookDeliveryType.from(delivery, eventType);
  }
}
