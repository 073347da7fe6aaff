import { badInput, notFound } from "@billfold/shared";
import { type EntityManager, LockMode } from "@mikro-orm/postgresql";
import type { Scope } from "../shared/context.ts";
import { type Page, type PageArgs, paginate } from "../shared/pagination.ts";
import { Shop } from "../shops/shop.entity.ts";
import { type InvoiceLineData, type InvoiceStatus, Invoice } from "./invoice.entity.ts";
import { formatInvoiceNumber, taxFor } from "./invoice-number.util.ts";

export interface IssueInvoiceInput extends Scope {
  customerId: string;
  subscriptionId?: string | null;
  currency: string;
  lines: Omit<InvoiceLineData, "amount">[];
  taxRateBps?: number;
  status?: InvoiceStatus;
  issuedAt?: Date;
}

/**
 * Issues an invoice with the shop's next number. The shop row is locked for the rest of the
 * transaction, so concurrent issues queue up and a rolled-back issue gives its number back:
 * numbers are gap-free per business+mode.
 */
export async function issueInvoice(em: EntityManager, input: IssueInvoiceInput): Promise<Invoice> {
  if (input.lines.length === 0) throw badInput("An invoice needs at least one line.");
  return em.transactional(async (tx) => {
    const shop = await tx.findOne(
      Shop,
      { businessId: input.businessId, mode: input.mode },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!shop) throw notFound("The shop");
    shop.invoiceCounter += 1;
    const lines = input.lines.map((line) => ({ ...line, amount: line.quantity * line.unitAmount }));
    const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
    const tax = taxFor(subtotal, input.taxRateBps ?? 0);
    const invoice = tx.create(Invoice, {
      businessId: input.businessId,
      mode: input.mode,
      customerId: input.customerId,
      subscriptionId: input.subscriptionId ?? null,
      number: formatInvoiceNumber(shop.invoicePrefix, shop.invoiceCounter),
      status: input.status ?? "paid",
      currency: input.currency,
      subtotal,
      tax,
      total: subtotal + tax,
      issuedAt: input.issuedAt ?? new Date(),
      lines,
    });
    await tx.flush();
    return invoice;
  });
}

/** A business's invoices, newest first, optionally for one customer. */
export function listInvoices(em: EntityManager, scope: Scope, args: PageArgs & { customerId?: string | null }): Promise<Page<Invoice>> {
  return paginate(em, Invoice, { ...scope, ...(args.customerId ? { customerId: args.customerId } : {}) }, "issuedAt", args);
}
