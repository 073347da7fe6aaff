import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("Product")
export class ProductType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { description: "one_time | subscription" })
  kind!: string;
}
