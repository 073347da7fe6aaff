import type { Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { PaymentMethod } from "./payment-method.entity.ts";

export interface PaymentMethodData {
  businessId: string;
  mode: Mode;
  customerId: string;
  /** The sandbox processor's token for the card; never a card number. */
  processorToken: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault?: boolean;
  createdAt?: Date;
}

/** Persists (does not flush) a saved card: a processor token and display details only. */
export function buildPaymentMethod(em: EntityManager, data: PaymentMethodData): PaymentMethod {
  if (!/^\d{4}$/.test(data.last4)) throw new Error("last4 must be exactly 4 digits");
  if (/^\d{12,19}$/.test(data.processorToken)) throw new Error("processorToken looks like a card number");
  return em.create(PaymentMethod, data);
}
