import type { EntityManager } from "@mikro-orm/postgresql";
import { newId } from "@billfold/shared";
import { normalizeEmail } from "../shared/email.util.ts";
import { Person } from "./person.entity.ts";

/** Creates the person row for an email unless it exists (one statement, safe under concurrency). */
export async function ensurePerson(em: EntityManager, email: string): Promise<void> {
  await em.createQueryBuilder(Person).insert({ id: newId("per"), email: normalizeEmail(email) }).onConflict("email").ignore().execute();
}

export function findPerson(em: EntityManager, email: string): Promise<Person | null> {
  return em.findOne(Person, { email: normalizeEmail(email) });
}
