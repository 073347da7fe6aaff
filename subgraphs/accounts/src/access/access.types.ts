import type { Mode } from "@billfold/shared";
import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { BusinessType } from "../businesses/business.type.ts";
import { MerchantType } from "../merchants/merchant.type.ts";
import { ViewerType } from "../people/viewer.type.ts";
import { ModeEnum } from "../shared/mode.ts";
import type { LinkStatus } from "./access.policy.ts";

export const LinkStatusEnum = { valid: "valid", expired: "expired", used: "used", unknown: "unknown" } as const satisfies Record<LinkStatus, LinkStatus>;
registerEnumType(LinkStatusEnum, { name: "LinkStatus", description: "What a sign-in link is, without consuming it." });

@InputType("RequestLoginLinkInput")
export class RequestLoginLinkInput {
  @Field(() => String)
  email!: string;

  @Field(() => ID, { nullable: true, description: "The business of a static link; omit for the unified login." })
  businessId?: string | null;

  @Field(() => ModeEnum, { nullable: true, description: "Default live." })
  mode?: Mode | null;
}

@InputType("RequestMerchantLoginLinkInput")
export class RequestMerchantLoginLinkInput {
  @Field(() => String)
  email!: string;
}

@ObjectType("RequestLoginLinkResult")
export class RequestLoginLinkResult {
  @Field(() => String, { description: "The same neutral sentence whether or not the email is known." })
  message!: string;
}

@ObjectType("LoginLinkPreview")
export class LoginLinkPreview {
  @Field(() => LinkStatusEnum)
  status!: LinkStatus;

  @Field(() => BusinessType, { nullable: true })
  business!: BusinessType | null;

  @Field(() => String, { nullable: true, description: "Whole address only for a valid link made for one customer, else masked (d***@example.com)." })
  emailHint!: string | null;

  @Field(() => ModeEnum, { nullable: true })
  mode!: Mode | null;

  @Field(() => Boolean, { description: "True for a merchant dashboard link." })
  merchant!: boolean;

  @Field(() => Boolean, { description: "True for a link that confirms a new profile email (use confirmEmailChange, not exchangeLoginToken)." })
  emailChange!: boolean;
}

@ObjectType("LoginResult")
export class LoginResult {
  @Field(() => ViewerType, { nullable: true, description: "The person signed in; null for a merchant dashboard session." })
  viewer!: ViewerType | null;

  @Field(() => MerchantType, { nullable: true, description: "The merchant signed in, for a dashboard link." })
  merchant!: MerchantType | null;

  @Field(() => String, { description: "Same-site path to open next: /b/{businessId}[?flow=…], / or /merchant." })
  redirectTo!: string;

  @Field(() => String, { nullable: true, description: "The merchant's page to go back to (portal sessions)." })
  returnUrl!: string | null;

  @Field(() => String, { nullable: true })
  businessName!: string | null;
}

@ObjectType("SessionInfo", { description: "A signed-in browser of the viewer." })
export class SessionInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => ModeEnum)
  mode!: Mode;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver)
  lastSeenAt!: Date;

  @Field(() => Boolean, { description: "This browser." })
  current!: boolean;
}
