import { Field, ID, ObjectType } from "type-graphql";

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
