// Dates that cannot be: an answer before the filing, a ruling before its stage was filed, a
// hearing after its ruling. Dates are kept with a precision ("March 2021"), so two dates are
// compared only as far as both are known: 2021-03 is not before 2021-03-15.
import type { DatePrecision } from "./vocabulary";

export interface KnownDate {
  date: string | null | undefined;
  precision?: DatePrecision | string | null;
}

const LENGTH: Record<string, number> = { day: 10, month: 7, year: 4 };

/** True only when `a` is certainly earlier than `b`; an unknown date is never out of order. */
export function surelyBefore(a: KnownDate, b: KnownDate): boolean {
  const la = LENGTH[a.precision ?? "day"];
  const lb = LENGTH[b.precision ?? "day"];
  if (!a.date || !b.date || !la || !lb) return false;
  const n = Math.min(la, lb);
  return a.date.slice(0, n) < b.date.slice(0, n);
}

/** The first of `dates` that is certainly before `limit`, if any. */
export function firstBefore(dates: readonly KnownDate[], limit: KnownDate): KnownDate | null {
  return dates.find((d) => surelyBefore(d, limit)) ?? null;
}

/** The first of `dates` that is certainly after `limit`, if any. */
export function firstAfter(dates: readonly KnownDate[], limit: KnownDate): KnownDate | null {
  return dates.find((d) => surelyBefore(limit, d)) ?? null;
}
