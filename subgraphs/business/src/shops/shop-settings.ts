import { z } from "zod";

/** One validated settings object per shop+mode; missing keys take the defaults. */
export const shopSettingsSchema = z.object({
  allowCancel: z.boolean().default(true),
  cancelImmediatelyAllowed: z.boolean().default(false),
  planChanges: z.enum(["none", "upgrade_only", "any"]).default("any"),
  prorationMode: z.enum(["none", "prorate", "always_invoice"]).default("prorate"),
});

export type ShopSettings = z.infer<typeof shopSettingsSchema>;

export function parseShopSettings(value: unknown): ShopSettings {
  return shopSettingsSchema.parse(value ?? {});
}
