import { z } from "zod";

export const PRORATION_MODES = ["prorated_immediately", "full_immediately", "difference_immediately", "do_not_bill"] as const;
export type ProrationMode = (typeof PRORATION_MODES)[number];

// Names the first draft of the settings used; rows written then still read.
const LEGACY_PRORATION: Record<string, ProrationMode> = { prorate: "prorated_immediately", always_invoice: "full_immediately", none: "do_not_bill" };

/** One validated settings object per shop+mode; missing keys take the defaults. */
export const shopSettingsSchema = z.object({
  allowCancel: z.boolean().default(true),
  cancelImmediatelyAllowed: z.boolean().default(false),
  planChanges: z.enum(["none", "upgrade_only", "any"]).default("any"),
  prorationMode: z.preprocess((value) => (typeof value === "string" ? LEGACY_PRORATION[value] ?? value : value), z.enum(PRORATION_MODES)).default("prorated_immediately"),
  /** Days after a failed renewal on which the charge is retried; after the last one the subscription fails. */
  dunningDays: z
    .array(z.number().int().min(1).max(60))
    .max(10)
    .refine((days) => days.every((day, i) => i === 0 || day > days[i - 1]), "dunningDays must increase")
    .default([3, 5, 7]),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export function parseShopSettings(value: unknown): ShopSettings {
  return shopSettingsSchema.parse(value ?? {});
}
