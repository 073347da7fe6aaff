import type { Mode } from "@billfold/shared";
import { Field, ObjectType } from "type-graphql";
import { CustomerAccountType } from "../directory/customer-account.type.ts";
import type { DirectoryAccount } from "../directory/directory.service.ts";
import { ModeEnum } from "../shared/mode.ts";

/** What the resolvers hand to `Viewer`. */
export interface ViewerModel {
  email: string;
  name: string | null;
  phone: string | null;
  mode: Mode;
  /** The session this viewer came from (marks the current one in `sessions`). */
  sessionId?: string | null;
  /** Set when the session sees one business only (merchant-made links). */
  businessScope?: string | null;
  /**
   * The directory's accounts of this email and mode as the session's identity carries them
   * (already narrowed to businessScope): exactly the accounts the shards will serve this caller.
   */
  accounts: DirectoryAccount[];
}

@ObjectType("Viewer", { description: "The signed-in person, in the mode of their session." })
export class ViewerType {
  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => ModeEnum)
  mode!: Mode;

  @Field(() => [CustomerAccountType], { description: "Every customer account of this email in this mode." })
  accounts!: CustomerAccountType[];
}
