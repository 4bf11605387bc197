// Messages for route handlers (API errors, CSV headers): the same catalogue as the pages,
// with the locale read from the request itself so it also works outside a page render.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "../i18n/catalogue";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "../i18n/config";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The language-switch cookie, else the first supported Accept-Language, else English. */
export function requestLocale(req: Request): Locale {
  const cookie = req.headers.get("cookie") ?? "";
  const fromCookie = cookie
    .split(";")
    .map((c) => c.trim().split("="))
    .find(([k]) => k === LOCALE_COOKIE)?.[1];
  if (isLocale(fromCookie)) return fromCookie;
  const accept = req.headers.get("accept-language") ?? "";
  return accept.split(",").map((p) => p.trim().slice(0, 2).toLowerCase()).find(isLocale) ?? DEFAULT_LOCALE;
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
