import { describe, expect, it } from "vitest";
import { CardError, luhnValid, validateCard } from "./card.util.ts";
import { SandboxProcessor } from "./sandbox-processor.ts";

const processor = new SandboxProcessor("p".repeat(40));
const now = new Date("2026-11-26T00:00:00Z");
const card = (number: string, extra: Partial<{ exp_month: number; exp_year: number; cvc: string }> = {}) => ({
  number,
  exp_month: 12,
  exp_year: 2030,
  cvc: "123",
  ...extra,
});

describe("card validation", () => {
  it("accepts Luhn-valid numbers and refuses a typo", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
  });

  it.each([
    [card("4242 4242 4242 4241"), "number"],
    [card("4242"), "number"],
    [card("4242424242424242", { exp_month: 13 }), "exp_month"],
    [card("4242424242424242", { exp_year: 2026, exp_month: 10 }), "exp_year"],
    [card("4242424242424242", { cvc: "12" }), "cvc"],
    [card("378282246310005", { cvc: "123" }), "cvc"],
  ])("refuses %j naming the %s field", (input, field) => {
    expect(() => validateCard(input, now)).toThrow(CardError);
    try {
      validateCard(input, now);
    } catch (error) {
      expect((error as CardError).field).toBe(field);
    }
  });

  it("accepts a card that expires at the end of the current month", () => {
    expect(() => validateCard(card("4242424242424242", { exp_month: 11, exp_year: 2026 }), now)).not.toThrow();
  });
});

describe("sandbox processor", () => {
  it("tokenizes to brand, last 4 and expiry, with no card number in the token", () => {
    const token = processor.tokenize(card("4242 4242 4242 4242"), now);
    expect(token).toMatchObject({ brand: "visa", last4: "4242", exp_month: 12, exp_year: 2030 });
    expect(token.token).not.toContain("4242424242424242");
    expect(token.token).not.toMatch(/\d{12,}/);
    expect(token.token.length).toBeLessThanOrEqual(64);
    expect(processor.tokenize(card("5555555555554444"), now).brand).toBe("mastercard");
    expect(processor.tokenize(card("378282246310005", { cvc: "1234" }), now).brand).toBe("amex");
  });

  it.each([
    ["4242424242424242", "succeeded"],
    ["4000000000000002", "card_declined"],
    ["4000000000009995", "insufficient_funds"],
    ["4000000000000069", "expired_card"],
    ["4000000000000341", "card_declined"],
  ])("charges on %s end %s", (number, outcome) => {
    const { token } = processor.tokenize(card(number), now);
    const result = processor.charge(token, 4900, "USD", now);
    expect(result.status === "succeeded" ? "succeeded" : result.code).toBe(outcome);
    if (result.status === "failed") expect(result.message).toMatch(/card/i);
  });

  it("declines a forged or foreign token", () => {
    const { token } = processor.tokenize(card("4000000000000002"), now);
    const [body, signature] = token.split(".");
    const forged = `${body.slice(0, 15)}s${body.slice(16)}.${signature}`;
    expect(forged).not.toBe(token);
    expect(processor.charge(forged, 100, "USD", now).status).toBe("failed");
    expect(new SandboxProcessor("q".repeat(40)).inspect(token)).toBeNull();
  });

  it("declines a card that expired after it was saved", () => {
    const { token } = processor.tokenize(card("4242424242424242", { exp_month: 1, exp_year: 2027 }), now);
    expect(processor.charge(token, 100, "USD", new Date("2027-03-01T00:00:00Z"))).toMatchObject({ status: "failed", code: "expired_card" });
  });

  it("answers the same charge for the same idempotency key, card and amount, and a new charge otherwise", () => {
    const { token } = processor.tokenize(card("4242424242424242"), now);
    const { token: other } = processor.tokenize(card("5555555555554444"), now);
    const first = processor.charge(token, 4900, "USD", now, "invoice:inv_1");

    expect(processor.charge(token, 4900, "USD", now, "invoice:inv_1").chargeId).toBe(first.chargeId);
    expect(processor.charge(token, 4900, "USD", now, "invoice:inv_2").chargeId).not.toBe(first.chargeId);
    expect(processor.charge(other, 4900, "USD", now, "invoice:inv_1").chargeId).not.toBe(first.chargeId);
    expect(processor.charge(token, 4901, "USD", now, "invoice:inv_1").chargeId).not.toBe(first.chargeId);
    expect(processor.charge(token, 4900, "USD", now).chargeId).not.toBe(processor.charge(token, 4900, "USD", now).chargeId);
  });
});
