import { Field, ID, Int, ObjectType } from "type-graphql";
import type { PaymentMethod } from "./payment-method.entity.ts";

/** What PaymentMethodType reads of a card: the entity or a plain row of it (never the token). */
export const PAYMENT_METHOD_FIELDS = ["id", "brand", "last4", "expMonth", "expYear", "isDefault"] as const satisfies readonly (keyof PaymentMethod)[];
export type PaymentMethodFields = Pick<PaymentMethod, (typeof PAYMENT_METHOD_FIELDS)[number]>;

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

  static from(method: PaymentMethodFields): PaymentMethodType {
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
