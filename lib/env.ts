// Typed configuration, read in one place.
import { databaseUrl } from "./db-url";
import { isLocale, type Locale } from "./i18n/config";

export const env = {
  get databaseUrl() {
    return databaseUrl();
  },
  get authSecret(): string {
    const s = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
    if (!s) throw new Error("NEXTAUTH_SECRET is not set: run `npm run setup` (it generates one in .env.local)");
    return s;
  },
  get isProduction() {
    return process.env.NODE_ENV === "production";
  },
  /** Emails of the server's operators, who alone edit the shared legal reference data when set. */
  get operatorEmails(): string[] {
    return (process.env.TRACKER_OPERATORS ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean);
  },
  /** Secret mixed into hashes of client addresses (share-link access log). */
  get hashPepper(): string {
    return process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || "tracker";
  },
  /** SMTP server for email (smtp://user:pass@host:587, smtps://… for TLS); unset = email is off. */
  get smtpUrl(): string | null {
    return process.env.SMTP_URL?.trim() || null;
  },
  /** The From of every email, e.g. "Permit tracker <tracker@example.org>". */
  get mailFrom(): string {
    return process.env.MAIL_FROM?.trim() || "Permit tracker <tracker@localhost>";
  },
  /** The public address of the app, for links in emails (APP_URL, else NEXTAUTH_URL). */
  get appUrl(): string {
    return (process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").trim().replace(/\/+$/, "");
  },
  /**
   * DEFAULT_LOCALE: the language of a first visit whose browser asks for none of kk, ru, en
   * (and of API answers to clients that send no Accept-Language). Russian unless set: the
   * language most organizers this tracker serves work in, and one every Kazakhstani browser
   * user reads. An unknown value falls back to Russian too.
   */
  get defaultLocale(): Locale {
    const v = (process.env.DEFAULT_LOCALE ?? "").trim();
    return isLocale(v) ? v : "ru";
  },
  /** TELEGRAM_BOT_TOKEN from @BotFather; unset = Telegram is off. Never logged. */
  get telegramBotToken(): string | null {
    return process.env.TELEGRAM_BOT_TOKEN?.trim() || null;
  },
  /** TELEGRAM_API_ROOT: a self-hosted Bot API server (default https://api.telegram.org). */
  get telegramApiRoot(): string {
    return (process.env.TELEGRAM_API_ROOT?.trim() || "https://api.telegram.org").replace(/\/+$/, "");
  },
  /**
   * TELEGRAM_WEBHOOK_SECRET: when set, Telegram delivers updates to /api/telegram/<secret> (set the
   * webhook to that URL) and the worker does not poll; unset = the worker polls (getUpdates).
   */
  get telegramWebhookSecret(): string | null {
    return process.env.TELEGRAM_WEBHOOK_SECRET?.trim() || null;
  },
  /** TRACKER_WORKER=off: the app starts no background worker (run `npm run worker` instead, or none). */
  get inProcessWorker(): boolean {
    return (process.env.TRACKER_WORKER ?? "").trim().toLowerCase() !== "off";
  },
  /**
   * TRACKER_COMPRESSED_COPIES_MB: how much the server (scripts/serve.ts) keeps of compressed page
   * copies and built files, least recently used dropped first; 64 unless set.
   */
  get compressedCopiesBytes(): number {
    const mb = Number(process.env.TRACKER_COMPRESSED_COPIES_MB);
    return (mb > 0 ? mb : 64) * 1024 * 1024;
  },
  /** TRACKER_LOG_COPIES=1: the server logs each compressed copy it makes or reuses. */
  get logCompressedCopies(): boolean {
    return process.env.TRACKER_LOG_COPIES === "1";
  },
};
