import { z } from "zod";
import { directoryEntryInput } from "../directory/directory.inputs.ts";

export const identityRequest = z.object({ sessionToken: z.string().min(1).max(200) });

export const directoryRequest = z.object({ entries: z.array(directoryEntryInput).min(1).max(1000) });
