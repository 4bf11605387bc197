import "server-only";
import { db } from "../db";

/** The signed-in member's reminder offsets ("3,1"; "" = none). */
export async function getReminderOffsets(userId: string): Promise<string> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { reminderOffsets: true } });
  return u?.reminderOffsets ?? "";
}

/**
 * A member's own preference, like the interface language: not a group's record, so it is not in
 * any group's change log. Reminders already queued under the old offsets are dropped at send time.
 */
export async function setReminderOffsets(userId: string, offsets: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { reminderOffsets: offsets } });
}
