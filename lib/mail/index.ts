// lib/mail: notify(member, message) renders a message in the member's language and sends it by
// email. No "server-only": the worker runs it as a script too.
import crypto from "node:crypto";
import { env } from "../env";
import type { Locale } from "../i18n/config";
import { mailLocale, mailTranslator, renderHtml, renderText, type MailContent, type MailTranslator } from "./render";
import { mailEnabled, mailTransport } from "./transport";

export { mailEnabled, closeMailTransport } from "./transport";
export type { MailContent, MailTranslator } from "./render";

export interface Recipient {
  email: string;
  name: string;
  locale: string;
}

/** A message is written for one language at a time: given the translator and the locale, its content. */
export type Message = (t: MailTranslator, locale: Locale) => MailContent;

export interface NotifyOptions {
  /**
   * A stable id for this message (e.g. the job key): sent as the Message-ID, so that a message
   * sent again after a crash between sending and recording it is recognisable as the same one.
   */
  dedupeId?: string;
}

export type NotifyResult = { sent: true; messageId: string } | { sent: false; reason: "mail_off" };

export async function notify(member: Recipient, message: Message, options: NotifyOptions = {}): Promise<NotifyResult> {
  const transport = mailTransport();
  if (!transport || !mailEnabled()) return { sent: false, reason: "mail_off" };
  const locale = mailLocale(member.locale);
  const content = message(mailTranslator(locale), locale);
  const host = new URL(env.appUrl).hostname || "tracker";
  const info = await transport.sendMail({
    from: env.mailFrom,
    to: { name: member.name, address: member.email },
    subject: content.subject,
    text: renderText(content),
    html: renderHtml(content, locale),
    headers: { "Content-Language": locale },
    ...(options.dedupeId ? { messageId: `<${hashId(options.dedupeId)}@${host}>` } : {}),
  });
  return { sent: true, messageId: String(info.messageId ?? "") };
}

function hashId(s: string): string {
  // Keys hold ids only, but a Message-ID need not reveal even those: a digest.
  return crypto.createHash("sha256").update(s, "utf8").digest("hex").slice(0, 32);
}
