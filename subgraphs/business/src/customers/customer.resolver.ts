import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { BusinessContext } from "../shared/context.ts";
import { connectionType } from "../shared/connection.ts";
import { merchantScope } from "../shared/merchant-scope.ts";
import type { Page } from "../shared/pagination.ts";
import { CreateCustomerInputType } from "./customer.inputs.ts";
import { createCustomer, getCustomerOrThrow, listCustomers } from "./customer.service.ts";
import { CustomerType } from "./customer.type.ts";

export const CustomerConnection = connectionType("CustomerConnection", CustomerType);

@ArgsType()
class CustomersArgs {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Merchant root fields: the caller's business and mode only. */
@Resolver(() => CustomerType)
export class CustomerResolver {
  @Query(() => CustomerConnection)
  @Directive("@inaccessible")
  customers(@Args(() => CustomersArgs) args: CustomersArgs, @Ctx() ctx: BusinessContext): Promise<Page<CustomerType>> {
    return listCustomers(ctx.em, merchantScope(ctx), args);
  }

  @Query(() => CustomerType, { nullable: true })
  @Directive("@inaccessible")
  customer(@Arg("id", () => ID) id: string, @Ctx() ctx: BusinessContext): Promise<CustomerType> {
    return getCustomerOrThrow(ctx.em, merchantScope(ctx), id);
  }

  @Mutation(() => CustomerType)
  @Directive("@inaccessible")
  createCustomer(@Arg("input", () => CreateCustomerInputType) input: CreateCustomerInputType, @Ctx() ctx: BusinessContext): Promise<CustomerType> {
    return createCustomer(ctx.em, ctx.jobs, { ...merchantScope(ctx), ...input });
  }
}
