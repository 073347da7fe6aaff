import { DateTimeResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { CustomerType } from "../customers/customer.type.ts";
import { InvoiceType } from "../invoices/invoice.type.ts";
import { LicenseKeyType } from "../licenses/license-key.type.ts";
import { PaymentMethodType } from "../payment-methods/payment-method.type.ts";
import { PaymentType } from "../payments/payment.type.ts";
import type { BusinessContext } from "../shared/context.ts";
import { checkFirst } from "../shared/limits.ts";
import { SubscriptionType } from "../subscriptions/subscription.type.ts";
import { CustomerAccountType } from "./customer-account.type.ts";

/**
 * The root was authorised by the reference resolver; every field is one batched load. The
 * lists are nullable on purpose: when this shard is down the gateway nulls them, and a
 * non-null list would null the whole account, then the viewer, hiding every other business.
 */
@Resolver(() => CustomerAccountType)
export class CustomerAccountResolver {
  @FieldResolver(() => CustomerType, { nullable: true })
  customer(@Root() account: CustomerAccountType, @Ctx() ctx: BusinessContext): Promise<CustomerType | null> {
    return ctx.accounts.customer(account);
  }

  @FieldResolver(() => [SubscriptionType], { nullable: true })
  subscriptions(@Root() account: CustomerAccountType, @Ctx() ctx: BusinessContext): Promise<SubscriptionType[]> {
    return ctx.accounts.subscriptions(account);
  }

  @FieldResolver(() => [InvoiceType], { nullable: true })
  async invoices(
    @Root() account: CustomerAccountType,
    @Ctx() ctx: BusinessContext,
    @Arg("before", () => DateTimeResolver, { nullable: true }) before: Date | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<InvoiceType[]> {
    const rows = await ctx.accounts.invoices(account, checkFirst(first ?? 20), before ?? null);
    return rows.map(InvoiceType.from);
  }

  @FieldResolver(() => [PaymentType], { nullable: true })
  async payments(
    @Root() account: CustomerAccountType,
    @Ctx() ctx: BusinessContext,
    @Arg("before", () => DateTimeResolver, { nullable: true }) before: Date | null | undefined,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<PaymentType[]> {
    const rows = await ctx.accounts.payments(account, checkFirst(first ?? 20), before ?? null);
    return rows.map(PaymentType.from);
  }

  @FieldResolver(() => [PaymentMethodType], { nullable: true })
  async paymentMethods(@Root() account: CustomerAccountType, @Ctx() ctx: BusinessContext): Promise<PaymentMethodType[]> {
    return (await ctx.accounts.paymentMethods(account)).map(PaymentMethodType.from);
  }

  @FieldResolver(() => [LicenseKeyType], { nullable: true })
  async licenseKeys(@Root() account: CustomerAccountType, @Ctx() ctx: BusinessContext): Promise<LicenseKeyType[]> {
    return (await ctx.accounts.licenseKeys(account)).map(LicenseKeyType.from);
  }
}
