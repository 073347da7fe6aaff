/** The demo world: what `./billfold start` seeds. Amounts are minor units. */

export const DEMO_PERSON = "demo@billfold.dev";

export interface DemoProduct {
  ref: string;
  name: string;
  description: string;
  kind: "one_time" | "subscription";
  priceAmount: number;
  interval?: "month" | "year";
  planGroup?: string;
  taxRateBps: number;
  license?: { issue: "per_order" | "per_subscription"; activationLimit: number | null; expiresInDays?: number };
}

export type DemoPurchase =
  | { kind: "subscription"; product: string; status: "active" | "on_hold" | "cancelled" | "expired"; startedMonthsAgo: number; endedMonthsAgo?: number; card?: string }
  | { kind: "one_time"; product: string; monthsAgo: number; card?: string; refunded?: boolean };

export interface DemoBusiness {
  id: string;
  name: string;
  slug: string;
  shard: "shard1" | "shard2";
  supportEmail: string;
  brand: { primaryColor: string; accentColor: string };
  currency: string;
  invoicePrefix: string;
  products: DemoProduct[];
  /** The demo person's purchases, in test mode. */
  demo: DemoPurchase[];
  /** Other customers, so lists and search have something to show. */
  others: { email: string; name: string; purchases: DemoPurchase[] }[];
  /** Live-mode data, to show test and live never mix. */
  live?: { email: string; name: string; purchases: DemoPurchase[] }[];
}

export const DEMO_BUSINESSES: DemoBusiness[] = [
  {
    id: "biz_northwind",
    name: "Northwind Analytics",
    slug: "northwind",
    shard: "shard1",
    supportEmail: "support@northwind.example",
    brand: { primaryColor: "#2563eb", accentColor: "#0ea5e9" },
    currency: "USD",
    invoicePrefix: "NW",
    products: [
      { ref: "starter", name: "Starter", description: "Dashboards for one team", kind: "subscription", priceAmount: 1900, interval: "month", planGroup: "analytics", taxRateBps: 0 },
      { ref: "pro", name: "Pro", description: "Unlimited dashboards and alerts", kind: "subscription", priceAmount: 4900, interval: "month", planGroup: "analytics", taxRateBps: 0 },
      { ref: "team", name: "Team", description: "SSO, audit log and 10 seats", kind: "subscription", priceAmount: 9900, interval: "month", planGroup: "analytics", taxRateBps: 0 },
    ],
    demo: [
      { kind: "subscription", product: "starter", status: "cancelled", startedMonthsAgo: 8, endedMonthsAgo: 5, card: "4242424242424242" },
      { kind: "subscription", product: "pro", status: "active", startedMonthsAgo: 4, card: "4242424242424242" },
    ],
    others: [
      { email: "mara.lind@example.com", name: "Mara Lind", purchases: [{ kind: "subscription", product: "team", status: "active", startedMonthsAgo: 2 }] },
      { email: "owen.price@example.com", name: "Owen Price", purchases: [{ kind: "subscription", product: "starter", status: "active", startedMonthsAgo: 1 }] },
      { email: "ines.costa@example.com", name: "Inês Costa", purchases: [{ kind: "subscription", product: "pro", status: "on_hold", startedMonthsAgo: 3, card: "4000000000000341" }] },
    ],
    live: [
      { email: DEMO_PERSON, name: "Demo Person", purchases: [{ kind: "subscription", product: "starter", status: "active", startedMonthsAgo: 1 }] },
    ],
  },
  {
    id: "biz_kestrel",
    name: "Kestrel Type Foundry",
    slug: "kestrel",
    shard: "shard2",
    supportEmail: "hello@kestrel.example",
    brand: { primaryColor: "#111827", accentColor: "#f59e0b" },
    currency: "EUR",
    invoicePrefix: "KTF",
    products: [
      { ref: "sans", name: "Kestrel Sans Family", description: "12 styles, desktop + web licence", kind: "one_time", priceAmount: 14900, taxRateBps: 1900, license: { issue: "per_order", activationLimit: 3 } },
      { ref: "library", name: "Kestrel Library", description: "Every Kestrel typeface, updated yearly", kind: "subscription", priceAmount: 24000, interval: "year", taxRateBps: 1900, license: { issue: "per_subscription", activationLimit: 5 } },
    ],
    demo: [
      { kind: "one_time", product: "sans", monthsAgo: 10, card: "4242424242424242" },
      { kind: "subscription", product: "library", status: "on_hold", startedMonthsAgo: 12, card: "4000000000000341" },
    ],
    others: [
      { email: "studio@parallax.example", name: "Parallax Studio", purchases: [{ kind: "one_time", product: "sans", monthsAgo: 2 }] },
      { email: "lea.moreau@example.com", name: "Léa Moreau", purchases: [{ kind: "subscription", product: "library", status: "active", startedMonthsAgo: 5 }] },
    ],
  },
  {
    id: "biz_monsoon",
    name: "Monsoon Coffee Co.",
    slug: "monsoon",
    shard: "shard1",
    supportEmail: "care@monsoon.example",
    brand: { primaryColor: "#7c2d12", accentColor: "#16a34a" },
    currency: "INR",
    invoicePrefix: "MCC",
    products: [
      { ref: "monthly", name: "Monthly Beans (1 kg)", description: "Single-origin beans, roasted to order", kind: "subscription", priceAmount: 89900, interval: "month", planGroup: "beans", taxRateBps: 500 },
      { ref: "starter", name: "Taster Box", description: "Four 100 g bags", kind: "one_time", priceAmount: 49900, taxRateBps: 500 },
    ],
    demo: [
      { kind: "one_time", product: "starter", monthsAgo: 7, card: "5555555555554444", refunded: true },
      { kind: "subscription", product: "monthly", status: "active", startedMonthsAgo: 5, card: "5555555555554444" },
    ],
    others: [
      { email: "arjun.mehta@example.com", name: "Arjun Mehta", purchases: [{ kind: "subscription", product: "monthly", status: "active", startedMonthsAgo: 3 }] },
      { email: "priya.nair@example.com", name: "Priya Nair", purchases: [{ kind: "subscription", product: "monthly", status: "cancelled", startedMonthsAgo: 6, endedMonthsAgo: 2 }] },
    ],
  },
  {
    id: "biz_pixelpantry",
    name: "Pixel Pantry",
    slug: "pixelpantry",
    shard: "shard2",
    supportEmail: "help@pixelpantry.example",
    brand: { primaryColor: "#db2777", accentColor: "#8b5cf6" },
    currency: "JPY",
    invoicePrefix: "PXP",
    products: [
      { ref: "pack", name: "Retro Sprite Pack", description: "2,000 sprites for commercial games", kind: "one_time", priceAmount: 1200, taxRateBps: 1000, license: { issue: "per_order", activationLimit: null } },
      { ref: "club", name: "Pantry Club", description: "A new asset pack every month", kind: "subscription", priceAmount: 800, interval: "month", taxRateBps: 1000 },
    ],
    demo: [
      { kind: "one_time", product: "pack", monthsAgo: 3, card: "4242424242424242" },
      { kind: "subscription", product: "club", status: "expired", startedMonthsAgo: 9, endedMonthsAgo: 4, card: "4242424242424242" },
    ],
    others: [{ email: "kenji.sato@example.com", name: "Kenji Sato", purchases: [{ kind: "subscription", product: "club", status: "active", startedMonthsAgo: 2 }] }],
  },
];
