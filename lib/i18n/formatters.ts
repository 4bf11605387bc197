// Intl formatters, one per locale and options for the life of the process. Building one is
// the expensive part (a DateTimeFormat ~80 µs here, against ~1 µs to format with it) and they
// never change, yet next-intl's formatter builds them again for every request (its cache lives
// in the request). Dates, counts and amounts on every list, case and stats page go through
// these instead. No I/O: usable from server and client components alike.

const MAX = 500; // currency codes come from records, so the key space is open: bound it
/** What callers use of a date formatter: Intl's, or the fixed Kazakh one below. */
export type DateFormatter = Pick<Intl.DateTimeFormat, "format">;
const made = new Map<string, DateFormatter | Intl.NumberFormat>();

function memo<T extends DateFormatter | Intl.NumberFormat>(key: string, build: () => T): T {
  let f = made.get(key) as T | undefined;
  if (!f) {
    if (made.size >= MAX) made.clear();
    f = build();
    made.set(key, f);
  }
  return f;
}

export type DatePrecision = "year" | "month" | "day";

const DATE_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: "numeric", timeZone: "UTC" },
  month: { year: "numeric", month: "long", timeZone: "UTC" },
  day: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
};

// Kazakh dates are written out here rather than left to Intl: browsers differ in whether their
// ICU data has Kazakh (Debian's Chromium has not: "2027 M02 22"), and a date formatted one way
// on the server and another in the browser breaks hydration. These are CLDR's kk patterns, as
// Node formats them: "2027 ж. 22 ақп.", "2027 ж. ақпан", "2027".
const KK_MONTHS_SHORT = ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."];
const KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

function kazakhDate(precision: DatePrecision): DateFormatter {
  return {
    format(value?: Date | number) {
      const d = new Date(value ?? Date.now());
      const y = d.getUTCFullYear();
      if (precision === "year") return String(y);
      if (precision === "month") return `${y} ж. ${KK_MONTHS[d.getUTCMonth()]}`;
      return `${y} ж. ${d.getUTCDate()} ${KK_MONTHS_SHORT[d.getUTCMonth()]}`;
    },
  };
}

/** A calendar date (UTC midnight) as precisely as it is known: "16 Nov 2020", "November 2020", "2020". */
export function dateFormat(locale: string, precision: DatePrecision): DateFormatter {
  return memo(`d|${locale}|${precision}`, () => (isKazakh(locale) ? kazakhDate(precision) : new Intl.DateTimeFormat(locale, DATE_OPTIONS[precision])));
}

function isKazakh(locale: string): boolean {
  return locale === "kk" || locale.startsWith("kk-");
}

/**
 * Ends a sentence after `text`: a full stop, unless the text already ends with one. Dates with
 * abbreviated months end with their own ("22 февр. 2027 г.", "2027 ж. 22 ақп."), and a second
 * full stop after them reads as a typo.
 */
export function withFullStop(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** Numbers with options: `numberFormat("ru", { maximumFractionDigits: 1 })`. */
// Kazakh numbers are grouped and pointed as Russian ones are ("1 234 567,5"); Russian is in
// every browser's ICU data, Kazakh not (see the dates above), so server and browser agree.
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(isKazakh(locale) ? "ru" : locale, options));
}
