/** Digits after the decimal point of a currency's minor unit: EUR 2, JPY 0, KWD 3 (ISO 4217 via Intl). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `1234, "EUR"` → `€12.34`; `1234, "JPY"` → `¥1,234`: integer minor units to a display amount. */
export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  const code = currency.toUpperCase();
  const digits = minorUnitDigits(code);
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(amountMinor / 10 ** digits);
}
