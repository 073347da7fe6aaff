import type { EntityManager } from "@mikro-orm/postgresql";
import { type Identity, unauthenticated } from "@billfold/shared";
import { Person } from "./person.entity.ts";
import { ensurePerson, findPerson, type PersonProfile } from "./person.service.ts";
import { normalizeName, normalizePhone } from "./profile.util.ts";
import type { ViewerModel } from "./viewer.type.ts";

type PersonIdentity = Extract<Identity, { kind: "person" }>;

export interface ProfileChanges {
  name?: string | null;
  phone?: string | null;
}

export function requirePerson(identity: Identity): PersonIdentity {
  if (identity.kind !== "person") throw unauthenticated();
  return identity;
}

/** The Viewer of a person identity, with the profile row when there is one. */
export function viewerOf(identity: PersonIdentity, person: PersonProfile | null): ViewerModel {
  return {
    email: identity.email,
    mode: identity.mode,
    name: person?.name ?? null,
    phone: person?.phone ?? null,
    sessionId: identity.sessionId,
    businessScope: identity.businessScope ?? null,
    accounts: identity.accounts.map(({ businessId, customerId }) => ({ businessId, customerId, mode: identity.mode })),
  };
}

/** The signed-in person's profile; null for anyone else. A person without a row yet has no name or phone. */
export async function viewerFor(em: EntityManager, identity: Identity): Promise<ViewerModel | null> {
  if (identity.kind !== "person") return null;
  return viewerOf(identity, await findPerson(em, identity.email));
}

export async function updateProfile(em: EntityManager, identity: Identity, changes: ProfileChanges): Promise<ViewerModel> {
  const person = requirePerson(identity);
  const name = changes.name === undefined ? undefined : normalizeName(changes.name);
  const phone = changes.phone === undefined ? undefined : normalizePhone(changes.phone);
  await ensurePerson(em, person.email);
  const row = await em.findOneOrFail(Person, { email: person.email.toLowerCase() });
  if (name !== undefined) row.name = name;
  if (phone !== undefined) row.phone = phone;
  await em.flush();
  return viewerOf(person, row);
}
