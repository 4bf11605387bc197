import "server-only";
import { db } from "../db";
import { versionedCache } from "../db-client";
import type { Actor } from "../auth/access";
import { isOneOf, ROLES } from "../domain/vocabulary";

export function findUserForSignIn(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, name: true, email: true, passwordHash: true } });
}

/**
 * The signed-in user with their memberships, never stale so a role change or removal applies
 * at once: kept only until anything is written (versionedCache).
 */
export async function loadActor(userId: string): Promise<Actor | null> {
  return actorCache(db, userId, () => computeActor(userId));
}
const actorCache = versionedCache<Actor | null>(500);

async function computeActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, isOperator: true, memberships: { select: { groupId: true, role: true, group: { select: { name: true, slug: true } } } } },
  });
  if (!user) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    isOperator: user.isOperator,
    memberships: user.memberships
      .filter((m) => isOneOf(ROLES, m.role))
      .map((m) => ({ groupId: m.groupId, role: m.role as Actor["memberships"][number]["role"], groupName: m.group.name, groupSlug: m.group.slug })),
  };
}

export async function setUserLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
