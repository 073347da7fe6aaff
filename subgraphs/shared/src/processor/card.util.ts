/** Card rules of the sandbox processor: validation, brand, and what each test card does. */

export type CardBrand = "visa" | "mastercard" | "amex" | "discover" | "unknown";
export type ChargeOutcome = "succeeded" | "card_declined" | "insufficient_funds" | "expired_card";

export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export class CardError extends Error {
  constructor(
    readonly field: "number" | "exp_month" | "exp_year" | "cvc",
    message: string,
  ) {
    super(message);
    this.name = "CardError";
  }
}

/** Test cards whose charges do something other than succeed (the numbers other platforms use too). */
const CHARGE_OUTCOMES: Record<string, ChargeOutcome> = {
  "4000000000000002": "card_declined",
  "4000000000009995": "insufficient_funds",
  "4000000000000069": "expired_card",
  "4000000000000341": "card_declined",
};

export const DECLINE_MESSAGES: Record<Exclude<ChargeOutcome, "succeeded">, string> = {
  card_declined: "Your card was declined. Try another card or contact your bank.",
  insufficient_funds: "Your card has insufficient funds. Try another card.",
  expired_card: "Your card has expired. Try another card.",
};

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(digits)) return "mastercard";
  if (/^3[47]/.test(digits)) return "amex";
  if (/^6(011|5)/.test(digits)) return "discover";
  return "unknown";
}

/** Checks a card as a card network would before it can be saved; throws CardError naming the field. */
export function validateCard(input: CardInput, now = new Date()): { digits: string; brand: CardBrand } {
  const digits = String(input.number ?? "").replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits)) throw new CardError("number", "The card number must be 12 to 19 digits.");
  if (!luhnValid(digits)) throw new CardError("number", "The card number is not valid. Check it for typos.");
  const brand = cardBrand(digits);
  const month = Number(input.exp_month);
  const year = Number(input.exp_year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new CardError("exp_month", "The expiry month must be 1 to 12.");
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new CardError("exp_year", "The expiry year must be a four-digit year.");
  const endOfExpiryMonth = Date.UTC(year, month, 1);
  if (endOfExpiryMonth <= now.getTime()) throw new CardError("exp_year", "The card has expired.");
  const cvcLength = brand === "amex" ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(String(input.cvc ?? ""))) {
    throw new CardError("cvc", `The security code must be ${cvcLength} digits.`);
  }
  return { digits, brand };
}

/** What charging this card does in the sandbox. */
export function chargeOutcomeFor(digits: string): ChargeOutcome {
  return CHARGE_OUTCOMES[digits] ?? "succeeded";
}
