import type { Identity, Mode } from "@billfold/shared";
import type { EntityManager } from "@mikro-orm/postgresql";
import { Customer } from "../customers/customer.entity.ts";
import { Shop } from "../shops/shop.entity.ts";
import { Invoice } from "./invoice.entity.ts";
import { type InvoicePdfData, renderInvoicePdf } from "./invoice-pdf.render.ts";

/** Who asks for a PDF, as the route established it. */
export type PdfCaller =
  | { kind: "merchant"; businessId: string; mode: Mode }
  | { kind: "person"; identity: Extract<Identity, { kind: "person" }> }
  /** A valid signed link for exactly this invoice and business. */
  | { kind: "link" };

export type PdfOutcome = { ok: true; pdf: Buffer; fileName: string } | { ok: false; status: 403 | 404; message: string };

const NOT_FOUND = { ok: false, status: 404, message: "Invoice not found." } as const;

/** Whether `caller` may read `invoice` (already known to belong to the business in the URL). */
function allowed(caller: PdfCaller, invoice: Invoice): PdfOutcome | null {
  if (caller.kind === "link") return null;
  if (caller.kind === "merchant") return caller.businessId === invoice.businessId && caller.mode === invoice.mode ? null : NOT_FOUND;
  const { identity } = caller;
  const grants = identity.accounts.filter((grant) => grant.businessId === invoice.businessId);
  if (grants.length === 0) return { ok: false, status: 403, message: "You have no account at this business." };
  // Another customer's invoice, or the other mode's: indistinguishable from a missing one.
  if (identity.mode !== invoice.mode || !grants.some((grant) => grant.customerId === invoice.customerId)) return NOT_FOUND;
  return null;
}

/** Loads, authorises and renders an invoice of `businessId` (three reads, then pdfkit). */
export async function invoicePdf(em: EntityManager, businessId: string, invoiceId: string, caller: PdfCaller): Promise<PdfOutcome> {
  const invoice = await em.findOne(Invoice, { id: invoiceId, businessId });
  if (!invoice) return NOT_FOUND;
  const refusal = allowed(caller, invoice);
  if (refusal) return refusal;
  const [customer, shop] = await Promise.all([
    em.findOne(Customer, { id: invoice.customerId, businessId, mode: invoice.mode }),
    em.findOne(Shop, { businessId, mode: invoice.mode }),
  ]);
  const data: InvoicePdfData = {
    brand: { name: shop?.name ?? businessId },
    invoice: { ...invoice, mode: invoice.mode },
    customer: { name: customer?.name ?? null, email: customer?.email ?? "" },
  };
  const pdf = await renderInvoicePdf(data);
  return { ok: true, pdf, fileName: `invoice-${invoice.number.replace(/[^\w.-]+/g, "_")}.pdf` };
}
