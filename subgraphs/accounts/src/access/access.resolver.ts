import type { Mode } from "@billfold/shared";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { AccountsContext } from "../shared/context.ts";
import { ModeEnum } from "../shared/mode.ts";
import { emailHint } from "./access.policy.ts";
import {
  LoginLinkPreview,
  LoginResult,
  RequestLoginLinkInput,
  RequestLoginLinkResult,
  RequestMerchantLoginLinkInput,
} from "./access.types.ts";
import { type LoginResultModel, exchangeLoginToken, logout } from "./exchange.service.ts";
import { previewLinkToken } from "./link-token.service.ts";
import { requestLoginLink, requestMerchantLoginLink } from "./login-link.service.ts";

@Resolver()
export class AccessResolver {
  @Query(() => LoginLinkPreview, { description: "What a link token is, without consuming it (for the /auth/:token page)." })
  async loginLinkPreview(@Arg("token", () => String) token: string, @Ctx() { em, loaders }: AccountsContext): Promise<LoginLinkPreview> {
    const { row, status } = await previewLinkToken(em, token);
    const business = row?.businessId ? await loaders.business.load(row.businessId) : null;
    return {
      status,
      business: business as never,
      // An email-change link goes to the new address itself: its holder may see that address.
      emailHint: row?.kind === "email_change" && status === "valid" ? row.email : emailHint(row, status),
      mode: row?.mode ?? null,
      merchant: row?.kind === "merchant",
      emailChange: row?.kind === "email_change",
    };
  }

  @Mutation(() => RequestLoginLinkResult, {
    description: "Always answers the same neutral message, whether or not the email is known. Omit businessId for the unified login.",
  })
  requestLoginLink(@Arg("input", () => RequestLoginLinkInput) input: RequestLoginLinkInput, @Ctx() ctx: AccountsContext): Promise<RequestLoginLinkResult> {
    return requestLoginLink(ctx, input);
  }

  @Mutation(() => RequestLoginLinkResult, { description: "Emails a dashboard sign-in link to a merchant user; neutral answer." })
  requestMerchantLoginLink(
    @Arg("input", () => RequestMerchantLoginLinkInput) input: RequestMerchantLoginLinkInput,
    @Ctx() ctx: AccountsContext,
  ): Promise<RequestLoginLinkResult> {
    return requestMerchantLoginLink(ctx, input);
  }

  @Mutation(() => LoginResult, {
    description:
      "Consumes a link token, starts a new session (ending the browser's previous one) and sets the session cookie. " +
      "businessId/mode: refuse a link made for another business or mode. Refusals: BAD_USER_INPUT with extensions.reason.",
  })
  exchangeLoginToken(
    @Arg("token", () => String) token: string,
    @Arg("businessId", () => ID, { nullable: true }) businessId: string | null,
    @Arg("mode", () => ModeEnum, { nullable: true }) mode: Mode | null,
    @Ctx() ctx: AccountsContext,
  ): Promise<LoginResultModel> {
    return exchangeLoginToken(ctx, token, { businessId, mode });
  }

  @Mutation(() => Boolean, { description: "Ends this browser's session on the server and clears the cookie." })
  logout(@Ctx() ctx: AccountsContext): Promise<boolean> {
    return logout(ctx);
  }
}
