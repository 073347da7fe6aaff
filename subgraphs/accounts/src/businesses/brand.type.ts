import { Field, ObjectType } from "type-graphql";

@ObjectType("Brand", { description: "How a business looks in the portal." })
export class BrandType {
  @Field(() => String)
  primaryColor!: string;

  @Field(() => String)
  accentColor!: string;

  @Field(() => String, { nullable: true })
  logoUrl!: string | null;

  @Field(() => String, { description: "Letters for the avatar when there is no logo." })
  initials!: string;
}
