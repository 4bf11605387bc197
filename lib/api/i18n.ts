// Messages for route handlers (API errors, CSV headers): the same catalogue as the pages,
// with the locale read from the request itself so it also works outside a page render.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "../i18n/catalogue";
import { env } from "../env";
import { isLocale, LOCALE_COOKIE, type Locale } from "../i18n/config";
import { negotiateLocale } from "../i18n/negotiate";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The language-switch cookie, else the best supported Accept-Language, else the operator's default. */
export function requestLocale(req: Request): Locale {
  const cookie = req.headers.get("cookie") ?? "";
  const fromCookie = cookie
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([k]) => k === LOCALE_COOKIE)?.[1];
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale(req.headers.get("accept-language"), env.defaultLocale);
}

export function translator(locale: Locale, namespace: string): Translate {
  // A missing key shows as the key rather than throwing: an error response must not fail.
  const t = createTranslator({
    locale,
    messages: loadMessages(locale) as never,
    namespace: namespace as never,
    onError: () => undefined,
    getMessageFallback: ({ key }) => key,
  });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}
