import type { SandboxProcessor } from "@billfold/shared/processor/index";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Invoice } from "../invoices/invoice.entity.ts";
import type { Payment } from "../payments/payment.entity.ts";
import { buildPayment } from "../payments/payment.factory.ts";

export type ChargeOutcome =
  | { ok: true; payment: Payment }
  | { ok: false; payment: Payment; declineCode: string; message: string };

export interface ChargeInvoiceInput {
  invoice: Invoice;
  /** The saved card's id, or null for a card given as a token and not saved (it was declined). */
  paymentMethodId: string | null;
  processorToken: string;
  at: Date;
  /** Set on the succeeded payment only: the unique key that guards against a second charge. */
  idempotencyKey?: string | null;
  /**
   * Sent to the processor: the same key, card and amount is the same charge there, so a request
   * retried after a crash between the charge and the commit does not charge the card again.
   * Name the attempt, not the invoice alone, where one invoice is charged again on purpose (dunning).
   */
  processorKey?: string | null;
}

/**
 * Charges an invoice's total with a card and persists (does not flush) the payment, succeeded
 * or failed: a decline is part of the books too. The invoice's status is the caller's business.
 */
export function chargeInvoice(em: EntityManager, processor: SandboxProcessor, input: ChargeInvoiceInput): ChargeOutcome {
  const { invoice } = input;
  const result = processor.charge(input.processorToken, invoice.total, invoice.currency, input.at, input.processorKey);
  const payment = buildPayment(em, {
    businessId: invoice.businessId,
    mode: invoice.mode,
    customerId: invoice.customerId,
    subscriptionId: invoice.subscriptionId ?? null,
    invoiceId: invoice.id,
    amount: invoice.total,
    currency: invoice.currency,
    status: result.status,
    failureReason: result.status === "failed" ? result.message : null,
    paymentMethodId: input.paymentMethodId,
    idempotencyKey: result.status === "succeeded" ? (input.idempotencyKey ?? null) : null,
    createdAt: input.at,
  });
  if (result.status === "succeeded") return { ok: true, payment };
  return { ok: false, payment, declineCode: result.code, message: result.message };
}
