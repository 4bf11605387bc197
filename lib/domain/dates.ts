// Plain calendar dates as "YYYY-MM-DD" strings, computed in UTC so no time zone shifts them.
import type { DatePrecision } from "./vocabulary";

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function toDate(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

export function fromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(s: string, n: number): string {
  const d = toDate(s);
  d.setUTCDate(d.getUTCDate() + n);
  return fromDate(d);
}

/** Calendar months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(s: string, n: number): string {
  const [y, m, d] = s.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return fromDate(target);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(s: string): number {
  return toDate(s).getUTCDay();
}

export function todayIso(now: Date = new Date()): string {
  return fromDate(now);
}

export const DEFAULT_TIME_ZONE = "Asia/Almaty";

/** Whether `zone` is an IANA time zone this runtime knows ("Asia/Almaty"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date it is at `now` in `zone` (a group's "today"); UTC for an unknown zone. */
export function todayIn(zone: string | null | undefined, now: Date = new Date()): string {
  const z = zone && isTimeZone(zone) ? zone : "UTC";
  let f = zoneFormats.get(z);
  if (!f) zoneFormats.set(z, (f = new Intl.DateTimeFormat("en-CA", { timeZone: z, year: "numeric", month: "2-digit", day: "2-digit" })));
  const parts = Object.fromEntries(f.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A date as precise as the source: "2019", "2021-11", "2021-11-16", or null. */
export function truncateToPrecision(s: string | null | undefined, p: DatePrecision): string | null {
  if (!s || p === "unknown") return null;
  if (p === "year") return s.slice(0, 4);
  if (p === "month") return s.slice(0, 7);
  return s;
}
