import { Directive, Field, ID, ObjectType } from "type-graphql";
import { BrandType } from "./brand.type.ts";

@ObjectType("Business", { description: "Public face of a business: name and branding." })
@Directive('@key(fields: "id")')
export class BusinessType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  supportEmail!: string;

  @Field(() => BrandType)
  brand!: BrandType;
}
