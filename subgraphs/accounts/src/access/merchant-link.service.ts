import type { EntityManager } from "@mikro-orm/postgresql";
import { badInput, forbidden } from "@billfold/shared";
import { z } from "zod";
import { Business } from "../businesses/business.entity.ts";
import { queueEmail } from "../email/email.service.ts";
import { inviteEmail } from "../email/email.templates.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { PORTAL_FLOWS, acceptableReturnUrl } from "./access.policy.ts";
import { createLinkToken } from "./link-token.service.ts";

export const merchantLinkRequest = z.object({
  kind: z.enum(["invite", "portal"]),
  businessId: z.string().min(1).max(40),
  customerId: z.string().min(1).max(40),
  email: z.email().max(320),
  mode: z.enum(["test", "live"]),
  returnUrl: z.string().max(2000).nullish(),
  flow: z.enum(PORTAL_FLOWS).nullish(),
  subscriptionId: z.string().min(1).max(40).nullish(),
  sendEmail: z.boolean().default(false),
  ttlSeconds: z.number().int().positive().max(86_400).nullish(),
});
export type MerchantLinkRequest = z.input<typeof merchantLinkRequest>;

/**
 * A single-use link for one customer of one business, made by that business's shard
 * (merchant "Share invite" or the portal session API); optionally emailed to the customer.
 */
export async function createMerchantLink(
  em: EntityManager,
  deps: { jobs: JobQueue; publicUrl: string; callerService: string },
  raw: MerchantLinkRequest,
  now = new Date(),
): Promise<{ link: string; expiresAt: string }> {
  const input = merchantLinkRequest.parse(raw);
  const returnUrl = input.returnUrl ? acceptableReturnUrl(input.returnUrl) : null;
  if (input.returnUrl && !returnUrl) throw badInput("returnUrl must be an https URL (http only for localhost).", { field: "returnUrl" });
  if (input.kind === "invite" && (input.ttlSeconds || input.flow || input.returnUrl)) {
    throw badInput("An invite link lasts 24 hours and opens the portal home: ttlSeconds, flow and returnUrl are for portal sessions.");
  }
  return em.transactional(async (tx) => {
    const business = await tx.findOne(Business, { id: input.businessId });
    if (!business) throw badInput(`Unknown business: ${input.businessId}.`);
    if (business.shard !== deps.callerService) throw forbidden("Only the shard serving this business may make its links.");
    const { link, row } = createLinkToken(
      tx,
      deps.publicUrl,
      {
        kind: input.kind,
        email: normalizeEmail(input.email),
        mode: input.mode,
        businessId: business.id,
        customerId: input.customerId,
        returnUrl,
        flow: input.flow ?? null,
        subscriptionId: input.flow === "cancel_subscription" ? (input.subscriptionId ?? null) : null,
        ttlSeconds: input.ttlSeconds,
      },
      now,
    );
    await tx.flush();
    if (input.sendEmail) {
      const validity =
        input.kind === "invite" ? "The link works once and expires in 24 hours." : `The link works once and expires at ${row.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`;
      const brand = { name: business.name, primaryColor: business.brand.primaryColor, supportEmail: business.supportEmail };
      await queueEmail(tx, deps.jobs, row.email, inviteEmail(brand, link, validity, input.mode === "test"), business.id);
    }
    return { link, expiresAt: row.expiresAt.toISOString() };
  });
}
