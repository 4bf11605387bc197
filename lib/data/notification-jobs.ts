// Email beyond reminders (issue #13): the weekly digest and invitations sent by email.
// No "server-only": the worker runs these from a script too.
//  - Digest: the recurring "digest.scan" enqueues one "digest.email" per member who wants it
//    per ISO week (the key names the week), to go out on Monday morning in the group's zone:
//    what is due in the member's groups in the next 7 days, and which cases changed last week.
//  - Invitation: creating an invitation enqueues "invitation.email" in the same transaction.
//    The link's token is the secret the email exists to carry; in the job it is sealed with a
//    key derived from NEXTAUTH_SECRET, so the database alone does not hold working links.
import crypto from "node:crypto";
import type { Db, Tx } from "../db-client";
import { env } from "../env";
import { addDays } from "../domain/dates";
import { DEFAULT_TIME_ZONE, zonedDate, zonedInstant } from "../domain/time-zone";
import type { Locale } from "../i18n/config";
import { notifyTranslator } from "../i18n/notify";
import { dateFormat } from "../i18n/formatters";
import { enqueue, registerHandler, registerRecurring, type ClaimedJob, type JobContext, type JobOutcome } from "../jobs";
import { mailEnabled, notify, type Message } from "../mail";
import { mailLocale } from "../mail/render";
import { describeEntry } from "../calendar/ics";
import { agendaFor, type AgendaEntry } from "./agenda";
import { reachableGroups } from "./telegram";

export const DIGEST_SCAN_KIND = "digest.scan";
export const DIGEST_KIND = "digest.email";
export const INVITATION_KIND = "invitation.email";
const HOUR_MS = 3_600_000;

// ───────────────────────────── weekly digest

/** The ISO week of a date ("2026-W49") and its Monday. */
export function isoWeek(date: string): { week: string; monday: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(date, -dow);
  const thursday = new Date(`${addDays(monday, 3)}T00:00:00Z`);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const n = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
  return { week: `${year}-W${String(n).padStart(2, "0")}`, monday };
}

export function digestKey(week: string, userId: string): string {
  return `digest:${week}:${userId}`;
}

/** Enqueues this week's digest for every member who wants it; a second scan adds nothing. */
export async function scanDigests(db: Db, now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const { week, monday } = isoWeek(zonedDate(now, DEFAULT_TIME_ZONE));
  const sendAt = zonedInstant(monday, "08:00", DEFAULT_TIME_ZONE);
  const users = await db.user.findMany({ where: { weeklyDigest: true, memberships: { some: {} } }, select: { id: true } });
  let added = 0;
  for (const u of users) {
    if (await enqueue(db, { kind: DIGEST_KIND, key: digestKey(week, u.id), payload: { userId: u.id, week }, runAt: sendAt > now ? sendAt : now, maxAttempts: 8 })) added++;
  }
  return added;
}

export async function sendDigest(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const p = job.payload as { userId: string; week: string };
  const user = await ctx.db.user.findUnique({ where: { id: p.userId }, select: { email: true, name: true, locale: true, weeklyDigest: true } });
  if (!user) return { drop: "gone" };
  if (!user.weeklyDigest) return { drop: "turned off" };
  if (!mailEnabled()) return { drop: "email is off" };
  const groups = await reachableGroups(ctx.db, p.userId);
  if (groups.length === 0) return { drop: "no groups" };
  const today = zonedDate(ctx.now, DEFAULT_TIME_ZONE);
  const due = await agendaFor(ctx.db, groups.map((g) => g.id), today, addDays(today, 6));
  const since = new Date(ctx.now.getTime() - 7 * 86_400_000);
  const changes = await ctx.db.changeLog.groupBy({
    by: ["caseId"],
    where: { groupId: { in: groups.map((g) => g.id) }, caseId: { not: null }, at: { gte: since } },
    _count: { _all: true },
  });
  const changedIds = changes.map((c) => c.caseId).filter((id): id is string => id !== null);
  const changed = changedIds.length
    ? await ctx.db.application.findMany({ where: { id: { in: changedIds }, groupId: { in: groups.map((g) => g.id) } }, select: { id: true, title: true }, orderBy: { title: "asc" } })
    : [];
  if (due.length === 0 && changed.length === 0) return { drop: "nothing to tell" };
  const count = new Map(changes.map((c) => [c.caseId, c._count._all]));
  const result = await notify(
    user,
    digestMessage({ due, changed: changed.map((c) => ({ ...c, changes: count.get(c.id) ?? 0 })), groups: groups.map((g) => g.name) }),
    { dedupeId: job.key },
  );
  if (!result.sent) return { drop: "email is off" };
}

function caseUrl(id: string): string {
  return `${env.appUrl}/applications/${encodeURIComponent(id)}`;
}

