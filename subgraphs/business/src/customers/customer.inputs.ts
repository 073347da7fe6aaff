import { Directive, Field, InputType } from "type-graphql";

@InputType("CreateCustomerInput")
@Directive("@inaccessible")
export class CreateCustomerInputType {
  @Field(() => String)
  email!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}
