import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { RequestLoginLinkResult } from "../access/access.types.ts";
import { type ViewerModel, ViewerType } from "../people/viewer.type.ts";
import type { AccountsContext } from "../shared/context.ts";
import { type EmailChangeResult as EmailChangeModel, confirmEmailChange, pendingEmail, requestEmailChange } from "./email-change.service.ts";
import { EmailChangeResult } from "./email-change.types.ts";

@Resolver(() => ViewerType)
export class EmailChangeResolver {
  @Mutation(() => RequestLoginLinkResult, {
    description: "Signed-in person: emails a confirmation link to the new address (and a notice to the current one). Nothing changes until it is confirmed.",
  })
  requestEmailChange(@Arg("newEmail", () => String) newEmail: string, @Ctx() ctx: AccountsContext): Promise<RequestLoginLinkResult> {
    return requestEmailChange(ctx, newEmail);
  }

  @Mutation(() => EmailChangeResult, {
    description: "Consumes an email-change link and applies the change (profile, accounts, sessions; the businesses follow). Refusals: BAD_USER_INPUT with extensions.reason.",
  })
  confirmEmailChange(@Arg("token", () => String) token: string, @Ctx() ctx: AccountsContext): Promise<EmailChangeModel> {
    return confirmEmailChange(ctx, token);
  }

  @FieldResolver(() => String, { nullable: true, description: "A new email waiting for confirmation from its inbox." })
  pendingEmail(@Root() viewer: ViewerModel, @Ctx() { em }: AccountsContext): Promise<string | null> {
    return pendingEmail(em, viewer.email, viewer.mode);
  }
}