export function digestMessage(d: { due: AgendaEntry[]; changed: { id: string; title: string; changes: number }[]; groups: string[] }): Message {
  return (_mt, locale: Locale) => {
    const t = notifyTranslator(locale);
    const fmt = dateFormat(locale, "day");
    const paragraphs: string[] = [];
    paragraphs.push(d.due.length ? t("digest.dueTitle", { count: d.due.length }) : t("digest.dueNone"));
    for (const e of d.due) {
      const time = e.item.type === "hearing" && e.item.time ? ` ${e.item.time}` : "";
      paragraphs.push(`• ${fmt.format(new Date(`${e.item.dueOn}T00:00:00Z`))}${time} — ${describeEntry(e, locale)} — «${e.title}»: ${caseUrl(e.caseId)}`);
    }
    paragraphs.push(d.changed.length ? t("digest.changedTitle", { count: d.changed.length }) : t("digest.changedNone"));
    for (const c of d.changed) paragraphs.push(`• «${c.title}» (${t("digest.changes", { count: c.changes })}): ${caseUrl(c.id)}`);
    return {
      subject: t("digest.subject", { count: d.due.length }),
      greeting: t("greeting"),
      paragraphs,
      action: { label: t("digest.open"), url: `${env.appUrl}/dashboard` },
      footer: t("digest.footer", { groups: d.groups.join(", ") }),
    };
  };
}

// ───────────────────────────── invitations

function sealKey(): Buffer {
  return crypto.createHash("sha256").update(`invitation-mail|${env.authSecret}`, "utf8").digest();
}

export function sealToken(token: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv("aes-256-gcm", sealKey(), iv);
  const body = Buffer.concat([c.update(token, "utf8"), c.final()]);
  return [iv, c.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function openToken(sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((s) => Buffer.from(s, "base64url"));
    const d = crypto.createDecipheriv("aes-256-gcm", sealKey(), iv);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(body), d.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/**
 * In the transaction that creates the invitation: email the link, when email is configured,
 * in the inviter's chosen language (else DEFAULT_LOCALE). Returns whether it will be emailed.
 */
export async function enqueueInvitationEmail(tx: Tx, inv: { id: string; groupId: string }, token: string, inviterId: string): Promise<boolean> {
  if (!mailEnabled()) return false;
  const inviter = await tx.user.findUnique({ where: { id: inviterId }, select: { locale: true } });
  const locale = mailLocale(inviter?.locale);
  return enqueue(tx, { kind: INVITATION_KIND, key: `invitation:${inv.id}`, payload: { invitationId: inv.id, sealed: sealToken(token), locale }, maxAttempts: 8, groupId: inv.groupId });
}

export async function sendInvitationEmail(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const p = job.payload as { invitationId: string; sealed: string; locale: string };
  const inv = await ctx.db.invitation.findUnique({
    where: { id: p.invitationId },
    select: { email: true, role: true, expiresAt: true, acceptedAt: true, createdById: true, group: { select: { name: true } } },
  });
  if (!inv) return { drop: "revoked" };
  if (inv.acceptedAt) return { drop: "accepted" };
  if (inv.expiresAt <= ctx.now) return { drop: "expired" };
  const inviter = inv ? await ctx.db.user.findUnique({ where: { id: inv.createdById }, select: { name: true } }) : null;
  const token = openToken(p.sealed);
  if (!token) return { drop: "unreadable (NEXTAUTH_SECRET changed?)" };
  const result = await notify(
    { email: inv.email, name: "", locale: p.locale },
    invitationMessage({ group: inv.group.name, inviter: inviter?.name ?? "", role: inv.role, expiresAt: inv.expiresAt, url: `${env.appUrl}/invite/${token}` }),
    { dedupeId: job.key },
  );
  if (!result.sent) return { drop: "email is off" };
}

export function invitationMessage(i: { group: string; inviter: string; role: string; expiresAt: Date; url: string }): Message {
  return (_mt, locale: Locale) => {
    const t = notifyTranslator(locale);
    const role = t(`invitation.role.${["admin", "editor", "viewer"].includes(i.role) ? i.role : "viewer"}`);
    const until = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: DEFAULT_TIME_ZONE }).format(i.expiresAt);
    return {
      subject: t("invitation.subject", { group: i.group }),
      greeting: t("greeting"),
      paragraphs: [t("invitation.body", { inviter: i.inviter, group: i.group, role }), t("invitation.expires", { date: until }), t("invitation.ignore")],
      action: { label: t("invitation.accept"), url: i.url },
      footer: t("invitation.footer"),
    };
  };
}

export function registerNotificationJobs(): void {
  registerRecurring(DIGEST_SCAN_KIND, HOUR_MS);
  registerHandler(DIGEST_SCAN_KIND, async (_job, ctx) => {
    await scanDigests(ctx.db, ctx.now);
  });
  registerHandler(DIGEST_KIND, sendDigest);
  registerHandler(INVITATION_KIND, sendInvitationEmail);
}
