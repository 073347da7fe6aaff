/** `INV-00042`: the shop's prefix and its counter, zero-padded so numbers sort as text too. */
export function formatInvoiceNumber(prefix: string, counter: number): string {
  if (!Number.isInteger(counter) || counter < 1) throw new Error(`invoice counter must be a positive integer, got ${counter}`);
  return `${prefix}-${String(counter).padStart(5, "0")}`;
}

/** Tax on a subtotal in basis points, rounded half up to the minor unit. */
export function taxFor(subtotal: number, taxRateBps: number): number {
  return Math.round((subtotal * taxRateBps) / 10_000);
}
