import { DEMO_BUSINESSES } from "../../scripts/src/seed/demo-catalog.ts";
import en from "../../web/src/locales/en.ts";
import hi from "../../web/src/locales/hi.ts";

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const EN = flatten(en as unknown as Messages);
const HI = flatten(hi as unknown as Messages);

/** vue-i18n message syntax: `{name}` placeholders, `{'@'}` literals, `|` plural forms. */
function literalParts(message: string): string[] {
  return message
    .replace(/\{'(.)'\}/g, "$1")
    .split(/\{[^}]*\}|\|/)
    .map((part) => part.trim())
    .filter(Boolean);
}

const WORD = /[A-Za-z][A-Za-z'’]{2,}/g;

/**
 * The pieces of English UI text that must not show on a Hindi screen: every literal part of an
 * English message that differs from its Hindi counterpart and holds at least one word of three
 * letters or more (so "PDF" kept as-is in Hindi, or a lone "/" between placeholders, is not one).
 */
export const ENGLISH_FRAGMENTS: readonly string[] = [
  ...new Set(
    [...EN.entries()]
      .filter(([key, text]) => HI.get(key) !== text)
      .flatMap(([, text]) => literalParts(text))
      .filter((part) => (part.match(WORD) ?? []).length > 0),
  ),
].sort((a, b) => b.length - a.length);

/** Latin-script words the Hindi messages use themselves (brand and technical terms such as "PDF"). */
const HINDI_OWN_WORDS = new Set(
  [...HI.values()].flatMap((text) => literalParts(text)).flatMap((part) => part.match(WORD) ?? []).map((w) => w.toLowerCase()),
);

/** Data, not UI: names of businesses, products and people, and the seed's descriptions. */
const DATA_PHRASES = [
  ...DEMO_BUSINESSES.flatMap((b) => [b.name, ...b.products.flatMap((p) => [p.name, p.description])]),
  "Demo Person",
  // Device names the seed activates license keys on (scripts/src/seed/seed-business.ts).
  "Studio iMac",
  "MacBook Air",
  // Browser and system names of the signed-in sessions list (proper nouns).
  ...["Chrome", "Firefox", "Safari", "Edge", "Android", "iOS", "Windows", "macOS", "Linux"],
  "Billfold",
  "American Express",
  "Diners Club",
  "Visa",
  "Mastercard",
  "RuPay",
].sort((a, b) => b.length - a.length);

function stripData(text: string, extra: readonly string[]): string {
  let out = text;
  for (const phrase of [...extra, ...DATA_PHRASES]) out = out.split(phrase).join(" ");
  return out
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ") // emails
    .replace(/\b[A-Z]{2,5}(?:-[A-Z0-9]+)*-\d{3,}\b/g, " ") // invoice numbers (KTF-00001, test mode KTF-T-00001)
    .replace(/\b[a-z]{2,4}_[A-Za-z0-9]+\b/g, " ") // ids (in_…, lki_…)
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[A-Z]{0,3}[$€¥₹£]\s?[\d.,]+|[\d.,]+\s?[$€¥₹£]/g, " ") // money
    .replace(/\b[A-Z0-9]{4,}(?:-[A-Z0-9•*]{4,})+\b/g, " "); // license keys
}

export interface EnglishLeftovers {
  /** English messages found verbatim. */
  fragments: string[];
  /** Latin-script words left once data and the Hindi messages' own terms are removed. */
  words: string[];
}

/** What English UI text remains in the given screen texts (an empty result means fully Hindi). */
export function englishLeftovers(texts: readonly string[], extraData: readonly string[] = []): EnglishLeftovers {
  const joined = texts.join("\n");
  const fragments = ENGLISH_FRAGMENTS.filter((fragment) => {
    // Whole-word matches only, so "Pro" (a product) is not "Profile".
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^A-Za-z])${escaped}($|[^A-Za-z])`).test(stripData(joined, extraData));
  });
  const words = [...new Set((stripData(joined, extraData).match(WORD) ?? []).filter((w) => !HINDI_OWN_WORDS.has(w.toLowerCase())))];
  return { fragments, words };
}
