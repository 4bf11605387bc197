// The SMTP transport, from SMTP_URL (nodemailer reads smtp://, smtps:// and query options such
// as ?pool=true). One per URL for the life of the process.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

let cached: { url: string; transport: Transporter } | null = null;

/** Whether email is configured at all; without it the app works and sends nothing. */
export function mailEnabled(): boolean {
  return env.smtpUrl !== null;
}

export function mailTransport(): Transporter | null {
  const url = env.smtpUrl;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport(url) };
  }
  return cached.transport;
}

/** Closes the cached connection (tests, worker shutdown). */
export function closeMailTransport(): void {
  cached?.transport.close();
  cached = null;
}
