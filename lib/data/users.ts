import "server-only";
import { db, type Tx } from "../db";
import { versionedCache } from "../db-client";
import { roleAtLeast, type Actor, type CaseGrant } from "../auth/access";
import type { Role } from "../domain/vocabulary";
import { isOneOf, ROLES } from "../domain/vocabulary";
import { touchSession } from "./sessions";

export function findUserForSignIn(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true, totpEnabledAt: true, locale: true, lockedAt: true } });
}

/**
 * The signed-in user with their memberships, never stale so a role change or removal applies
 * at once: kept only until anything is written (versionedCache).
 */
export async function loadActor(userId: string): Promise<Actor | null> {
  return (await loadAccount(userId))?.actor ?? null;
}

/**
 * The user a session token names, only while the token's session version is the user's
 * current one: sign-out, a password change and removal from a group raise the version
 * (endSessions), so every token issued before stops working at once. The version is read
 * through the same write-invalidated cache as the actor, so raising it takes effect on the
 * very next request.
 */
export async function loadActorForSession(userId: string, sessionVersion: unknown, sessionId?: unknown): Promise<Actor | null> {
  const account = await loadAccount(userId);
  if (!account || typeof sessionVersion !== "number" || account.sessionVersion !== sessionVersion) return null;
  // The device's own row (My sessions): signed out there, or a token from before the table, is no session.
  const open = typeof sessionId === "string" ? account.sessions.find((s) => s.id === sessionId) : undefined;
  if (!open || account.locked) return null;
  await touchSession(open.id, open.lastSeenAt);
  return account.actor;
}

/** Ends every session of the user, on every device (their API tokens are governed separately). */
/** Ends one of the user's sessions (sign-out on that device): its token stops working at once. */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function endSessions(userId: string, tx: Tx | typeof db = db): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

interface Account {
  actor: Actor;
  sessionVersion: number;
  locked: boolean;
  sessions: { id: string; lastSeenAt: Date }[];
}

function loadAccount(userId: string): Promise<Account | null> {
  return accountCache(db, userId, () => computeAccount(userId));
}
const accountCache = versionedCache<Account | null>(500);

async function computeAccount(userId: string): Promise<Account | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      sessionVersion: true,
      isOperator: true,
      totpEnabledAt: true,
      lockedAt: true,
      sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } }, select: { id: true, lastSeenAt: true } },
      memberships: { select: { groupId: true, role: true, group: { select: { name: true, slug: true, requireTwoFactor: true } } } },
    },
  });
  if (!user) return null;
  const actor = toActor(user);
  actor.caseGrants = await loadCaseGrants(actor, Boolean(user.totpEnabledAt));
  return { sessionVersion: user.sessionVersion, locked: user.lockedAt !== null, sessions: user.sessions, actor };
}

/**
 * The cases shared with the actor's groups: the owner granted read or edit and the group's
 * admin accepted. Edit access makes editors of the group's editors and admins; its viewers
 * stay viewers. A case of a group that requires two-factor sign-in is shared only with users
 * who use it, as that group's own members are.
 */
async function loadCaseGrants(actor: Actor, twoFactor: boolean): Promise<CaseGrant[]> {
  if (!actor.memberships.length) return [];
  const rows = await db.applicationGroup.findMany({
    where: { groupId: { in: actor.memberships.map((m) => m.groupId) }, status: "accepted", access: { in: ["read", "edit"] }, accessAcceptedAt: { not: null } },
    select: { applicationId: true, groupId: true, access: true, application: { select: { groupId: true, group: { select: { requireTwoFactor: true } } } } },
    orderBy: [{ applicationId: "asc" }, { groupId: "asc" }],
  });
  return rows.flatMap((r) => {
    const m = actor.memberships.find((x) => x.groupId === r.groupId)!;
    if (r.application.groupId === r.groupId || (r.application.group.requireTwoFactor && !twoFactor)) return [];
    const role: Role = r.access === "edit" && roleAtLeast(m.role, "editor") ? "editor" : "viewer";
    return [{ applicationId: r.applicationId, ownerGroupId: r.application.groupId, viaGroupId: r.groupId, viaGroupName: m.groupName, role }];
  });
}

type AccountRow = {
  id: string;
  name: string;
  email: string;
  isOperator: boolean;
  totpEnabledAt: Date | null;
  memberships: { groupId: string; role: string; group: { name: string; slug: string; requireTwoFactor: boolean } }[];
};

/**
 * The one place a group's two-factor requirement is enforced: until the user has enrolled,
 * such a group's membership is left out of the actor, so its private records are hidden
 * from every page, API call and action exactly as from a non-member.
 */
function toActor(user: AccountRow): Actor {
  const valid = user.memberships.filter((m) => isOneOf(ROLES, m.role));
  const held = (m: AccountRow["memberships"][number]) => Boolean(user.totpEnabledAt) || !m.group.requireTwoFactor;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isOperator: user.isOperator,
    memberships: valid.filter(held).map((m) => ({ groupId: m.groupId, role: m.role as Actor["memberships"][number]["role"], groupName: m.group.name, groupSlug: m.group.slug })),
    twoFactorRequiredBy: valid.filter((m) => !held(m)).map((m) => m.group.name),
  };
}

export async function setUserLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
