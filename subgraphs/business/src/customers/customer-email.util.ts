import { badInput } from "@billfold/shared";

// Pragmatic check: one @, something dotted after it, no spaces; the login link proves the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims and lower-cases an email, or refuses it with BAD_USER_INPUT. */
export function normalizeEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > 320 || !EMAIL.test(email)) {
    throw badInput("Enter a valid email address.", { field: "email" });
  }
  return email;
}
