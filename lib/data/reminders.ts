// Deadline and hearing reminders by email (issue #13). A scan (job "reminders.scan", enqueued
// every SCAN_INTERVAL by whichever worker gets there first) enqueues one "reminders.email" job
// per due reminder, keyed by case, deadline, offset, channel and member, so each goes out once.
// At send time the reminder is checked against the case as it is then: a deadline that moved,
// a hearing that was rescheduled, a member who left the group, all drop the job unsent.
// No "server-only" marker: the worker runs this from a script and from instrumentation.ts.
import type { Db, Tx } from "../db-client";
import { env } from "../env";
import { todayIn } from "../domain/dates";
import { caseClockInput, effectiveDeadline, nextDeadline, storedOverride, type DeadlineRuleData } from "../domain/deadlines";
import { dueReminderOffset, parseOffsets, reminderKey, type ReminderItem } from "../domain/reminders";
import { calendarFrom, workingDaysBetween, type WorkCalendar } from "../domain/working-days";
import { dateFormat } from "../i18n/formatters";
import { enqueue, registerHandler, registerRecurring, type ClaimedJob, type JobContext, type JobOutcome } from "../jobs";
import { mailEnabled, notify, type Message } from "../mail";

export const SCAN_KIND = "reminders.scan";
export const EMAIL_KIND = "reminders.email";
export const SCAN_INTERVAL_MS = 15 * 60_000;

interface ReminderPayload {
  caseId: string;
  userId: string;
  offset: number;
  item: ReminderItem;
}

// The same clock as lib/data/rules.ts loadClock, read without its cache (that module is server-only).
async function loadClock(db: Tx): Promise<{ rules: DeadlineRuleData[]; calendar: WorkCalendar }> {
  const [rules, holidays] = await Promise.all([
    db.deadlineRule.findMany({ where: { active: true } }),
    db.holiday.findMany({ where: { country: "KZ" }, select: { date: true, kind: true } }),
  ]);
  return { rules, calendar: calendarFrom(holidays) };
}

// What the case page reads to compute its clock (lib/data/cases.ts), plus hearings.
const caseSelect = {
  id: true,
  groupId: true,
  group: { select: { timeZone: true } },
  title: true,
  deadlineOverrideOn: true,
  deadlineOverrideRule: true,
  nextSteps: { where: { doneAt: null }, select: { id: true, kind: true, description: true, assigneeId: true, dueOn: true } },
  procedure: true,
  filedOn: true,
  filedOnPrecision: true,
  answers: {
    orderBy: [{ receivedOn: "asc" as const }, { createdAt: "asc" as const }],
    select: { receivedOn: true, receivedOnPrecision: true, partOutcomes: { select: { outcome: true } } },
  },
  appealStages: {
    orderBy: [{ filedOn: "asc" as const }, { createdAt: "asc" as const }],
    select: {
      id: true,
      kind: true,
      filedOn: true,
      ruling: { select: { decidedOn: true, decidedOnPrecision: true, outcome: true } },
      hearings: { select: { id: true, heldOn: true, heldOnPrecision: true, time: true } },
    },
  },
  events: { where: { kind: "withdrawn" }, select: { id: true } },
};

type CaseRow = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

function loadCase(db: Tx, id: string) {
  return db.application.findUnique({ where: { id }, select: caseSelect });
}

/** What a case has coming that a member should hear about: its open deadline and future hearings. */
function upcoming(c: CaseRow, clock: { rules: DeadlineRuleData[]; calendar: WorkCalendar }, today: string): ReminderItem[] {
  const items: ReminderItem[] = [];
  // A date a member set by hand is the one to be reminded of (lib/domain/deadlines effectiveDeadline).
  const d = effectiveDeadline(nextDeadline(caseClockInput(c, c.answers[c.answers.length - 1], c.events.length > 0), clock.rules, clock.calendar), storedOverride(c));
  if (d && d.dueOn >= today) items.push({ type: "deadline", ruleCode: d.ruleCode, nextStep: d.nextStep, dueOn: d.dueOn });
  for (const s of c.appealStages) {
    if (s.ruling) continue;
    for (const h of s.hearings) {
      if (h.heldOn && h.heldOnPrecision === "day" && h.heldOn >= today) {
        items.push({ type: "hearing", hearingId: h.id, stageKind: s.kind, dueOn: h.heldOn, time: h.time });
      }
    }
  }
  for (const s of c.nextSteps) {
    if (s.dueOn >= today) items.push({ type: "step", stepId: s.id, kind: s.kind, description: s.description, assigneeId: s.assigneeId, dueOn: s.dueOn });
  }
  return items;
}

/** A member hears of the case's deadlines and hearings, and of the steps assigned to them. */
function forMember(items: ReminderItem[], userId: string): ReminderItem[] {
  return items.filter((i) => i.type !== "step" || i.assigneeId === userId);
}

