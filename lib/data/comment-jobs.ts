// "@name" in a comment tells that member, by the channels they chose for reminders (email,
// Telegram). Enqueued in the comment's own transaction, one job per member and channel; the
// key names the comment, so a comment edited to name the same member again tells them once.
// The message says who wrote and links to the case — no case title, no comment text: both can
// name an applicant, and a mail or chat message leaves the tracker.
// No "server-only": the worker runs these from a script too.
import type { Tx } from "../db-client";
import { env } from "../env";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "../i18n/catalogue";
import type { Locale } from "../i18n/config";
import { enqueue, registerHandler, type ClaimedJob, type JobContext, type JobOutcome } from "../jobs";
import { mailEnabled, notify, type Message } from "../mail";
import { mailLocale } from "../mail/render";
import { parseChannels, type ReminderChannel } from "../domain/reminders";
import { describeTelegramError, sendTelegram, telegramEnabled } from "../telegram/send";

export const MENTION_KIND = "comment.mention";

export function mentionKey(commentId: string, userId: string, channel: ReminderChannel): string {
  return `mention:${commentId}:${userId}:${channel}`;
}

export async function enqueueMentions(tx: Tx, m: { commentId: string; applicationId: string; groupId: string; authorName: string; userIds: string[] }): Promise<number> {
  if (!m.userIds.length) return 0;
  const users = await tx.user.findMany({ where: { id: { in: m.userIds } }, select: { id: true, reminderChannels: true } });
  let added = 0;
  for (const u of users) {
    for (const channel of parseChannels(u.reminderChannels)) {
      const payload = { commentId: m.commentId, applicationId: m.applicationId, userId: u.id, author: m.authorName, channel };
      if (await enqueue(tx, { kind: MENTION_KIND, key: mentionKey(m.commentId, u.id, channel), payload, maxAttempts: 8, groupId: m.groupId })) added++;
    }
  }
  return added;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
function translator(locale: Locale): Translate {
  return createTranslator({ locale, messages: loadMessages(locale) as Record<string, never>, namespace: "comments.mail" as never }) as unknown as Translate;
}

export function mentionMessage(m: { author: string; url: string }): Message {
  return (_mt, locale: Locale) => {
    const t = translator(locale);
    return {
      subject: t("subject", { author: m.author }),
      greeting: t("greeting"),
      paragraphs: [t("body", { author: m.author })],
      action: { label: t("open"), url: m.url },
      footer: t("footer"),
    };
  };
}

export async function sendMention(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const p = job.payload as { commentId: string; applicationId: string; userId: string; author: string; channel: ReminderChannel };
  const [user, comment] = await Promise.all([
    ctx.db.user.findUnique({ where: { id: p.userId }, select: { email: true, name: true, locale: true, reminderChannels: true, telegramChatId: true, lockedAt: true } }),
    ctx.db.comment.findUnique({ where: { id: p.commentId }, select: { id: true } }),
  ]);
  if (!user || user.lockedAt) return { drop: "gone" };
  if (!comment) return { drop: "comment deleted" };
  if (!parseChannels(user.reminderChannels).includes(p.channel)) return { drop: "channel turned off" };
  const url = `${env.appUrl}/applications/${encodeURIComponent(p.applicationId)}#comments`;
  const locale = mailLocale(user.locale);
  if (p.channel === "telegram") {
    if (!telegramEnabled()) return { drop: "telegram is off" };
    if (!user.telegramChatId) return { drop: "telegram unlinked" };
    const t = translator(locale);
    try {
      await sendTelegram(user.telegramChatId, `${t("body", { author: p.author })}\n${url}`);
    } catch (e) {
      throw new Error(describeTelegramError(e));
    }
    return;
  }
  if (!mailEnabled()) return { drop: "email is off" };
  const result = await notify(user, mentionMessage({ author: p.author, url }), { dedupeId: job.key });
  if (!result.sent) return { drop: "email is off" };
}

export function registerCommentJobs(): void {
  registerHandler(MENTION_KIND, sendMention);
}
