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
  n: string;
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
      n: randomBytes(12).toString("base64url"),
    };
    const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return { token: `tok_${body}.${this.sign(body)}`, brand, last4: claims.l, exp_month: claims.m, exp_year: claims.y };
  }

  /** Card details behind a token, or null when the token is not one of ours. */
  inspect(token: string): Omit<CardToken, "token"> | null {
    const claims = this.claims(token);
    return claims ? { brand: claims.b, last4: claims.l, exp_month: claims.m, exp_year: claims.y } : null;
  }

  charge(token: string, amount: number, currency: string, now = new Date()): ChargeResult {
    if (!Number.isInteger(amount) || amount <= 0) throw new Error("A charge amount must be a positive whole number of minor units");
    if (!/^[A-Z]{3}$/.test(currency)) throw new Error("A charge currency must be an ISO 4217 code");
    const chargeId = `ch_${randomBytes(12).toString("base64url")}`;
    const claims = this.claims(token);
    if (!claims) return { status: "failed", chargeId, code: "card_declined", message: "This card can't be used. Add it again." };
    const expired = Date.UTC(claims.y, claims.m, 1) <= now.getTime();
    const outcome: ChargeOutcome = expired ? "expired_card" : claims.o;
    if (outcome === "succeeded") return { status: "succeeded", chargeId };
    return { status: "failed", chargeId, code: outcome, message: DECLINE_MESSAGES[outcome] };
  }

  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(`processor-token:${body}`).digest("base64url");
  }

  private claims(token: string): TokenClaims | null {
    const match = /^tok_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(token);
    if (!match) return null;
    const [, body, signature] = match;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenClaims;
    } catch {
      return null;
    }
  }
}
