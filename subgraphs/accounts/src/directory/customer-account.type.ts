import type { Mode } from "@billfold/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { BusinessType } from "../businesses/business.type.ts";
import { ModeEnum } from "../shared/mode.ts";

@ObjectType("CustomerAccount", { description: "A person's customer account at one business." })
@Directive('@key(fields: "businessId customerId")')
export class CustomerAccountType {
  @Field(() => ID)
  businessId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => ModeEnum)
  mode!: Mode;

  @Field(() => BusinessType, { description: "Answered by accounts, so a page can name a business even when its shard is down." })
  business!: BusinessType;
}
