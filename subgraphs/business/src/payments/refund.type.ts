import { DateTimeResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType("Refund")
export class RefundType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  amount!: number;

  @Field(() => String)
  currency!: string;

  @Field(() => String)
  status!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}
