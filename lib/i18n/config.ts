// Locale codes are BCP 47 tags. Kazakh is "kk" (Cyrillic script, the one in official use);
// a Latin-script catalogue would be added as "kk-Latn" beside it, with its own messages folder.
export const LOCALES = ["en", "ru", "kk"] as const;
export type Locale = (typeof LOCALES)[number];
/** The last resort when neither a cookie, the account nor the browser names a locale we have. */
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}
