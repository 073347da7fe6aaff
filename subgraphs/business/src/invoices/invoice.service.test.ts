import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Customer } from "../customers/customer.entity.ts";
import { ensureShop } from "../shops/shop.service.ts";
import { type BusinessTestKit, createBusinessTestKit } from "../testing/business-test-kit.ts";
import { Invoice } from "./invoice.entity.ts";
import { issueInvoice } from "./invoice.service.ts";

const SCOPE = { businessId: "biz_numbers", mode: "test" } as const;

describe("issueInvoice", () => {
  let kit: BusinessTestKit;
  let customerId: string;

  beforeAll(async () => {
    kit = await createBusinessTestKit();
    const em = kit.orm.em.fork();
    await ensureShop(em, { ...SCOPE, name: "Numbers", invoicePrefix: "NUM" });
    await ensureShop(em, { businessId: SCOPE.businessId, mode: "live", name: "Numbers", invoicePrefix: "NUM" });
    customerId = em.create(Customer, { ...SCOPE, email: "payer@example.com" }).id;
    await em.flush();
  });
  afterAll(() => kit?.close());

  const issue = (mode: "test" | "live" = "test") =>
    issueInvoice(kit.orm.em.fork(), {
      businessId: SCOPE.businessId,
      mode,
      customerId,
      currency: "EUR",
      taxRateBps: 2000,
      lines: [{ description: "Seat", quantity: 3, unitAmount: 1000 }],
    });

  it("computes line amounts, tax and total", async () => {
    const invoice = await issue();
    expect(invoice).toMatchObject({ subtotal: 3000, tax: 600, total: 3600, lines: [{ description: "Seat", quantity: 3, unitAmount: 1000, amount: 3000 }] });
  });

  it("numbers 20 concurrent invoices without gaps or duplicates", async () => {
    const before = await kit.orm.em.fork().count(Invoice, SCOPE);
    const invoices = await Promise.all(Array.from({ length: 20 }, () => issue()));
    const numbers = invoices.map((invoice) => invoice.number).sort();
    const expected = Array.from({ length: 20 }, (_, i) => `NUM-${String(before + i + 1).padStart(5, "0")}`);
    expect(numbers).toEqual(expected);
  });

  it("gives a rolled-back number back to the next invoice", async () => {
    const last = (await issue()).number;
    await expect(
      kit.orm.em.fork().transactional(async (tx) => {
        await issueInvoice(tx, { ...SCOPE, customerId, currency: "EUR", lines: [{ description: "x", quantity: 1, unitAmount: 1 }] });
        throw new Error("payment failed");
      }),
    ).rejects.toThrow("payment failed");
    const next = (await issue()).number;
    expect(Number(next.split("-")[1])).toBe(Number(last.split("-")[1]) + 1);
  });

  it("counts each mode separately", async () => {
    expect((await issue("live")).number).toBe("NUM-00001");
  });
});
