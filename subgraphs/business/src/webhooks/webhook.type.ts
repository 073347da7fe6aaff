import { DateTimeResolver } from "graphql-scalars";
import { Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { WebhookDelivery } from "./webhook-delivery.entity.ts";
import type { WebhookEndpoint } from "./webhook-endpoint.entity.ts";

/** An endpoint as the merchant sees it: never its secret. */
@ObjectType("WebhookEndpoint")
@Directive("@inaccessible")
export class WebhookEndpointType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [String], { description: "Event types delivered here, e.g. payment.succeeded." })
  eventTypes!: string[];

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  static from(endpoint: WebhookEndpoint): WebhookEndpointType {
    const { id, url, eventTypes, active, createdAt } = endpoint;
    return Object.assign(new WebhookEndpointType(), { id, url, eventTypes: [...eventTypes], active, createdAt });
  }
}

@ObjectType("CreatedWebhookEndpoint")
@Directive("@inaccessible")
export class CreatedWebhookEndpointType {
  @Field(() => WebhookEndpointType)
  endpoint!: WebhookEndpointType;

  @Field(() => String, { description: "The whsec_… signing secret. Shown only now: store it." })
  secret!: string;
}

/** One delivery attempt in the endpoint's log. */
@ObjectType("WebhookDelivery")
@Directive("@inaccessible")
export class WebhookDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  eventId!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => String, { description: "The event's type, e.g. payment.succeeded." })
  eventType!: string;

  @Field(() => Int)
  attempt!: number;

  @Field(() => String, { description: "pending, succeeded or failed." })
  status!: string;

  @Field(() => Int, { nullable: true })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true, description: "The first KB of the answer, or why there was none." })
  responseBody!: string | null;

  @Field(() => Int, { nullable: true })
  durationMs!: number | null;

  @Field(() => DateTimeResolver, { nullable: true })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  static from(delivery: WebhookDelivery, eventType: string): WebhookDeliveryType {
    const { id, eventId, endpointId, attempt, status, createdAt } = delivery;
    return Object.assign(new WebhookDeliveryType(), {
      id, eventId, endpointId, eventType, attempt, status, createdAt,
      responseStatus: delivery.responseStatus ?? null,
      responseBody: delivery.responseBody ?? null,
      durationMs: delivery.durationMs ?? null,
      nextAttemptAt: delivery.nextAttemptAt ?? null,
    });
  }
}

@InputType("CreateWebhookEndpointInput")
@Directive("@inaccessible")
export class CreateWebhookEndpointInput {
  @Field(() => String)
  url!: string;

  @Field(() => [String])
  eventTypes!: string[];
}

@InputType("UpdateWebhookEndpointInput")
@Directive("@inaccessible")
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [String], { nullable: true })
  eventTypes?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
