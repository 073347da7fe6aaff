import { Field, ID, ObjectType } from "type-graphql";
import type { Product } from "./product.entity.ts";

/** What ProductType reads of a product. */
export const PRODUCT_FIELDS = ["id", "name", "description", "kind"] as const satisfies readonly (keyof Product)[];

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
