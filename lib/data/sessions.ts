import "server-only";
// My sessions: a row per sign-in beside the JWT (which carries its id as `sid`). Every request
// checks the row is still open (lib/data/users.ts loadActorForSession), so "sign out" on one
// device ends that device's cookie at its next request. "Sign out everywhere" also raises the
// user's session version, as every older path (password change, removal) does.
import { db } from "../db";
import type { Actor } from "../auth/access";
import { describeDevice, sameDevice } from "../auth/device";
import { SESSION_MAX_AGE_SECONDS } from "../auth/cookies";
import { NotFoundError } from "../errors";
import { enqueue } from "../jobs";
import { mailEnabled } from "../mail";
import { SIGN_IN_ALERT_KIND } from "../accounts/mail";

/** lastSeenAt is written at most this often, so a busy member does not write on every request. */
export const LAST_SEEN_EVERY_MS = 5 * 60_000;

/**
 * Opens a session for a complete sign-in and returns its id. When the browser and system were
 * never seen for this member before (and they have signed in before), a new-sign-in alert is
 * queued in the same transaction, if email is configured.
 */
export async function openSession(userId: string, userAgent: string | null, now = new Date()): Promise<string> {
  const device = describeDevice(userAgent);
  return db.$transaction(async (tx) => {
    const seen = await tx.userSession.findMany({ where: { userId }, select: { browser: true, os: true }, distinct: ["browser", "os"] });
    const row = await tx.userSession.create({
      data: { userId, ...device, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    });
    if (seen.length > 0 && !seen.some((d) => sameDevice(d, device)) && mailEnabled()) {
      await enqueue(tx, { kind: SIGN_IN_ALERT_KIND, key: `${SIGN_IN_ALERT_KIND}:${row.id}`, payload: { sessionId: row.id }, maxAttempts: 8 });
    }
    return row.id;
  });
}

/** Records that the session was used, at most every few minutes. */
export async function touchSession(sessionId: string, lastSeenAt: Date, now = new Date()): Promise<void> {
  if (now.getTime() - lastSeenAt.getTime() < LAST_SEEN_EVERY_MS) return;
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
}

export interface SessionRow {
  id: string;
  browser: string;
  os: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The member's open sessions, this device first, then the most recently seen. */
export async function listSessions(actor: Actor, currentId: string | null, now = new Date()): Promise<SessionRow[]> {
  const rows = await db.userSession.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, browser: true, os: true, createdAt: true, lastSeenAt: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === currentId })).sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs one of the member's own devices out; anyone else's session is "not found". */
export async function revokeSession(actor: Actor, sessionId: string, now = new Date()): Promise<void> {
  const done = await db.userSession.updateMany({ where: { id: sessionId, userId: actor.userId, revokedAt: null }, data: { revokedAt: now } });
  if (done.count === 0) throw new NotFoundError();
}

