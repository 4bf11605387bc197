// /api/telegram/<TELEGRAM_WEBHOOK_SECRET>: Telegram's webhook, when the bot runs by webhook
// instead of the worker's long polling. Set it once with setWebhook to
// <APP_URL>/api/telegram/<secret> (and secret_token=<secret>). Anything else answers 404, as if
// there were no such route; the path is never logged.
import crypto from "node:crypto";
import { webhookCallback, type Bot } from "grammy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createBot } from "@/lib/telegram";

export const dynamic = "force-dynamic";

let cached: { key: string; handle: (req: Request) => Promise<Response> } | null = null;

function same(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(a).digest();
  const y = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

export async function POST(req: Request, { params }: { params: Promise<{ secret: string }> }): Promise<Response> {
  const { secret } = await params;
  const expected = env.telegramWebhookSecret;
  if (!env.telegramBotToken || !expected || !same(secret, expected)) return new Response("Not found", { status: 404 });
  const key = `${env.telegramApiRoot}|${env.telegramBotToken}|${expected}`;
  if (cached?.key !== key) {
    const bot: Bot = createBot(db);
    // grammY also checks the X-Telegram-Bot-Api-Secret-Token header Telegram sends with it.
    cached = { key, handle: webhookCallback(bot, "std/http", { secretToken: expected }) as (req: Request) => Promise<Response> };
  }
  return cached.handle(req);
}
