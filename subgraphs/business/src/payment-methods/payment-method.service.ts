import { AppError, badInput, notFound } from "@billfold/shared";
import type { SandboxProcessor } from "@billfold/shared/processor/index";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { CustomerScope } from "../shared/customer-scope.ts";
import { Subscription } from "../subscriptions/subscription.entity.ts";
import { PaymentMethod } from "./payment-method.entity.ts";
import { buildPaymentMethod } from "./payment-method.factory.ts";

const LIVE_STATUSES = ["active", "on_hold"] as const;

/** A saved card of this customer; NOT_FOUND for a removed card or anyone else's. */
export async function getPaymentMethodOrThrow(em: EntityManager, scope: CustomerScope, id: string): Promise<PaymentMethod> {
  const method = await em.findOne(PaymentMethod, { id, businessId: scope.businessId, mode: scope.mode, customerId: scope.customerId, removedAt: null });
  if (!method) throw notFound("The payment method");
  return method;
}

/** Reads a processor token; BAD_USER_INPUT when it is not one of this deployment's. */
export function inspectToken(processor: SandboxProcessor, token: string) {
  const card = processor.inspect(token);
  if (!card) throw badInput("This card could not be read. Enter it again.", { field: "token" });
  return card;
}

/** Persists (does not flush) a card from a processor token, the customer's default when asked or when it is the first. */
export async function saveCard(em: EntityManager, processor: SandboxProcessor, scope: CustomerScope, token: string, setDefault: boolean): Promise<PaymentMethod> {
  const card = inspectToken(processor, token);
  const existing = await em.findOne(PaymentMethod, { ...scopeOf(scope), processorToken: token, removedAt: null });
  const hasDefault = (await em.count(PaymentMethod, { ...scopeOf(scope), isDefault: true, removedAt: null })) > 0;
  const method =
    existing ??
    buildPaymentMethod(em, { ...scopeOf(scope), processorToken: token, brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year });
  if (setDefault || !hasDefault) await makeDefault(em, scope, method);
  return method;
}

async function makeDefault(em: EntityManager, scope: CustomerScope, method: PaymentMethod) {
  const others = await em.find(PaymentMethod, { ...scopeOf(scope), isDefault: true, id: { $ne: method.id } });
  for (const other of others) other.isDefault = false;
  method.isDefault = true;
}

const scopeOf = (scope: CustomerScope) => ({ businessId: scope.businessId, mode: scope.mode, customerId: scope.customerId });

export function addPaymentMethod(em: EntityManager, processor: SandboxProcessor, scope: CustomerScope, input: { token: string; setDefault?: boolean | null }) {
  return em.transactional(async (tx) => {
    const method = await saveCard(tx, processor, scope, input.token, input.setDefault ?? false);
    await tx.flush();
    return method;
  });
}

export function setDefaultPaymentMethod(em: EntityManager, scope: CustomerScope, id: string) {
  return em.transactional(async (tx) => {
    const method = await getPaymentMethodOrThrow(tx, scope, id);
    await makeDefault(tx, scope, method);
    await tx.flush();
    return method;
  });
}

/**
 * Removes a saved card. A card an active or on-hold subscription pays with is removed only with
 * a replacement, which those subscriptions then use; a removed default hands over to the newest card.
 */
export function removePaymentMethod(em: EntityManager, scope: CustomerScope, id: string, replacementId?: string | null): Promise<boolean> {
  return em.transactional(async (tx) => {
    const method = await getPaymentMethodOrThrow(tx, scope, id);
    const dependents = await tx.find(Subscription, { ...scopeOf(scope), paymentMethodId: id, status: { $in: [...LIVE_STATUSES] } });
    const replacement = replacementId ? await getPaymentMethodOrThrow(tx, scope, replacementId) : null;
    if (replacement?.id === id) throw badInput("Choose a different card as the replacement.", { field: "replacementId" });
    if (dependents.length > 0 && !replacement) {
      throw new AppError("CONFLICT", "A subscription pays with this card. Choose another card for it first.", { subscriptionIds: dependents.map((s) => s.id) });
    }
    for (const subscription of dependents) subscription.paymentMethodId = replacement!.id;
    method.removedAt = new Date();
    if (method.isDefault) {
      method.isDefault = false;
      const next = replacement ?? (await tx.findOne(PaymentMethod, { ...scopeOf(scope), removedAt: null, id: { $ne: id } }, { orderBy: { createdAt: "desc" } }));
      if (next) next.isDefault = true;
    }
    await tx.flush();
    return true;
  });
}
