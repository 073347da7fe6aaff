import { z } from "zod";
import { directoryEntryInput } from "../directory/directory.inputs.ts";

export const identityRequest = z.object({ sessionToken: z.string().min(1).max(200) });

export const directoryRequest = z.object({ entries: z.array(directoryEntryInput).min(1).max(1000) });

/** Emails from a business shard to its customers (stored in the dev mailbox, sent over SMTP). */
export const emailsRequest = z.object({
  messages: z
    .array(
      z.object({
        id: z.string().regex(/^eml_[0-9a-z]{8,34}$/, "id must look like eml_…"),
        to: z.email().max(320),
        subject: z.string().min(1).max(300),
        text: z.string().max(200_000),
        html: z.string().max(500_000),
        businessId: z.string().min(1).max(40),
      }),
    )
    .min(1)
    .max(100),
});
