/** Two letters for a business's avatar: first letters of the first two words, or the first letter of one word. */
export function brandInitials(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const letters = words.length >= 2 ? [words[0], words[1]].map((w) => Array.from(w)[0]) : Array.from(words[0] ?? "").slice(0, 1);
  return letters.join("").toLocaleUpperCase() || "?";
}
