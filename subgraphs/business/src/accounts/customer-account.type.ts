import type { Mode } from "@billfold/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A person's account at one business. accounts owns the entity (and its `mode` and `business`
 * fields); this shard adds the commerce fields.
 */
@ObjectType("CustomerAccount")
@Directive('@key(fields: "businessId customerId")')
export class CustomerAccountType {
  @Field(() => ID)
  businessId!: string;

  @Field(() => ID)
  customerId!: string;

  /** The caller's mode: the representation carries only businessId and customerId. */
  mode!: Mode;
}
