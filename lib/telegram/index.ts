// lib/telegram: the Telegram channel beside lib/mail. A grammY bot that links a member's chat
// (/start CODE, /link CODE), answers /due, and sends reminders. It reaches Telegram at
// TELEGRAM_API_ROOT (a self-hosted Bot API server, or a test's) with TELEGRAM_BOT_TOKEN; without
// a token the channel is off and nothing here runs. Updates arrive either by long polling in the
// worker (one poller at a time: the poll is a recurring job, and a job is held by one worker)
// or by webhook (app/api/telegram/[secret]/route.ts) when TELEGRAM_WEBHOOK_SECRET is set.
// The token is part of every request URL to the Bot API: it is never logged (errors are
// described without it, see describeTelegramError).
import { Bot, type Context } from "grammy";
import type { Db } from "../db-client";
import { env } from "../env";
import { isLocale, type Locale } from "../i18n/config";
import { notifyTranslator } from "../i18n/notify";
import { mailLocale } from "../mail/render";
import { dueThisWeek, linkTelegramChat } from "../data/telegram";

export { telegramEnabled, telegramApi, sendTelegram, describeTelegramError } from "./send";
import { describeTelegramError } from "./send";

/** The language to answer a chat in: the linked member's, else the sender's Telegram app's, else DEFAULT_LOCALE. */
async function chatLocale(db: Db, ctx: Context): Promise<{ locale: Locale; userId: string | null }> {
  const chatId = ctx.chat ? String(ctx.chat.id) : null;
  const user = chatId ? await db.user.findUnique({ where: { telegramChatId: chatId }, select: { id: true, locale: true } }) : null;
  if (user) return { locale: mailLocale(user.locale), userId: user.id };
  const lang = ctx.from?.language_code?.slice(0, 2);
  return { locale: isLocale(lang) ? lang : env.defaultLocale, userId: null };
}

/** The bot's commands. Only private chats: a group chat linked to a member would show the member's cases to everyone in it. */
export function createBot(db: Db): Bot {
  const token = env.telegramBotToken;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const bot = new Bot(token, { client: { apiRoot: env.telegramApiRoot } });
  bot.chatType("private").command(["start", "link"], async (ctx) => {
    const code = ctx.match.trim();
    const { locale } = await chatLocale(db, ctx);
    const t = notifyTranslator(locale);
    if (!code) return void (await ctx.reply(t("telegram.help")));
    const r = await linkTelegramChat(db, code, String(ctx.chat.id));
    if (!r.linked) return void (await ctx.reply(t("telegram.badCode")));
    await ctx.reply(notifyTranslator(mailLocale(r.locale))("telegram.linked"));
  });
  bot.chatType("private").command("due", async (ctx) => {
    const { locale, userId } = await chatLocale(db, ctx);
    if (!userId) return void (await ctx.reply(notifyTranslator(locale)("telegram.notLinked")));
    await ctx.reply(await dueThisWeek(db, userId, locale, env.appUrl), { link_preview_options: { is_disabled: true } });
  });
  bot.chatType("private").on("message", async (ctx) => {
    const { locale } = await chatLocale(db, ctx);
    await ctx.reply(notifyTranslator(locale)("telegram.help"));
  });
  bot.catch((err) => {
    console.error("telegram: update failed:", describeTelegramError(err.error));
  });
  return bot;
}

export interface PollOptions {
  /** Stop asking for more updates after this long. */
  forMs: number;
  /** Long-poll timeout of each getUpdates, in seconds. */
  timeoutSec?: number;
  signal?: AbortSignal;
}

/**
 * Long-polls getUpdates for a while and handles what arrives. Run from the recurring job
 * "telegram.poll", so that one worker at a time polls (two pollers would each get a share of
 * the updates, and Telegram answers the second with 409 Conflict). At the end the handled
 * updates are confirmed (a getUpdates with the next offset), so the next poll starts after them.
 */
export async function pollTelegram(db: Db, o: PollOptions): Promise<number> {
  const bot = createBot(db);
  await bot.init();
  const until = Date.now() + o.forMs;
  let offset: number | undefined;
  let handled = 0;
  // At least one getUpdates, then more until the time is up.
  for (let first = true; first || (Date.now() < until && !o.signal?.aborted); first = false) {
    const left = Math.max(0, Math.floor((until - Date.now()) / 1000));
    const updates = await bot.api.getUpdates({ offset, timeout: Math.min(o.timeoutSec ?? 25, left), allowed_updates: ["message"] });
    for (const u of updates) {
      offset = u.update_id + 1;
      try {
        await bot.handleUpdate(u);
        handled++;
      } catch (e) {
        // One bad update must not stop the others (nor be handled again forever).
        console.error("telegram: update failed:", describeTelegramError((e as { error?: unknown }).error ?? e));
      }
    }
  }
  if (offset !== undefined) await bot.api.getUpdates({ offset, timeout: 0, limit: 1, allowed_updates: ["message"] });
  return handled;
}
