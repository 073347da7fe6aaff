import type { EntityManager } from "@mikro-orm/postgresql";
import type { Customer } from "../customers/customer.entity.ts";
import { sendCustomerEmail } from "../email/customer-email.ts";
import type { Invoice } from "../invoices/invoice.entity.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Shop } from "../shops/shop.entity.ts";
import type { Subscription } from "../subscriptions/subscription.entity.ts";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/** 4900 EUR → "49.00 EUR"; JPY and other zero-decimal currencies have no minor digits. */
export function formatMoney(amount: number, currency: string): string {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
}

/** Where a person fixes a subscription's card (signing in first when needed). */
export function paymentMethodLink(publicUrl: string, subscription: Subscription): string {
  return `${publicUrl}/b/${encodeURIComponent(subscription.businessId)}/subscriptions/${encodeURIComponent(subscription.id)}/payment-method`;
}

interface Notice {
  subject: string;
  paragraphs: string[];
  link?: { href: string; label: string };
}

async function send(em: EntityManager, jobs: JobQueue, shop: Shop, customer: Customer, notice: Notice) {
  const text = [...notice.paragraphs, ...(notice.link ? [`${notice.link.label}: ${notice.link.href}`] : []), `— ${shop.name}`].join("\n\n");
  const html = [
    ...notice.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(notice.link ? [`<p><a href="${escapeHtml(notice.link.href)}">${escapeHtml(notice.link.label)}</a></p>`] : []),
    `<p>— ${escapeHtml(shop.name)}</p>`,
  ].join("\n");
  await sendCustomerEmail(em, jobs, { businessId: shop.businessId, mode: shop.mode, to: customer.email, subject: notice.subject, text, html });
}

/** "Payment received": a receipt for a paid invoice. */
export function sendPaymentReceived(em: EntityManager, jobs: JobQueue, shop: Shop, customer: Customer, invoice: Invoice) {
  return send(em, jobs, shop, customer, {
    subject: `Payment received — ${shop.name}`,
    paragraphs: [`We received your payment of ${formatMoney(invoice.total, invoice.currency)} for invoice ${invoice.number}. Thank you!`],
  });
}

/** "Subscription reactivated": the subscription runs again after its on-hold. */
export function sendSubscriptionReactivated(em: EntityManager, jobs: JobQueue, shop: Shop, customer: Customer, productName: string, subscription: Subscription) {
  const next = subscription.nextBillingDate ? ` Your next payment is due on ${subscription.nextBillingDate.toISOString().slice(0, 10)}.` : "";
  return send(em, jobs, shop, customer, {
    subject: `Subscription reactivated — ${shop.name}`,
    paragraphs: [`Your ${productName} subscription is active again.${next}`],
  });
}

/** A subscription cancelled at its period end has now ended. */
export function sendSubscriptionExpired(em: EntityManager, jobs: JobQueue, shop: Shop, customer: Customer, productName: string, subscription: Subscription) {
  const ended = subscription.endedAt ? ` on ${subscription.endedAt.toISOString().slice(0, 10)}` : "";
  return send(em, jobs, shop, customer, {
    subject: `Your ${productName} subscription has ended — ${shop.name}`,
    paragraphs: [`Your ${productName} subscription ended${ended}, at the end of its billing period, as you asked when you cancelled it. You will not be charged for it again.`],
  });
}

/** The payment retries are over: the subscription has ended unpaid. */
export function sendSubscriptionFailed(em: EntityManager, jobs: JobQueue, shop: Shop, customer: Customer, productName: string, invoice: Invoice) {
  return send(em, jobs, shop, customer, {
    subject: `Your ${productName} subscription has ended — ${shop.name}`,
    paragraphs: [
      `We couldn't collect ${formatMoney(invoice.total, invoice.currency)} for your ${productName} subscription, so it has ended and you will not be charged for it again.`,
      "To keep using it, subscribe again with a working payment method.",
    ],
  });
}

/** A renewal failed: the subscription is on hold until the person fixes the card; the link goes straight there. */
export function sendRenewalFailed(
  em: EntityManager,
  jobs: JobQueue,
  shop: Shop,
  customer: Customer,
  productName: string,
  invoice: Invoice,
  reason: string,
  fixLink: string,
) {
  return send(em, jobs, shop, customer, {
    subject: `Action needed: your ${productName} payment failed — ${shop.name}`,
    paragraphs: [
      `We couldn't charge ${formatMoney(invoice.total, invoice.currency)} for your ${productName} subscription, so it is on hold. ${reason}`,
      "Update your payment method to reactivate it; we will retry a few more times before it ends.",
    ],
    link: { href: fixLink, label: "Update your payment method" },
  });
}
