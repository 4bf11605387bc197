// The words a drafted filing is printed with, in one language: the "filings" messages, the
// vocabulary (forms, outcomes) and dates written out ("20 марта 2023 г."). Kept apart from
// lib/domain/filings.ts so that the builder stays pure and the tests use the real catalogue.
import { createFormatter, createTranslator } from "use-intl/core";
import { loadMessages } from "./catalogue";
import { localized } from "./localized";
import type { Locale } from "./config";
import type { FilingWords } from "../domain/filings";

type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

export function filingWords(locale: Locale): FilingWords {
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "filings" }) as unknown as Translate;
  const v = createTranslator({ locale, messages, namespace: "vocab" }) as unknown as Translate;
  const f = createFormatter({ locale, timeZone: "Asia/Almaty" });
  return {
    locale,
    localized: (record, field) => localized(record, field, locale),
    t: (key, values) => t(key, values),
    vocab: (list, value) => (value ? (v.has(`${list}.${value}`) ? v(`${list}.${value}`) : value) : ""),
    date: (value, precision = "day") => {
      const iso = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value.slice(0, 10);
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime())) return value;
      if (precision === "year") return f.dateTime(d, { year: "numeric", timeZone: "UTC" });
      if (precision === "month") return f.dateTime(d, { year: "numeric", month: "long", timeZone: "UTC" });
      return f.dateTime(d, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    },
  };
}
