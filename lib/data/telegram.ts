// Linking a member's Telegram chat to their account, and what the bot tells a linked member.
// A member asks Settings for a one-time code and sends it to the bot (/start CODE or /link
// CODE) from a private chat; the chat is then the member's until they unlink it. Only the
// code's hash is stored, for 15 minutes. No "server-only": the bot runs in the worker script.
import crypto from "node:crypto";
import type { Db } from "../db-client";
import { addDays } from "../domain/dates";
import { zonedDate, DEFAULT_TIME_ZONE } from "../domain/time-zone";
import type { Locale } from "../i18n/config";
import { notifyTranslator } from "../i18n/notify";
import { dateFormat } from "../i18n/formatters";
import { describeEntry } from "../calendar/ics";
import { agendaFor, type AgendaEntry } from "./agenda";

export const LINK_CODE_MINUTES = 15;
// No 0/O, 1/I/L: a code read off a screen and typed on a phone.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function hashLinkCode(code: string): string {
  return crypto.createHash("sha256").update(code.trim().toUpperCase(), "utf8").digest("hex");
}

/** A new one-time code for `userId` (the previous one stops working), shown once. */
export async function createTelegramLinkCode(db: Db, userId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  const bytes = crypto.randomBytes(10);
  const code = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  await db.user.update({ where: { id: userId }, data: { telegramCodeHash: hashLinkCode(code), telegramCodeExpiresAt: expiresAt } });
  return { code, expiresAt };
}

export type LinkOutcome = { linked: true; userId: string; locale: string } | { linked: false };

/**
 * Links the chat to the account whose code this is, once: the code is cleared in the same
 * update that links, so a code used twice (or by two chats at once) links one chat. A chat
 * that was linked to another account is moved to this one: a chat belongs to one account.
 */
export async function linkTelegramChat(db: Db, code: string, chatId: string, now = new Date()): Promise<LinkOutcome> {
  if (!/^[A-Za-z0-9]{4,20}$/.test(code.trim())) return { linked: false };
  const codeHash = hashLinkCode(code);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { telegramCodeHash: codeHash }, select: { id: true, locale: true, telegramCodeExpiresAt: true } });
    if (!user || !user.telegramCodeExpiresAt || user.telegramCodeExpiresAt <= now) return { linked: false } as const;
    await tx.user.updateMany({ where: { telegramChatId: chatId, NOT: { id: user.id } }, data: { telegramChatId: null } });
    const n = await tx.user.updateMany({
      where: { id: user.id, telegramCodeHash: codeHash },
      data: { telegramChatId: chatId, telegramCodeHash: null, telegramCodeExpiresAt: null },
    });
    return n.count === 1 ? ({ linked: true, userId: user.id, locale: user.locale } as const) : ({ linked: false } as const);
  });
}

export async function unlinkTelegram(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { telegramChatId: null, telegramCodeHash: null, telegramCodeExpiresAt: null } });
}

/** The groups whose records a member reaches: a group that requires two-factor sign-in counts only once they use it. */
export async function reachableGroups(db: Db, userId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { user: { select: { totpEnabledAt: true } }, group: { select: { id: true, name: true, requireTwoFactor: true } } },
  });
  return rows.filter((r) => !r.group.requireTwoFactor || r.user.totpEnabledAt).map((r) => r.group);
}

/**
 * How a case is named in a Telegram message: its title when the case is public or the member
 * asked for private titles too; otherwise only "a case of <group>". Never an applicant's data.
 */
export function telegramCaseLabel(e: Pick<AgendaEntry, "title" | "isPublic">, groupName: string, privateTitles: boolean, locale: Locale): string {
  return e.isPublic || privateTitles ? `«${e.title}»` : notifyTranslator(locale)("telegram.privateCase", { group: groupName });
}

/** The /due answer: what is due in the member's groups from today to six days on. */
export async function dueThisWeek(db: Db, userId: string, locale: Locale, appUrl: string, now = new Date()): Promise<string> {
  const t = notifyTranslator(locale);
  const user = await db.user.findUnique({ where: { id: userId }, select: { telegramPrivateTitles: true } });
  const groups = await reachableGroups(db, userId);
  const today = zonedDate(now, DEFAULT_TIME_ZONE);
  const entries = await agendaFor(db, groups.map((g) => g.id), today, addDays(today, 6));
  if (entries.length === 0) return t("telegram.dueNone");
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const fmt = dateFormat(locale, "day");
  const lines = entries.map((e) => {
    const date = fmt.format(new Date(`${e.item.dueOn}T00:00:00Z`));
    const time = e.item.type === "hearing" && e.item.time ? ` ${e.item.time}` : "";
    return `• ${date}${time} — ${describeEntry(e, locale)} — ${telegramCaseLabel(e, names.get(e.groupId) ?? "", Boolean(user?.telegramPrivateTitles), locale)}\n  ${appUrl}/applications/${encodeURIComponent(e.caseId)}`;
  });
  return [t("telegram.dueTitle"), ...lines].join("\n");
}
