import { SandboxProcessor, deriveProcessorSecret } from "@billfold/shared/processor/index";

/** What the money operations need besides the database and the job queue. */
export interface Billing {
  processor: SandboxProcessor;
  /** The portal's public origin, for links in emails. */
  publicUrl: string;
}

export function createBilling(config: { IDENTITY_SECRET: string; PUBLIC_URL: string }): Billing {
  return { processor: new SandboxProcessor(deriveProcessorSecret(config.IDENTITY_SECRET)), publicUrl: config.PUBLIC_URL.replace(/\/$/, "") };
}
