import { Field, ID, Int, ObjectType } from "type-graphql";
import type { PaymentMethod } from "./payment-method.entity.ts";

/** Display details of a saved card; the processor token stays on the entity. */
@ObjectType("PaymentMethod")
export class PaymentMethodType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  brand!: string;

  @Field(() => String)
  last4!: string;

  @Field(() => Int)
  expMonth!: number;

  @Field(() => Int)
  expYear!: number;

  @Field(() => Boolean)
  isDefault!: boolean;

  static from(method: PaymentMethod): PaymentMethodType {
    return Object.assign(new PaymentMethodType(), {
      id: method.id,
      brand: method.brand,
      last4: method.last4,
      expMonth: method.expMonth,
      expYear: method.expYear,
      isDefault: method.isDefault,
    });
  }
}
