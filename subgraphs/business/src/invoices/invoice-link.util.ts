import { createHmac, timingSafeEqual } from "node:crypto";

/** How long a signed PDF link works. */
export const INVOICE_LINK_TTL_SECONDS = 15 * 60;

export interface InvoiceLinkClaims {
  invoiceId: string;
  businessId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** A key for PDF links only, derived from IDENTITY_SECRET (a leaked link key cannot sign identities). */
export function deriveInvoiceLinkKey(identitySecret: string): Buffer {
  return createHmac("sha256", identitySecret).update("billfold:invoice-pdf-link:v1").digest();
}

function mac(key: Buffer, claims: InvoiceLinkClaims): Buffer {
  return createHmac("sha256", key).update(`${claims.invoiceId}\n${claims.businessId}\n${claims.exp}`).digest();
}

/** Makes relative, expiring PDF links: `/invoices/{id}.pdf?b={businessId}&exp=…&sig=…`. */
export class InvoiceLinks {
  private readonly key: Buffer;

  constructor(identitySecret: string) {
    this.key = deriveInvoiceLinkKey(identitySecret);
  }

  sign(claims: InvoiceLinkClaims): string {
    return mac(this.key, claims).toString("base64url");
  }

  pathFor(invoice: { id: string; businessId: string }, now = Date.now()): string {
    const exp = Math.floor(now / 1000) + INVOICE_LINK_TTL_SECONDS;
    const sig = this.sign({ invoiceId: invoice.id, businessId: invoice.businessId, exp });
    const query = new URLSearchParams({ b: invoice.businessId, exp: String(exp), sig });
    return `/invoices/${encodeURIComponent(invoice.id)}.pdf?${query}`;
  }

  /** True when `sig` signs these claims and `exp` has not passed. */
  verify(claims: { invoiceId: string; businessId: string; exp: string | number }, sig: string, now = Date.now()): boolean {
    const exp = Number(claims.exp);
    if (!Number.isInteger(exp) || exp * 1000 <= now) return false;
    const given = Buffer.from(sig, "base64url");
    const expected = mac(this.key, { invoiceId: claims.invoiceId, businessId: claims.businessId, exp });
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
