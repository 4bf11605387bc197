import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { _createCache } from "use-intl/core";
import { loadMessages } from "./catalogue";
import { env } from "../env";
import { isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { negotiateLocale } from "./negotiate";

/** The cookie set by the language switch or at sign-in; otherwise the browser's preference, else the operator's default. */
export async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"), env.defaultLocale);
}

// next-intl compiles every message that takes arguments ("{count, plural, ...}") again in each
// request (~20-90 µs each; a case page uses a dozen), because its cache lives in the request.
// The catalogue does not change while the server runs, so the compiled messages are kept for
// the process: next-intl hands the keys of this config it does not know on to use-intl's
// createTranslator, which keeps compiled messages in `_cache`. Were an upgrade to drop it,
// every string would still be right, only compiled per request again (npm run bench shows it).
const compiled = _createCache();

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  // A variable, not a literal in the return: `_cache` is not in next-intl's config type.
  const config = { locale, messages: loadMessages(locale), timeZone: "Asia/Almaty", _cache: compiled };
  return config;
});
