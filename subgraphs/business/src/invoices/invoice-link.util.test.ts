import { describe, expect, it } from "vitest";
import { INVOICE_LINK_TTL_SECONDS, InvoiceLinks } from "./invoice-link.util.ts";

const links = new InvoiceLinks("identity-secret-".padEnd(40, "x"));
const invoice = { id: "in_abc", businessId: "biz_1" };

function parse(path: string) {
  const url = new URL(path, "http://x");
  return { id: /^\/invoices\/(.+)\.pdf$/.exec(url.pathname)![1], b: url.searchParams.get("b")!, exp: url.searchParams.get("exp")!, sig: url.searchParams.get("sig")! };
}

describe("InvoiceLinks", () => {
  it("makes a relative link that verifies for 15 minutes", () => {
    const now = Date.now();
    const path = links.pathFor(invoice, now);
    expect(path).toMatch(/^\/invoices\/in_abc\.pdf\?b=biz_1&exp=\d+&sig=[\w-]{43}$/);
    const { id, b, exp, sig } = parse(path);
    expect(Number(exp)).toBe(Math.floor(now / 1000) + INVOICE_LINK_TTL_SECONDS);
    expect(links.verify({ invoiceId: id, businessId: b, exp }, sig, now + 14 * 60_000)).toBe(true);
    expect(links.verify({ invoiceId: id, businessId: b, exp }, sig, now + 16 * 60_000)).toBe(false);
  });

  it("refuses a link whose invoice, business, expiry or signature was changed", () => {
    const { id, b, exp, sig } = parse(links.pathFor(invoice));
    expect(links.verify({ invoiceId: "in_other", businessId: b, exp }, sig)).toBe(false);
    expect(links.verify({ invoiceId: id, businessId: "biz_2", exp }, sig)).toBe(false);
    expect(links.verify({ invoiceId: id, businessId: b, exp: Number(exp) + 3600 }, sig)).toBe(false);
    expect(links.verify({ invoiceId: id, businessId: b, exp }, `${sig.slice(0, -2)}AA`)).toBe(false);
    expect(links.verify({ invoiceId: id, businessId: b, exp: "soon" }, sig)).toBe(false);
    expect(links.verify({ invoiceId: id, businessId: b, exp }, "")).toBe(false);
  });

  it("refuses a link signed with another secret", () => {
    const { id, b, exp, sig } = parse(new InvoiceLinks("another-secret-".padEnd(40, "y")).pathFor(invoice));
    expect(links.verify({ invoiceId: id, businessId: b, exp }, sig)).toBe(false);
  });
});
