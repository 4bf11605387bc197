// Working-day arithmetic over a holiday calendar that is data (Holiday rows), including
// weekend days the government moved working days onto.
import { addDays, weekday } from "./dates";

export interface WorkCalendar {
  holidays: ReadonlySet<string>; // non-working weekdays
  workingWeekends: ReadonlySet<string>; // Saturdays/Sundays declared working days
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), workingWeekends: new Set() };

export function calendarFrom(rows: readonly { date: string; kind: string }[]): WorkCalendar {
  const holidays = new Set<string>();
  const workingWeekends = new Set<string>();
  for (const r of rows) (r.kind === "working_day" ? workingWeekends : holidays).add(r.date);
  return { holidays, workingWeekends };
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.workingWeekends.has(date)) return true;
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return false;
  return !cal.holidays.has(date);
}

export interface WorkingDayStep {
  date: string;
  /** The days passed over before reaching this one, with why. */
  skipped: { date: string; why: "weekend" | "holiday" }[];
}

/**
 * Moves n working days from `from` (exclusive) forwards (n > 0) or backwards (n < 0).
 * Returns the date reached and every day passed over, so the UI can show its working.
 */
export function shiftWorkingDays(from: string, n: number, cal: WorkCalendar): WorkingDayStep {
  const dir = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = from;
  const skipped: WorkingDayStep["skipped"] = [];
  while (left > 0) {
    d = addDays(d, dir);
    if (isWorkingDay(d, cal)) left--;
    else skipped.push({ date: d, why: cal.holidays.has(d) ? "holiday" : "weekend" });
  }
  return { date: d, skipped };
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to <= from) return -workingDaysBetweenForward(to, from, cal);
  return workingDaysBetweenForward(from, to, cal);
}

function workingDaysBetweenForward(from: string, to: string, cal: WorkCalendar): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}

/** The first working day on or after a date (a deadline falling on a day off moves forward). */
export function nextWorkingDayOnOrAfter(date: string, cal: WorkCalendar): string {
  let d = date;
  while (!isWorkingDay(d, cal)) d = addDays(d, 1);
  return d;
}
