// The SMTP transport, from SMTP_URL (smtp://, smtps://, user and password in the URL, options
// as query parameters). One per URL for the life of the process.
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
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
    // Timeouts well inside a job's lease (lib/jobs DEFAULT_LEASE_MS, 5 minutes): a send that hangs
    // fails and is retried by the same job, rather than outliving the lease and being sent twice.
    // Options, not `new SMTPTransport(…)`: the nodemailer/lib/… path is for types only, as Node
    // cannot load it from the server bundle (nodemailer is an external package).
    const options: SMTPTransport.Options & { url: string } = { url, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
    cached = { url, transport: nodemailer.createTransport(options) };
  }
  return cached.transport;
}

/** Closes the cached connection (tests, worker shutdown). */
export function closeMailTransport(): void {
  cached?.transport.close();
  cached = null;
}
