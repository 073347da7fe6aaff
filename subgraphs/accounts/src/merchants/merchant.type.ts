import type { Mode } from "@billfold/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { BusinessType } from "../businesses/business.type.ts";
import { ModeEnum } from "../shared/mode.ts";

@ObjectType("Merchant", { description: "A signed-in merchant user of one business, in the mode the dashboard shows." })
export class MerchantType {
  @Field(() => String)
  email!: string;

  @Field(() => ID)
  businessId!: string;

  @Field(() => ModeEnum)
  mode!: Mode;

  @Field(() => BusinessType)
  business!: BusinessType;
}
