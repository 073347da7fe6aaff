import { type Identity, signIdentity } from "@billfold/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../api-keys/api-key.service.ts";
import type { BusinessApp } from "../app.ts";
import { Customer } from "../customers/customer.entity.ts";
import { ensureShop } from "../shops/shop.service.ts";
import { type BusinessTestKit, TEST_SECRET, createBusinessTestKit, gatewayQuery, seedFullAccount } from "../testing/business-test-kit.ts";
import { InvoiceLinks } from "./invoice-link.util.ts";
import { renderInvoicePdf } from "./invoice-pdf.render.ts";
import { issueInvoice } from "./invoice.service.ts";
import { Invoice } from "./invoice.entity.ts";

const SCOPE = { businessId: "biz_pdfshop", mode: "test" } as const;
const OTHER = { businessId: "biz_pdfother", mode: "test" } as const;

const person = (email: string, accounts: { businessId: string; customerId: string }[], mode: "test" | "live" = "test"): Identity => ({
  kind: "person", email, sessionId: "ses_1", mode, accounts,
});

function expectPdf(body: Buffer) {
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(body.length).toBeGreaterThan(1024);
  const text = body.toString("latin1");
  expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
  expect(text).toMatch(/\/Type \/Catalog/);
  expect(text.match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(/startxref\s+\d+/);
}

describe("invoice PDFs", () => {
  let kit: BusinessTestKit;
  let business: BusinessApp;
  let mine: Invoice;
  let customer: Customer;
  let theirs: Invoice;
  let otherBusinessInvoice: Invoice;
  let key: string;
  let otherKey: string;

  const get = (url: string, headers: Record<string, string> = {}) => business.app.inject({ method: "GET", url, headers });
  const asIdentity = (identity: Identity) => ({ "x-billfold-identity": signIdentity(identity, TEST_SECRET) });
  const pdfPath = (invoice: Invoice, businessId = invoice.businessId) => `/business/${businessId}/invoices/${invoice.id}/pdf`;

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    business = await kit.startApp();
    const em = kit.orm.em.fork();
    customer = await seedFullAccount(em, SCOPE, "owner@example.com");
    const other = await seedFullAccount(em, SCOPE, "neighbour@example.com");
    const foreign = await seedFullAccount(em, OTHER, "owner@example.com");
    mine = await em.findOneOrFail(Invoice, { customerId: customer.id });
    theirs = await em.findOneOrFail(Invoice, { customerId: other.id });
    otherBusinessInvoice = await em.findOneOrFail(Invoice, { customerId: foreign.id });
    key = (await createApiKey(em, { ...SCOPE, name: "server" })).key;
    otherKey = (await createApiKey(em, { ...OTHER, name: "server" })).key;
  });
  afterAll(async () => {
    await kit?.close();
  });

  it("renders a parseable PDF for zero-decimal currencies, long invoices and an OPEN stamp", async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ description: `Seat ${i + 1} — Ünïcødé 日本`, quantity: 1, unitAmount: 1500, amount: 1500 }));
    const pdf = await renderInvoicePdf({
      brand: { name: "Tokyo Tools", primaryColor: "#ff0000" },
      invoice: { number: "TT-00001", status: "open", currency: "JPY", subtotal: 90_000, tax: 9_000, total: 99_000, issuedAt: new Date("2026-11-01T00:00:00Z"), lines, mode: "live" },
      customer: { name: null, email: "buyer@example.jp" },
    }, { compress: false });
    expectPdf(pdf);
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
  });

  it("gives the invoice's customer their PDF through the gateway", async () => {
    const response = await get(pdfPath(mine), asIdentity(person("owner@example.com", [{ ...SCOPE, customerId: customer.id }])));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(`inline; filename="invoice-${mine.number}.pdf"`);
    expect(response.headers["cache-control"]).toBe("private, no-store");
    expectPdf(response.rawPayload);
  });

  it("refuses other customers, other modes and people without an account at the business", async () => {
    const neighbour = person("owner@example.com", [{ ...SCOPE, customerId: customer.id }]);
    expect((await get(pdfPath(theirs), asIdentity(neighbour))).statusCode).toBe(404);
    const liveSession = person("owner@example.com", [{ ...SCOPE, customerId: customer.id }], "live");
    expect((await get(pdfPath(mine), asIdentity(liveSession))).statusCode).toBe(404);
    const stranger = person("stranger@example.com", [{ businessId: OTHER.businessId, customerId: "cus_x" }]);
    expect((await get(pdfPath(mine), asIdentity(stranger))).statusCode).toBe(403);
    // The right invoice asked for under another business's path.
    expect((await get(pdfPath(mine, OTHER.businessId), asIdentity(neighbour))).statusCode).toBe(404);
    expect((await get(pdfPath(mine))).statusCode).toBe(401);
    expect((await get(pdfPath(mine), { "x-billfold-identity": signIdentity(neighbour, "wrong-secret-".padEnd(40, "x")) })).statusCode).toBe(401);
  });

  it("gives the business its invoices with its API key or merchant identity, and nobody else's", async () => {
    const withKey = await get(pdfPath(theirs), { authorization: `Bearer ${key}` });
    expect(withKey.statusCode).toBe(200);
    expectPdf(withKey.rawPayload);
    const merchant: Identity = { kind: "merchant", ...SCOPE, merchantUserId: "mu_1", sessionId: "s" };
    expect((await get(pdfPath(mine), asIdentity(merchant))).statusCode).toBe(200);

    expect((await get(pdfPath(mine), { authorization: `Bearer ${otherKey}` })).statusCode).toBe(403);
    expect((await get(pdfPath(otherBusinessInvoice, SCOPE.businessId), { authorization: `Bearer ${key}` })).statusCode).toBe(404);
    expect((await get(pdfPath(mine), asIdentity({ ...merchant, mode: "live" }))).statusCode).toBe(404);
    expect((await get(pdfPath(mine), asIdentity({ ...merchant, businessId: OTHER.businessId }))).statusCode).toBe(403);
    expect((await get(pdfPath(mine), { authorization: "Bearer sk_test_nope" })).statusCode).toBe(401);
  });

  it("serves a fresh signed pdfUrl from GraphQL to anyone holding the link, for 15 minutes", async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on CustomerAccount { invoices(first: 5) { id pdfUrl } } } }`;
    const { body } = await gatewayQuery(business.app, person("owner@example.com", [{ ...SCOPE, customerId: customer.id }]), query, {
      r: [{ __typename: "CustomerAccount", ...SCOPE, customerId: customer.id }],
    });
    const { pdfUrl } = body.data._entities[0].invoices.find((invoice: { id: string }) => invoice.id === mine.id);
    expect(pdfUrl).toMatch(new RegExp(`^/invoices/${mine.id}\\.pdf\\?b=${SCOPE.businessId}&exp=\\d+&sig=`));
    const exp = Number(new URL(pdfUrl, "http://x").searchParams.get("exp"));
    expect(exp * 1000 - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(exp * 1000 - Date.now()).toBeLessThanOrEqual(15 * 60_000);

    const response = await get(pdfUrl);
    expect(response.statusCode).toBe(200);
    expectPdf(response.rawPayload);
  });

  it("refuses an expired, tampered or foreign-signed link", async () => {
    const links = new InvoiceLinks(TEST_SECRET);
    const expired = links.pathFor(mine, Date.now() - 16 * 60_000);
    expect((await get(expired)).statusCode).toBe(403);
    expect((await get(expired)).json().error).toBe("LINK_INVALID");

    const valid = new URL(links.pathFor(mine), "http://x");
    const tamper = (change: (url: URL) => void) => {
      const url = new URL(valid);
      change(url);
      return `${url.pathname}${url.search}`;
    };
    expect((await get(tamper((u) => u.searchParams.set("exp", String(Number(u.searchParams.get("exp")) + 86_400))))).statusCode).toBe(403);
    expect((await get(tamper((u) => u.searchParams.set("b", OTHER.businessId)))).statusCode).toBe(403);
    expect((await get(tamper((u) => { u.pathname = `/invoices/${theirs.id}.pdf`; }))).statusCode).toBe(403);
    expect((await get(tamper((u) => u.searchParams.delete("sig")))).statusCode).toBe(403);
    expect((await get(new InvoiceLinks("another-secret-".padEnd(40, "z")).pathFor(mine))).statusCode).toBe(403);
    expect((await get(`${valid.pathname}${valid.search}`)).statusCode).toBe(200);
  });

  it("prints a newly issued open invoice of a business with its own numbering", async () => {
    const em = kit.orm.em.fork();
    await ensureShop(em, { ...SCOPE, name: "PDF Shop" });
    const invoice = await issueInvoice(em, { ...SCOPE, customerId: customer.id, currency: "EUR", status: "open", taxRateBps: 2000, lines: [{ description: "Pro plan", quantity: 2, unitAmount: 999 }] });
    const response = await get(pdfPath(invoice), { authorization: `Bearer ${key}` });
    expect(response.statusCode).toBe(200);
    expectPdf(response.rawPayload);
  });
});
