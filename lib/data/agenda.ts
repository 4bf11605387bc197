// What is coming for a member's groups: each case's open deadline and its hearings, the list the
// calendar feed, the Telegram /due command and the weekly digest are made of. The same
// reading of a case as the reminders (lib/data/reminders.ts upcoming), so all channels agree.
// No "server-only": the worker (digest, Telegram) runs it from a script too.
import type { Db } from "../db-client";
import type { ReminderItem } from "../domain/reminders";
import { caseSelect, loadClock, upcoming } from "./reminders";

export interface AgendaEntry {
  caseId: string;
  groupId: string;
  title: string;
  isPublic: boolean;
  /** Deadlines and hearings: a next step is its assignee's own (reminded by email), not the group's calendar. */
  item: Exclude<ReminderItem, { type: "step" }>;
}

/** Every deadline and hearing of the groups' cases dated from `from` to `until` (inclusive), by date. */
export async function agendaFor(db: Db, groupIds: string[], from: string, until?: string): Promise<AgendaEntry[]> {
  if (groupIds.length === 0) return [];
  const [clock, cases] = await Promise.all([
    loadClock(db),
    db.application.findMany({ where: { groupId: { in: groupIds } }, select: { ...caseSelect, isPublic: true } }),
  ]);
  const out: AgendaEntry[] = [];
  for (const c of cases) {
    for (const item of upcoming(c, clock, from)) {
      if (item.type === "step") continue;
      if (until && item.dueOn > until) continue;
      out.push({ caseId: c.id, groupId: c.groupId, title: c.title, isPublic: c.isPublic, item });
    }
  }
  return out.sort((a, b) => a.item.dueOn.localeCompare(b.item.dueOn) || (a.item.type === "hearing" ? a.item.time : "").localeCompare(b.item.type === "hearing" ? b.item.time : "") || a.caseId.localeCompare(b.caseId));
}

/** A stable id for one entry (the event's UID in a calendar). */
export function entryId(e: Pick<AgendaEntry, "caseId" | "item">): string {
  return e.item.type === "deadline" ? `${e.caseId}-deadline-${e.item.ruleCode}-${e.item.dueOn}` : `${e.caseId}-hearing-${e.item.hearingId}`;
}
