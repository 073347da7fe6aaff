import { DateTimeResolver } from "graphql-scalars";
import { Arg, Ctx, Directive, Field, ID, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { billingOf } from "../shared/customer-scope.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import { advanceTestClock } from "./test-clock.service.ts";

@ObjectType("TestClock")
@Directive("@inaccessible")
export class TestClockType {
  @Field(() => ID) businessId!: string;
  @Field(() => DateTimeResolver) now!: Date;
  @Field(() => Int, { description: "Renewals (and recovered retries) paid while the clock moved." }) renewed!: number;
  @Field(() => Int, { description: "Subscriptions whose renewal failed and went on hold." }) putOnHold!: number;
}

/** Merchant endpoint, test keys only. */
@Resolver()
export class TestClockResolver {
  @Mutation(() => TestClockType, { description: "Moves the business's test-mode clock forward and runs the renewals due by then." })
  @Directive("@inaccessible")
  advanceTestClock(@Arg("to", () => DateTimeResolver) to: Date, @Ctx() ctx: BusinessContext): Promise<TestClockType> {
    return advanceTestClock(ctx.em, { jobs: ctx.jobs, billing: billingOf(ctx) }, merchantScope(ctx), to);
  }
}
