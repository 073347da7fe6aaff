import type { EntityManager, RequiredEntityData } from "@mikro-orm/postgresql";
import { Payment } from "./payment.entity.ts";
import { Refund, type RefundStatus } from "./refund.entity.ts";

/** Persists (does not flush) a payment. */
export function buildPayment(em: EntityManager, data: RequiredEntityData<Payment>): Payment {
  return em.create(Payment, data);
}

/** Persists (does not flush) a refund of (part of) a payment, in the payment's currency. */
export function buildRefund(
  em: EntityManager,
  payment: Payment,
  data: { amount: number; status: RefundStatus; reason?: string | null; createdAt?: Date },
): Refund {
  if (data.amount <= 0 || data.amount > payment.amount) throw new Error("A refund must be between 1 and the payment's amount");
  return em.create(Refund, { ...data, businessId: payment.businessId, mode: payment.mode, paymentId: payment.id, currency: payment.currency });
}
