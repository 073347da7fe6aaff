import { Field, ID, ObjectType } from "type-graphql";
import type { Customer } from "./customer.entity.ts";

/** What CustomerType reads of a customer. */
export const CUSTOMER_FIELDS = ["id", "email", "name", "phone"] as const satisfies readonly (keyof Customer)[];

@ObjectType("Customer")
export class CustomerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
