// The account emails: the password reset link and the new-sign-in alert, each sent by a job
// (lib/jobs) in the member's language. No "server-only": the worker runs these.
import crypto from "node:crypto";
import { createTranslator } from "use-intl/core";
import type { Db } from "../db-client";
import { env } from "../env";
import { loadMessages } from "../i18n/catalogue";
import type { Locale } from "../i18n/config";
import { registerHandler, type ClaimedJob, type JobContext, type JobOutcome } from "../jobs";
import { notify, type Message } from "../mail";
import { lockAccountUrl } from "./panic-token";

export const SIGN_IN_ALERT_KIND = "account.sign-in-alert";
export const RESET_EMAIL_KIND = "account.password-reset";
/** How long a reset link works. */
export const RESET_TTL_MS = 30 * 60_000;

function accountTranslator(locale: Locale) {
  return createTranslator({ locale, messages: loadMessages(locale) as Record<string, never>, namespace: "accounts.mail" as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
}

export function resetTokenHash(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new reset token (only its hash is stored) and its link. */
export function newResetToken(): { token: string; hash: string; url: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, hash: resetTokenHash(token), url: `${env.appUrl}/password-reset/link?t=${token}` };
}

/** Creates a reset link for the user: single use, RESET_TTL_MS, stored as its hash. */
export async function createResetLink(db: Pick<Db, "passwordReset">, userId: string, createdById: string | null, now = new Date()): Promise<string> {
  const t = newResetToken();
  await db.passwordReset.create({ data: { userId, tokenHash: t.hash, createdById, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) } });
  return t.url;
}

function when(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Almaty" }).format(d);
}

export function resetMessage(url: string): Message {
  return (_t, locale) => {
    const t = accountTranslator(locale);
    return {
      subject: t("reset.subject"),
      greeting: t("greeting"),
      paragraphs: [t("reset.body", { minutes: RESET_TTL_MS / 60_000 }), t("reset.ignore")],
      action: { label: t("reset.open"), url },
      footer: t("footer"),
    };
  };
}

export function signInAlertMessage(a: { device: string; at: Date; lockUrl: string }): Message {
  return (_t, locale) => {
    const t = accountTranslator(locale);
    return {
      subject: t("alert.subject"),
      greeting: t("greeting"),
      paragraphs: [t("alert.body", { device: a.device || t("alert.unknownDevice"), when: when(locale, a.at) }), t("alert.ifYou"), t("alert.ifNot")],
      action: { label: t("alert.lock"), url: a.lockUrl },
      footer: t("footer"),
      lock: { label: t("lockLink"), url: a.lockUrl },
    };
  };
}

export function deviceLabel(d: { browser: string; os: string }): string {
  return [d.browser, d.os].filter(Boolean).join(" · ");
}

/** The reset email: the token is made here, at send time, so no job payload ever holds one. */
export async function sendResetEmail(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const { userId } = job.payload as { userId: string };
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  if (!user) return { drop: "gone" };
  if (ctx.now.getTime() - new Date((job.payload as { at: string }).at).getTime() > RESET_TTL_MS) return { drop: "too late" };
  const url = await createResetLink(ctx.db, userId, null, ctx.now);
  const result = await notify(user, resetMessage(url), { dedupeId: job.key });
  if (!result.sent) return { drop: "email is off" };
}

export async function sendSignInAlert(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const { sessionId } = job.payload as { sessionId: string };
  const s = await ctx.db.userSession.findUnique({ where: { id: sessionId }, select: { browser: true, os: true, createdAt: true, user: { select: { id: true, email: true, name: true, locale: true } } } });
  if (!s) return { drop: "gone" };
  const result = await notify(s.user, signInAlertMessage({ device: deviceLabel(s), at: s.createdAt, lockUrl: await lockAccountUrl(s.user.id) }), { dedupeId: job.key });
  if (!result.sent) return { drop: "email is off" };
}

export function registerAccountJobs(): void {
  registerHandler(RESET_EMAIL_KIND, sendResetEmail);
  registerHandler(SIGN_IN_ALERT_KIND, sendSignInAlert);
}

