import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { type CardBrand, type CardInput, type ChargeOutcome, DECLINE_MESSAGES, chargeOutcomeFor, validateCard } from "./card.util.ts";

/** What a merchant's system may keep about a card: never the number or the security code. */
export interface CardToken {
  token: string;
  brand: CardBrand;
  last4: string;
  exp_month: number;
  exp_year: number;
}

export type ChargeResult =
  | { status: "succeeded"; chargeId: string }
  | { status: "failed"; chargeId: string; code: Exclude<ChargeOutcome, "succeeded">; message: string };

interface TokenClaims {
  b: CardBrand;
  l: string;
  m: number;
  y: number;
  /** The card's sandbox behaviour, decided at tokenization from the test card number. */
  o: ChargeOutcome;
}

const BRAND_CODES: Record<CardBrand, string> = { visa: "v", mastercard: "m", amex: "a", discover: "d", unknown: "u" };
const OUTCOME_CODES: Record<ChargeOutcome, string> = { succeeded: "s", card_declined: "d", insufficient_funds: "f", expired_card: "e" };
const decode = <T extends string>(codes: Record<T, string>, code: string) =>
  (Object.keys(codes) as T[]).find((key) => codes[key] === code) ?? null;

/** `brand last4 MM YYYY outcome nonce`, e.g. `v42421230s` + 16 random characters: short and URL-safe. */
function encodeClaims(claims: TokenClaims): string {
  const month = String(claims.m).padStart(2, "0");
  return `${BRAND_CODES[claims.b]}${claims.l}${month}${claims.y}${OUTCOME_CODES[claims.o]}${randomBytes(12).toString("base64url")}`;
}

function decodeClaims(body: string): TokenClaims | null {
  const match = /^([a-z])(\d{4})(\d{2})(\d{4})([a-z])[A-Za-z0-9_-]{16}$/.exec(body);
  if (!match) return null;
  const brand = decode(BRAND_CODES, match[1]);
  const outcome = decode(OUTCOME_CODES, match[5]);
  if (!brand || !outcome) return null;
  return { b: brand, l: match[2], m: Number(match[3]), y: Number(match[4]), o: outcome };
}

/**
 * The sandbox card processor, like a card network's test mode. Tokens are self-contained and
 * signed, so the processor keeps no card data at all: a token says how its charges behave.
 */
export class SandboxProcessor {
  constructor(private readonly secret: string) {}

  tokenize(card: CardInput, now = new Date()): CardToken {
    const { digits, brand } = validateCard(card, now);
    const claims: TokenClaims = {
      b: brand,
      l: digits.slice(-4),
      m: Number(card.exp_month),
      y: Number(card.exp_year),
      o: chargeOutcomeFor(digits),
    };
    const body = encodeClaims(claims);
    return { token: `tok_${body}.${this.sign(body)}`, brand, last4: claims.l, exp_month: claims.m, exp_year: claims.y };
  }

  /** Card details behind a token, or null when the token is not one of ours. */
  inspect(token: string): Omit<CardToken, "token"> | null {
    const claims = this.claims(token);
    return claims ? { brand: claims.b, last4: claims.l, exp_month: claims.m, exp_year: claims.y } : null;
  }

  /**
   * Charges a card. With an `idempotencyKey` the charge is idempotent like a card network's API:
   * the same key with the same card, amount and currency is the same charge (same id), so a
   * caller that crashed after charging and retries does not charge the card a second time.
   */
  charge(token: string, amount: number, currency: string, now = new Date(), idempotencyKey?: string | null): ChargeResult {
    if (!Number.isInteger(amount) || amount <= 0) throw new Error("A charge amount must be a positive whole number of minor units");
    if (!/^[A-Z]{3}$/.test(currency)) throw new Error("A charge currency must be an ISO 4217 code");
    const chargeId = idempotencyKey
      ? `ch_${createHmac("sha256", this.secret).update(`charge:${idempotencyKey}:${token}:${amount}:${currency}`).digest().subarray(0, 12).toString("base64url")}`
      : `ch_${randomBytes(12).toString("base64url")}`;
    const claims = this.claims(token);
    if (!claims) return { status: "failed", chargeId, code: "card_declined", message: "This card can't be used. Add it again." };
    const expired = Date.UTC(claims.y, claims.m, 1) <= now.getTime();
    const outcome: ChargeOutcome = expired ? "expired_card" : claims.o;
    if (outcome === "succeeded") return { status: "succeeded", chargeId };
    return { status: "failed", chargeId, code: outcome, message: DECLINE_MESSAGES[outcome] };
  }

  private sign(body: string): string {
    // 128 bits of HMAC-SHA256 are plenty for a token that is useless without the processor.
    return createHmac("sha256", this.secret).update(`processor-token:${body}`).digest().subarray(0, 16).toString("base64url");
  }

  private claims(token: string): TokenClaims | null {
    const match = /^tok_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
    if (!match) return null;
    const [, body, signature] = match;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return decodeClaims(body);
  }
}
