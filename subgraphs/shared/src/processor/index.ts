import { createHmac } from "node:crypto";

export * from "./card.util.ts";
export * from "./sandbox-processor.ts";

/** The processor signs its card tokens with a key of its own, derived from the deployment's secret. */
export function deriveProcessorSecret(identitySecret: string): string {
  return createHmac("sha256", identitySecret).update("billfold/sandbox-processor").digest("base64url");
}
