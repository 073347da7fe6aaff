import { SandboxProcessor, deriveProcessorSecret } from "@billfold/shared/processor/index";

/** What the money operations need besides the database and the job queue. */
export interface Billing {
  processor: SandboxProcessor;
  /** The portal's public origin, for links in emails. */
  publicUrl: string;
  /** Test-only fault injection: waited between a reactivation's charge and its commit. */
  pauseAfterChargeMs?: number;
}

export function createBilling(config: { IDENTITY_SECRET: string; PUBLIC_URL: string; NODE_ENV?: string; BILLFOLD_TEST_PAUSE_AFTER_CHARGE_MS?: number }): Billing {
  return {
    processor: new SandboxProcessor(deriveProcessorSecret(config.IDENTITY_SECRET)),
    publicUrl: config.PUBLIC_URL.replace(/\/$/, ""),
    // Never in development or production, whatever the environment says.
    pauseAfterChargeMs: config.NODE_ENV === "test" ? config.BILLFOLD_TEST_PAUSE_AFTER_CHARGE_MS : undefined,
  };
}

/** The injected pause of a test run (a no-op otherwise). */
export async function pauseAfterCharge(billing: Billing): Promise<void> {
  if (!billing.pauseAfterChargeMs) return;
  // The durability test waits for this line before it kills the process.
  process.stderr.write(`billfold-test: paused after charge for ${billing.pauseAfterChargeMs} ms\n`);
  await new Promise((resolve) => setTimeout(resolve, billing.pauseAfterChargeMs));
}
