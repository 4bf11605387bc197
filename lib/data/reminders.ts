// Deadline and hearing reminders by email (issue #13). A scan (job "reminders.scan", enqueued
// every SCAN_INTERVAL by whichever worker gets there first) enqueues one "reminders.email" job
// per due reminder, keyed by case, deadline, offset, channel and member, so each goes out once.
// At send time the reminder is checked against the case as it is then: a deadline that moved,
// a hearing that was rescheduled, a member who left the group, all drop the job unsent.
// No "server-only" marker: the worker runs this from a script and from instrumentation.ts.
import type { Db, Tx } from "../db-client";
import { env } from "../env";
import { todayIn, todayIso } from "../domain/dates";
import { caseClockInput, effectiveDeadline, nextDeadline, storedOverride, type DeadlineRuleData } from "../domain/deadlines";
import { dueReminderOffset, parseChannels, parseOffsets, reminderKey, type ReminderChannel, type ReminderItem } from "../domain/reminders";
import { calendarFrom, workingDaysBetween, type WorkCalendar } from "../domain/working-days";
import { dateFormat } from "../i18n/formatters";
import { enqueue, registerHandler, registerRecurring, type ClaimedJob, type JobContext, type JobOutcome } from "../jobs";
import { mailEnabled, notify, type Message } from "../mail";
import { mailLocale, mailTranslator } from "../mail/render";
import { describeTelegramError, sendTelegram, telegramEnabled } from "../telegram/send";
import { notifyTranslator } from "../i18n/notify";
import { lockAccountUrl } from "../accounts/panic-token";

export const SCAN_KIND = "reminders.scan";
export const EMAIL_KIND = "reminders.email";
export const TELEGRAM_KIND = "reminders.telegram";
const KIND_OF: Record<ReminderChannel, string> = { email: EMAIL_KIND, telegram: TELEGRAM_KIND };
export const SCAN_INTERVAL_MS = 15 * 60_000;

interface ReminderPayload {
  caseId: string;
  userId: string;
  offset: number;
  item: ReminderItem;
}

// The same clock as lib/data/rules.ts loadClock, read without its cache (that module is server-only).
export async function loadClock(db: Tx): Promise<{ rules: DeadlineRuleData[]; calendar: WorkCalendar }> {
  const [rules, holidays] = await Promise.all([
    db.deadlineRule.findMany({ where: { active: true } }),
    db.holiday.findMany({ where: { country: "KZ" }, select: { date: true, kind: true } }),
  ]);
  return { rules, calendar: calendarFrom(holidays) };
}

// What the case page reads to compute its clock (lib/data/cases.ts), plus hearings.
export const caseSelect = {
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

export type CaseRow = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

export function loadCase(db: Tx, id: string) {
  return db.application.findUnique({ where: { id }, select: caseSelect });
}

/** What a case has coming that a member should hear about: its open deadline and future hearings. */
export function upcoming(c: CaseRow, clock: { rules: DeadlineRuleData[]; calendar: WorkCalendar }, today: string): ReminderItem[] {
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
  if (!mailEnabled() && !telegramEnabled()) return 0; // no channel: nothing to queue
  const members = await db.membership.findMany({
    where: { user: { reminderOffsets: { not: "" }, reminderChannels: { not: "" } } },
    select: { groupId: true, user: { select: { id: true, reminderOffsets: true, reminderChannels: true, telegramChatId: true } } },
  });
  if (members.length === 0) return 0;
  const byGroup = new Map<string, { id: string; offsets: number[]; channels: ReminderChannel[] }[]>();
  for (const m of members) {
    const offsets = parseOffsets(m.user.reminderOffsets);
    const channels = activeChannels(m.user);
    if (offsets.length && channels.length) (byGroup.get(m.groupId) ?? byGroup.set(m.groupId, []).get(m.groupId)!).push({ id: m.user.id, offsets, channels });
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
        for (const channel of member.channels) {
          // Eight attempts span about an hour of backoff: a server down for a while still delivers.
          const key = reminderKey(c.id, item, offset, channel, member.id);
          if (await enqueue(db, { kind: KIND_OF[channel], key, payload, runAt: now, maxAttempts: 8, groupId: c.groupId })) added++;
        }
      }
    }
  }
  return added;
}

/** The channels a member chose that can carry a reminder now: configured, and for Telegram linked. */
export function activeChannels(u: { reminderChannels: string; telegramChatId: string | null }): ReminderChannel[] {
  return parseChannels(u.reminderChannels).filter((c) => (c === "email" ? mailEnabled() : telegramEnabled() && u.telegramChatId !== null));
}

