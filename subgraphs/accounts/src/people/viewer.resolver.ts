import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { CustomerAccountType } from "../directory/customer-account.type.ts";
import type { DirectoryAccount } from "../directory/directory.service.ts";
import type { AccountsContext } from "../shared/context.ts";
import { UpdateProfileInput } from "./profile.inputs.ts";
import { updateProfile, viewerFor } from "./profile.service.ts";
import { type ViewerModel, ViewerType } from "./viewer.type.ts";

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: "The signed-in person; null when no session." })
  viewer(@Ctx() { em, identity }: AccountsContext): Promise<ViewerModel | null> {
    return viewerFor(em, identity);
  }

  @Mutation(() => ViewerType)
  updateProfile(@Arg("input", () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() { em, identity }: AccountsContext): Promise<ViewerModel> {
    return updateProfile(em, identity, { name: input.name, phone: input.phone });
  }

  @FieldResolver(() => [CustomerAccountType])
  accounts(@Root() viewer: ViewerModel): DirectoryAccount[] {
    return viewer.accounts;
  }
}
