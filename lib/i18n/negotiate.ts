// Which of our locales a visitor gets when nothing (cookie, account) has chosen yet. Pure: no
// request, no environment; the caller passes the operator's default as `fallback`.
import { qualityList } from "../domain/quality-list";
import { LOCALES, type Locale } from "./config";

/** Our locale whose tag equals `tag` ignoring case ("KK" → "kk"; later "kk-latn" → "kk-Latn"). */
function ours(tag: string): Locale | undefined {
  return LOCALES.find((l) => l.toLowerCase() === tag);
}

/**
 * The best of our locales for an Accept-Language header: ranges by q-value (highest first, ties
 * in the order sent, q=0 meaning "not this one"), each matched exactly and then by dropping
 * subtags from the end ("ru-KZ" → "ru", "kk-Cyrl-KZ" → "kk-Cyrl" → "kk"). `*`, nothing usable,
 * or a missing header gives `fallback`.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined, fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  const ranges = qualityList(acceptLanguage.slice(0, 1000))
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { value: tag } of ranges) {
    if (tag === "*") return fallback;
    const subtags = tag.split("-");
    for (let n = subtags.length; n > 0; n--) {
      const hit = ours(subtags.slice(0, n).join("-"));
      if (hit) return hit;
    }
  }
  return fallback;
}
