import { badInput } from "@billfold/shared";

export const NAME_MAX_LENGTH = 100;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Trimmed, 1–100 characters; null clears the name. */
export function normalizeName(name: string | null): string | null {
  if (name === null) return null;
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (!trimmed) throw badInput("Name can't be empty.", { field: "name" });
  if (Array.from(trimmed).length > NAME_MAX_LENGTH) {
    throw badInput(`Name must be at most ${NAME_MAX_LENGTH} characters.`, { field: "name" });
  }
  return trimmed;
}

/** E.164 (`+` country code and number, e.g. +14155550123); spaces, dots, dashes and brackets are ignored; null or "" clears it. */
export function normalizePhone(phone: string | null): string | null {
  if (phone === null || phone.trim() === "") return null;
  const compact = phone.replace(/[\s.\-()]/g, "");
  if (!E164.test(compact)) {
    throw badInput("Enter the phone number in international format: + then country code and number, e.g. +14155550123.", {
      field: "phone",
    });
  }
  return compact;
}
