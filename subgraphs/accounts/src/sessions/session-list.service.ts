import type { EntityManager } from "@mikro-orm/postgresql";
import { SESSION_IDLE_TIMEOUT_MS, sessionState } from "../access/access.policy.ts";
import { normalizeEmail } from "../shared/email.util.ts";
import { Session } from "./session.entity.ts";

export interface SessionSummary {
  id: string;
  userAgent: string | null;
  ip: string | null;
  mode: Session["mode"];
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The person's signed-in browsers (portal sessions, both modes), most recently used first. */
export async function listSessions(em: EntityManager, email: string, currentId: string | null, now = new Date()): Promise<SessionSummary[]> {
  const rows = await em.find(
    Session,
    {
      email: normalizeEmail(email),
      kind: "person",
      revokedAt: null,
      expiresAt: { $gt: now },
      lastSeenAt: { $gt: new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS) },
    },
    { orderBy: { lastSeenAt: "desc", id: "asc" }, limit: 100 },
  );
  return rows
    .filter((row) => sessionState(row, now) === "active")
    .map((row) => ({
      id: row.id,
      userAgent: row.userAgent,
      ip: row.ip,
      mode: row.mode,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      current: row.id === currentId,
    }));
}

/** Ends every other live session of this person; answers the ids it ended. */
export async function endOtherSessions(em: EntityManager, email: string, currentId: string, now = new Date()): Promise<string[]> {
  const rows: { id: string }[] = await em
    .createQueryBuilder(Session)
    .update({ revokedAt: now })
    .where({ email: normalizeEmail(email), kind: "person", revokedAt: null, id: { $ne: currentId }, expiresAt: { $gt: now } })
    .returning(["id"])
    .execute("all");
  return rows.map((row) => row.id);
}
