import "server-only";
// A group's time zone: where its "today" is counted for deadlines, reminders and the dashboard.
import { db } from "../db";
import { groupIds, requireRole, type Actor } from "../auth/access";
import { DEFAULT_TIME_ZONE, todayIn } from "../domain/dates";
import { NotFoundError } from "../errors";
import { logChange } from "./audit";

export async function setGroupTimeZone(actor: Actor, input: { groupId: string; timeZone: string }) {
  if (!groupIds(actor).includes(input.groupId)) throw new NotFoundError();
  requireRole(actor, input.groupId, "admin");
  return db.$transaction(async (tx) => {
    const before = await tx.group.findUniqueOrThrow({ where: { id: input.groupId }, select: { timeZone: true } });
    const after = await tx.group.update({ where: { id: input.groupId }, data: { timeZone: input.timeZone }, select: { timeZone: true } });
    await logChange(tx, actor, { entity: "Group", entityId: input.groupId, groupId: input.groupId, action: "update", before, after });
  });
}

/** The zones of the member's groups, by group id. */
export async function groupTimeZones(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.group.findMany({ where: { id: { in: [...ids] } }, select: { id: true, timeZone: true } });
  return new Map(rows.map((g) => [g.id, g.timeZone]));
}

/** The member's "today": in their first group's time zone (the default zone without a group). */
export async function memberToday(actor: Actor | null, now: Date = new Date()): Promise<string> {
  const first = actor?.memberships[0]?.groupId;
  const zones = await groupTimeZones(first ? [first] : []);
  return todayIn((first && zones.get(first)) || DEFAULT_TIME_ZONE, now);
}