/** Sends one reminder, if it still holds, by the channel its kind names. */
export async function sendReminder(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const channel: ReminderChannel = job.kind === TELEGRAM_KIND ? "telegram" : "email";
  const p = job.payload as ReminderPayload;
  const [user, c, clock] = await Promise.all([
    ctx.db.user.findUnique({
      where: { id: p.userId },
      select: { email: true, name: true, locale: true, reminderOffsets: true, reminderChannels: true, telegramChatId: true, telegramPrivateTitles: true },
    }),
    loadCase(ctx.db, p.caseId),
    loadClock(ctx.db),
  ]);
  if (!user || !c) return { drop: "gone" };
  const today = todayIn(c.group.timeZone, ctx.now);
  if (p.item.dueOn < today) return { drop: "past" };
  const member = await ctx.db.membership.findUnique({ where: { userId_groupId: { userId: p.userId, groupId: c.groupId } }, select: { group: { select: { name: true } } } });
  if (!member) return { drop: "not a member" };
  if (!parseOffsets(user.reminderOffsets).includes(p.offset)) return { drop: "preference changed" };
  if (!parseChannels(user.reminderChannels).includes(channel)) return { drop: "channel turned off" };
  const still = forMember(upcoming(c, clock, today), p.userId).some((i) => reminderKey(c.id, i, p.offset, channel, p.userId) === job.key);
  if (!still) return { drop: p.item.type === "deadline" ? "deadline moved" : p.item.type === "hearing" ? "hearing moved" : "step done or moved" };
  const days = Math.max(0, workingDaysBetween(today, p.item.dueOn, clock.calendar));
  const url = `${env.appUrl}/applications/${encodeURIComponent(c.id)}`;
  if (channel === "telegram") {
    if (!telegramEnabled()) return { drop: "telegram is off" };
    if (!user.telegramChatId) return { drop: "telegram unlinked" };
    const isPublic = (await ctx.db.application.findUnique({ where: { id: c.id }, select: { isPublic: true } }))?.isPublic ?? false;
    const text = telegramReminderText({ title: c.title, isPublic, privateTitles: user.telegramPrivateTitles, group: member.group.name, item: p.item, days, url }, mailLocale(user.locale));
    try {
      // A crash between this send and the job's record sends it again when the lease runs out:
      // the Bot API has no idempotency key. Email carries a stable Message-ID for the same case.
      await sendTelegram(user.telegramChatId, text);
    } catch (e) {
      throw new Error(describeTelegramError(e));
    }
    return;
  }
  const lockUrl = await lockAccountUrl(p.userId);
  const result = await notify(user, reminderMessage({ title: c.title, group: member.group.name, item: p.item, days, url, lockUrl }), { dedupeId: job.key });
  if (!result.sent) return { drop: "email is off" };
}

/** The Telegram reminder: what is due and when, and the case link; a private case's title only if the member asked for it. */
export function telegramReminderText(
  r: { title: string; isPublic: boolean; privateTitles: boolean; group: string; item: ReminderItem; days: number; url: string },
  locale: ReturnType<typeof mailLocale>,
): string {
  const t = notifyTranslator(locale);
  const label = r.isPublic || r.privateTitles ? `«${r.title}»` : t("telegram.privateCase", { group: r.group });
  const date = dateFormat(locale, "day").format(new Date(`${r.item.dueOn}T00:00:00Z`));
  const mt = mailTranslator(locale);
  const what =
    r.item.type === "deadline"
      ? mt(`reminder.step.${stepKey(r.item.nextStep)}`)
      : r.item.type === "hearing"
        ? mt("reminder.hearing", { stage: mt(`reminder.stage.${stageKey(r.item.stageKind)}`) })
        : mt(`reminder.assigned.${ASSIGNED.includes(r.item.kind) ? r.item.kind : "other"}`, { description: r.item.description });
  const time = r.item.type === "hearing" && r.item.time ? ` ${r.item.time}` : "";
  return [t("telegram.reminder", { what, date: `${date}${time}`, days: r.days, case: label }), r.url].join("\n");
}

/** The email: the case title (members may read it), what is due and when, a link. No applicant's data. */
export function reminderMessage(r: { title: string; group: string; item: ReminderItem; days: number; url: string; lockUrl?: string }): Message {
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
      ...(r.lockUrl ? { lock: { label: t("lockAccount"), url: r.lockUrl } } : {}),
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
  registerHandler(TELEGRAM_KIND, sendReminder);
}
