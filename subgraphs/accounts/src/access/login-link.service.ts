import type { Mode } from "@billfold/shared";
import { badInput, notFound } from "@billfold/shared";
import { z } from "zod";
import type { AccountsContext } from "../shared/context.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { LOGIN_LINK_QUEUE, type LoginLinkJob } from "./login-link.job.ts";

const emailInput = z.email().max(320);

export interface RequestLoginLinkArgs {
  email: string;
  businessId?: string | null;
  mode?: Mode | null;
}

export function validEmail(raw: string): string {
  const email = normalizeEmail(raw);
  if (!emailInput.safeParse(email).success) throw badInput("Enter a valid email address, like name@example.com.", { field: "email" });
  return email;
}

/**
 * The same work and the same answer whether or not the email is known: validate, count against
 * the limits, enqueue a job in one transaction, answer. The job looks the email up and sends.
 */
export async function requestLoginLink(ctx: AccountsContext, input: RequestLoginLinkArgs): Promise<{ message: string }> {
  const email = validEmail(input.email);
  const mode = input.mode ?? "live";
  const business = input.businessId ? await ctx.loaders.business.load(input.businessId) : null;
  if (input.businessId && !business) throw notFound("This business");
  await ctx.services.limits.linkRequest(email, ctx.client.ip);
  const job: LoginLinkJob = business ? { kind: "static", email, businessId: business.id, mode } : { kind: "unified", email, mode };
  await ctx.em.transactional((tx) => ctx.services.jobs.send(tx, LOGIN_LINK_QUEUE, job));
  return {
    message: business
      ? `If that email has purchases at ${business.name}, a link is on its way.`
      : "If that email has purchases at any business on Billfold, a link is on its way.",
  };
}

/** Merchant dashboard sign-in: same neutral answer and the same constant work. */
export async function requestMerchantLoginLink(ctx: AccountsContext, input: { email: string }): Promise<{ message: string }> {
  const email = validEmail(input.email);
  await ctx.services.limits.linkRequest(email, ctx.client.ip);
  const job: LoginLinkJob = { kind: "merchant", email, mode: "test" };
  await ctx.em.transactional((tx) => ctx.services.jobs.send(tx, LOGIN_LINK_QUEUE, job));
  return { message: "If that email belongs to a merchant account, a link is on its way." };
}
