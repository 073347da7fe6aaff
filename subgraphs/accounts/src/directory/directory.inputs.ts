import { z } from "zod";
import { MODE_VALUES } from "../shared/mode.ts";

const id = z.string().trim().min(1).max(40);

export const directoryEntryInput = z.object({
  email: z.email().max(320),
  businessId: id,
  customerId: id,
  mode: z.enum(MODE_VALUES),
  /** The customer's email before a change: the entry moves from it to `email`. */
  previousEmail: z.email().max(320).optional(),
});
export type DirectoryEntryInput = z.input<typeof directoryEntryInput>;

export const directoryEntriesInput = z.array(directoryEntryInput).max(1000);
