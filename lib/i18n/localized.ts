// Reference data (refusal grounds, deadline rules, legal standards, authorities) carries its
// text in a column per language: `labelEn`/`labelRu`, `titleEn`/`titleRu`, or a bare `name`
// (the original, read as English) beside `nameRu`. This picks the viewer's language and falls
// back through the languages a reader of it is likeliest to read too: Kazakh → Russian →
// English, Russian → English, English → Russian. Columns for Kazakh (`labelKk`, …) are not in
// the schema yet; once they are, this finds them with no change here. No I/O: usable anywhere.
import type { Locale } from "./config";

const FALLBACKS: Record<Locale, readonly Locale[]> = { en: ["en", "ru"], ru: ["ru", "en"], kk: ["kk", "ru", "en"] };

/** "kk" → "Kk", "kk-Latn" → "KkLatn": the suffix of a column in that language. */
function suffix(locale: string): string {
  return locale
    .split("-")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join("");
}

/** The columns that may hold `field` in `locale`, best first: worked out once per pair (lists ask for every row). */
function columns(field: string, locale: string): readonly string[] {
  const key = `${field}|${locale}`;
  let found = COLUMNS.get(key);
  if (!found) {
    found = (FALLBACKS[locale as Locale] ?? [locale, "ru", "en"]).flatMap((l) => (l === "en" ? [`${field}En`, field] : [`${field}${suffix(l)}`]));
    if (COLUMNS.size >= 1000) COLUMNS.clear();
    COLUMNS.set(key, found);
  }
  return found;
}
const COLUMNS = new Map<string, readonly string[]>();

/**
 * `localized(ground, "label", "kk")`: the first non-empty of labelKk, labelRu, labelEn, label.
 * An empty string when the record has none (callers fall back to a code or a dash).
 */
export function localized(record: object | null | undefined, field: string, locale: Locale | string): string {
  if (!record) return "";
  const r = record as Record<string, unknown>;
  for (const c of columns(field, locale)) {
    const v = r[c];
    if (typeof v === "string" && v.trim()) return v;
  }
  return "";
}

/**
 * localized(), and whether the text is a translation rather than the record's own words: the
 * documented history's ru/kk columns hold our translations, which the app marks as such.
 */
export function localizedText(record: object | null | undefined, field: string, locale: Locale | string): { text: string; translated: boolean } {
  if (!record) return { text: "", translated: false };
  const r = record as Record<string, unknown>;
  for (const c of columns(field, locale)) {
    const v = r[c];
    if (typeof v === "string" && v.trim()) return { text: v, translated: c !== field && c !== `${field}En` };
  }
  return { text: "", translated: false };
}
