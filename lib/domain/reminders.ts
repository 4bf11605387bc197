// When a reminder is due, and the key that makes it unique. Pure: no I/O.
import { shiftWorkingDays, type WorkCalendar } from "./working-days";

export const DEFAULT_REMINDER_OFFSETS = "3,1";
export const MAX_REMINDER_OFFSET = 30;
export const MAX_REMINDER_OFFSETS = 5;

/** A stored preference ("3,1") as working-day offsets, largest first; anything unreadable is ignored. */
export function parseOffsets(stored: string): number[] {
  const out = new Set<number>();
  for (const part of stored.split(",")) {
    const s = part.trim();
    if (!/^\d{1,2}$/.test(s)) continue;
    const n = Number(s);
    if (n >= 0 && n <= MAX_REMINDER_OFFSET) out.add(n);
  }
  return [...out].sort((a, b) => b - a);
}

/**
 * Which of the member's reminders for a date `dueOn` should go out on `today`: the reminder N
 * working days before is due from that day until `dueOn`. When several are due (the deadline
 * appeared late, or the worker was down), only the nearest one goes out, so a member is not
 * told three times on one day; the others never will be (their day has passed).
 */
export function dueReminderOffset(dueOn: string, offsets: readonly number[], today: string, cal: WorkCalendar): number | null {
  if (dueOn < today) return null;
  let best: number | null = null;
  for (const n of offsets) {
    const sendOn = n === 0 ? dueOn : shiftWorkingDays(dueOn, -n, cal).date;
    if (sendOn <= today && (best === null || n < best)) best = n;
  }
  return best;
}

export const REMINDER_CHANNELS = ["email", "telegram"] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];

/** A stored choice of channels ("email,telegram") as a list; anything unknown is ignored. */
export function parseChannels(stored: string): ReminderChannel[] {
  const parts = stored.split(",").map((s) => s.trim());
  return REMINDER_CHANNELS.filter((c) => parts.includes(c));
}

export type ReminderItem =
  | { type: "deadline"; ruleCode: string; nextStep: string; dueOn: string }
  | { type: "hearing"; hearingId: string; stageKind: string; dueOn: string; time: string }
  /** A next step assigned to one member: only they are reminded of it. */
  | { type: "step"; stepId: string; kind: string; description: string; assigneeId: string; dueOn: string };

/**
 * One reminder per case, deadline (its rule and due date), offset, channel and member: a
 * deadline that moves is a new deadline with new keys, and the old one's job is dropped when
 * its time comes.
 */
export function reminderKey(caseId: string, item: ReminderItem, offset: number, channel: ReminderChannel, userId: string): string {
  const what = item.type === "deadline" ? `deadline:${item.ruleCode}` : item.type === "hearing" ? `hearing:${item.hearingId}` : `step:${item.stepId}`;
  return `reminder:${caseId}:${what}:${item.dueOn}:${offset}:${channel}:${userId}`;
}