/** Enqueues every reminder due today that is not yet queued. Returns how many were added. */
export async function scanReminders(db: Db, now: Date = new Date()): Promise<number> {
  if (!mailEnabled()) return 0; // the only channel so far: nothing to queue without it
  const members = await db.membership.findMany({
    where: { user: { reminderOffsets: { not: "" } } },
    select: { groupId: true, user: { select: { id: true, reminderOffsets: true } } },
  });
  if (members.length === 0) return 0;
  const byGroup = new Map<string, { id: string; offsets: number[] }[]>();
  for (const m of members) {
    const offsets = parseOffsets(m.user.reminderOffsets);
    if (offsets.length) (byGroup.get(m.groupId) ?? byGroup.set(m.groupId, []).get(m.groupId)!).push({ id: m.user.id, offsets });
  }
  const [clock, cases] = await Promise.all([loadClock(db), db.application.findMany({ where: { groupId: { in: [...byGroup.keys()] } }, select: caseSelect })]);
  let added = 0;
  for (const c of cases) {
    // "Today" where the group is: a reminder for Thursday goes out on the group's Monday morning.
    const today = todayIn(c.group.timeZone, now);
    const items = upcoming(c, clock, today);
    if (!items.length) continue;
    for (const member of byGroup.get(c.groupId) ?? []) {
      for (const item of forMember(items, member.id)) {
        const offset = dueReminderOffset(item.dueOn, member.offsets, today, clock.calendar);
        if (offset === null) continue;
        const payload: ReminderPayload = { caseId: c.id, userId: member.id, offset, item };
        // Eight attempts span about an hour of backoff: an SMTP server down for a while still delivers.
        if (await enqueue(db, { kind: EMAIL_KIND, key: reminderKey(c.id, item, offset, "email", member.id), payload, runAt: now, maxAttempts: 8 })) added++;
      }
    }
  }
  return added;
}

/** Sends one reminder, if it still holds. */
export async function sendReminder(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const p = job.payload as ReminderPayload;
  const [user, c, clock] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: p.userId }, select: { email: true, name: true, locale: true, reminderOffsets: true } }),
    loadCase(ctx.db, p.caseId),
    loadClock(ctx.db),
  ]);
  if (!user || !c) return { drop: "gone" };
  const today = todayIn(c.group.timeZone, ctx.now);
  if (p.item.dueOn < today) return { drop: "past" };
  const member = await ctx.db.membership.findUnique({ where: { userId_groupId: { userId: p.userId, groupId: c.groupId } }, select: { group: { select: { name: true } } } });
  if (!member) return { drop: "not a member" };
  if (!parseOffsets(user.reminderOffsets).includes(p.offset)) return { drop: "preference changed" };
  const still = forMember(upcoming(c, clock, today), p.userId).some((i) => reminderKey(c.id, i, p.offset, "email", p.userId) === job.key);
  if (!still) return { drop: p.item.type === "deadline" ? "deadline moved" : p.item.type === "hearing" ? "hearing moved" : "step done or moved" };
  const days = Math.max(0, workingDaysBetween(today, p.item.dueOn, clock.calendar));
  const result = await notify(user, reminderMessage({ title: c.title, group: member.group.name, item: p.item, days, url: `${env.appUrl}/applications/${encodeURIComponent(c.id)}` }), { dedupeId: job.key });
  if (!result.sent) return { drop: "email is off" };
}

/** The email: the case title (members may read it), what is due and when, a link. No applicant's data. */
export function reminderMessage(r: { title: string; group: string; item: ReminderItem; days: number; url: string }): Message {
  return (t, locale) => {
    const date = dateFormat(locale, "day").format(new Date(`${r.item.dueOn}T00:00:00Z`));
    const what =
      r.item.type === "deadline"
        ? t(`reminder.step.${stepKey(r.item.nextStep)}`)
        : r.item.type === "hearing"
          ? t("reminder.hearing", { stage: t(`reminder.stage.${stageKey(r.item.stageKind)}`) })
          : t(`reminder.assigned.${ASSIGNED.includes(r.item.kind) ? r.item.kind : "other"}`, { description: r.item.description });
    const time = r.item.type === "hearing" && r.item.time ? r.item.time : "";
    return {
      subject: t("reminder.subject", { what, date, title: r.title }),
      greeting: t("greeting"),
      paragraphs: [
        t("reminder.body", { title: r.title, what, date, days: r.days }),
        ...(time ? [t("reminder.time", { time })] : []),
        t("reminder.check"),
      ],
      action: { label: t("reminder.open"), url: r.url },
      footer: t("reminder.footer", { group: r.group }),
    };
  };
}

const ASSIGNED = ["complaint", "hearing", "ruling", "other"];
const STEPS = ["answer", "complaint", "first_instance", "appeal", "cassation"];
function stepKey(s: string): string {
  return STEPS.includes(s) ? s : "other";
}
function stageKey(s: string): string {
  return STEPS.includes(s) && s !== "answer" ? s : "other";
}

/** The worker's reminder jobs: the periodic scan and the sending. */
export function registerReminderJobs(): void {
  registerRecurring(SCAN_KIND, SCAN_INTERVAL_MS);
  registerHandler(SCAN_KIND, async (_job, ctx) => {
    await scanReminders(ctx.db, ctx.now);
  });
  registerHandler(EMAIL_KIND, sendReminder);
}
