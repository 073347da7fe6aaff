/** Emails are compared and stored trimmed and lower-case: a person is one email, however typed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
