// The Telegram channel's sending side: the Bot API client, a plain-text send, and errors
// described without the token. No imports from lib/data, so the reminders can use it without a cycle.
import { Api, GrammyError, HttpError } from "grammy";
import { env } from "../env";

export function telegramEnabled(): boolean {
  return env.telegramBotToken !== null;
}

let cachedApi: { key: string; api: Api } | null = null;

/** The Bot API client, or null when Telegram is off. */
export function telegramApi(): Api | null {
  const token = env.telegramBotToken;
  if (!token) return null;
  const key = `${env.telegramApiRoot}|${token}`;
  if (cachedApi?.key !== key) cachedApi = { key, api: new Api(token, { apiRoot: env.telegramApiRoot }) };
  return cachedApi.api;
}

/** Sends a plain-text message (no markup to escape: titles are the groups' own words). */
export async function sendTelegram(chatId: string, text: string): Promise<void> {
  const api = telegramApi();
  if (!api) throw new Error("Telegram is off");
  await api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
}

/** An error from the Bot API without the token (it is in the request URL). */
export function describeTelegramError(e: unknown): string {
  let msg = e instanceof GrammyError ? `Telegram: ${e.description}` : e instanceof HttpError ? "Telegram: network error" : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const token = env.telegramBotToken;
  if (token) msg = msg.split(token).join("[token]");
  return msg.slice(0, 500);
}
