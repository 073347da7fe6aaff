import { Field, InputType } from "type-graphql";

@InputType("UpdateProfileInput", { description: "Omitted fields stay as they are; null clears." })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: "1–100 characters." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "International format (E.164), e.g. +14155550123." })
  phone?: string | null;
}
