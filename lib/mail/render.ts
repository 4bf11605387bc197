// One layout for every email: a greeting, paragraphs, an optional link, a footer; written as
// plain text and as HTML (every value escaped). The words come from the catalogue (messages/*/mail.json).
import { createTranslator } from "use-intl/core";
import { escapeHtml } from "../html";
import { loadMessages } from "../i18n/catalogue";
import { isLocale, type Locale } from "../i18n/config";
import { env } from "../env";

export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
  /** "Lost your phone, or this wasn't you? Lock my account": in every reminder and alert. */
  lock?: { label: string; url: string };
}

export type MailTranslator = ReturnType<typeof mailTranslator>;

/** The member's chosen language, else the server's default (DEFAULT_LOCALE). */
export function mailLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : env.defaultLocale;
}

/** The "mail" namespace in `locale`, usable outside React (worker, scripts). */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: loadMessages(locale) as Record<string, never>, namespace: "mail" as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
}

export function renderText(c: MailContent): string {
  const parts = [c.greeting, ...c.paragraphs];
  if (c.action) parts.push(`${c.action.label}: ${c.action.url}`);
  parts.push("--", c.footer);
  if (c.lock) parts.push(`${c.lock.label}: ${c.lock.url}`);
  return parts.join("\n\n") + "\n";
}

export function renderHtml(c: MailContent, locale: Locale): string {
  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const action = c.action
    ? `<p style="margin:16px 0"><a href="${escapeHtml(c.action.url)}" style="color:#7c2d12;font-weight:bold">${escapeHtml(c.action.label)}</a></p>`
    : "";
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(c.subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;font-size:15px;color:#1c1917;max-width:560px">`,
    p(c.greeting),
    ...c.paragraphs.map(p),
    action,
    `<hr style="border:none;border-top:1px solid #e7e5e4"><p style="font-size:12px;color:#57534e">${escapeHtml(c.footer)}</p>`,
    c.lock ? `<p style="font-size:12px"><a href="${escapeHtml(c.lock.url)}" style="color:#57534e">${escapeHtml(c.lock.label)}</a></p>` : "",
    `</body></html>`,
  ].join("\n");
}
