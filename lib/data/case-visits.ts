import "server-only";
// What changed since a member last looked: when they last opened each case, and the cases
// someone else has changed since (since they joined, for a case they never opened).
import { db } from "../db";
import { versionedCache } from "../db-client";
import { can, groupIds, visibleGroupIds, type Actor } from "../auth/access";

// Both answers below change only when something is written (a change logged, a visit recorded,
// a membership), so they are kept until the next write: a member's list and case pages asked
// the database again on every view (the list's check was a fifth of its server time).
const visitCurrent = versionedCache<boolean>(2000);
const changedCache = versionedCache<readonly string[]>(500);

/** Records that the member has seen the case as it is now (members of its group only). */
export async function recordCaseVisit(actor: Actor | null, applicationId: string, groupId: string, now: Date = new Date()): Promise<void> {
  if (!actor || !can(actor, groupId, "viewer")) return;
  // Only when there is something new to clear: an open page is not worth a write each time.
  if (await visitCurrent(db, `${actor.userId}|${applicationId}`, () => nothingNewSinceVisit(actor.userId, applicationId))) return;
  await db.caseVisit.upsert({
    where: { userId_applicationId: { userId: actor.userId, applicationId } },
    create: { userId: actor.userId, applicationId, seenAt: now },
    update: { seenAt: now },
  });
}

/**
 * The ids of the member's groups' cases that someone else changed after the member last
 * opened them (or, never opened, after the member joined the group).
 */
export async function casesChangedSinceVisit(actor: Actor, among?: readonly string[]): Promise<Set<string>> {
  const groups = groupIds(actor);
  if (groups.length === 0) return new Set();
  const key = `${actor.userId}|${visibleGroupIds(actor).join(",")}|${among ? among.join(",") : "*"}`;
  return new Set(await changedCache(db, key, async () => [...(await computeChangedSinceVisit(actor, groups, among))]));
}

/** Whether the member has a visit of the case and nobody else changed it since. */
async function nothingNewSinceVisit(userId: string, applicationId: string): Promise<boolean> {
  const seen = await db.caseVisit.findUnique({ where: { userId_applicationId: { userId, applicationId } }, select: { seenAt: true } });
  if (!seen) return false;
  const news = await db.changeLog.findFirst({ where: { caseId: applicationId, at: { gt: seen.seenAt }, OR: [{ userId: null }, { userId: { not: userId } }] }, select: { id: true } });
  return !news;
}

async function computeChangedSinceVisit(actor: Actor, groups: string[], among?: readonly string[]): Promise<Set<string>> {
  const joined = await db.membership.findMany({ where: { userId: actor.userId, groupId: { in: groups } }, select: { groupId: true, createdAt: true } });
  const since = joined.reduce((min, m) => (m.createdAt < min ? m.createdAt : min), new Date());
  const changes = await db.changeLog.groupBy({
    by: ["caseId", "groupId"],
    where: { groupId: { in: groups }, caseId: among ? { in: [...among] } : { not: null }, at: { gt: since }, OR: [{ userId: null }, { userId: { not: actor.userId } }] },
    _max: { at: true },
  });
  if (changes.length === 0) return new Set();
  const visits = await db.caseVisit.findMany({ where: { userId: actor.userId, applicationId: { in: changes.map((c) => c.caseId!) } }, select: { applicationId: true, seenAt: true } });
  const seen = new Map(visits.map((v) => [v.applicationId, v.seenAt]));
  const joinedAt = new Map(joined.map((m) => [m.groupId, m.createdAt]));
  const out = new Set<string>();
  for (const c of changes) {
    const last = c._max.at;
    const base = seen.get(c.caseId!) ?? joinedAt.get(c.groupId ?? "") ?? since;
    if (last && last > base) out.add(c.caseId!);
  }
  return out;
}
