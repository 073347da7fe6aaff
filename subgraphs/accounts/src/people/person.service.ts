import type { EntityManager } from "@mikro-orm/postgresql";
import { newId, qualifiedTable } from "@billfold/shared";
import { normalizeEmail } from "../shared/email.util.ts";
import { Person } from "./person.entity.ts";

/** Creates the person row for an email unless it exists (one statement, safe under concurrency). */
export async function ensurePerson(em: EntityManager, email: string): Promise<void> {
  await em.createQueryBuilder(Person).insert({ id: newId("per"), email: normalizeEmail(email) }).onConflict("email").ignore().execute();
}

/** A person's profile fields. */
export type PersonProfile = Pick<Person, "name" | "phone">;

/** The profile of an email as a plain read-only row (read on every viewer request, so no hydration). */
export async function findPerson(em: EntityManager, email: string): Promise<PersonProfile | null> {
  const [row] = await em.execute<PersonProfile[]>(`select name, phone from ${qualifiedTable(em, Person)} where email = ?`, [normalizeEmail(email)]);
  return row ?? null;
}
