import "server-only";
// A member's own choice of channels: not a group's record, so not in any group's change log
// (like the reminder offsets). Reminders already queued for a channel turned off are dropped at send time.
import { db } from "../db";
import { parseChannels, type ReminderChannel } from "../domain/reminders";
import { createTelegramLinkCode, unlinkTelegram } from "./telegram";

export interface ChannelPreferences {
  channels: ReminderChannel[];
  weeklyDigest: boolean;
  telegramLinked: boolean;
  telegramPrivateTitles: boolean;
}

export async function getChannelPreferences(userId: string): Promise<ChannelPreferences> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { reminderChannels: true, weeklyDigest: true, telegramChatId: true, telegramPrivateTitles: true } });
  return {
    channels: parseChannels(u?.reminderChannels ?? ""),
    weeklyDigest: u?.weeklyDigest ?? false,
    telegramLinked: Boolean(u?.telegramChatId),
    telegramPrivateTitles: u?.telegramPrivateTitles ?? false,
  };
}

export async function setChannelPreferences(userId: string, p: { channels: ReminderChannel[]; weeklyDigest: boolean; telegramPrivateTitles: boolean }): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { reminderChannels: p.channels.join(","), weeklyDigest: p.weeklyDigest, telegramPrivateTitles: p.telegramPrivateTitles } });
}

export function newTelegramCode(userId: string) {
  return createTelegramLinkCode(db, userId);
}

export function disconnectTelegram(userId: string) {
  return unlinkTelegram(db, userId);
}
