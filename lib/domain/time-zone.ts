// Local dates and times in a named time zone, without a library: Intl knows the zone rules. Pure.

/** The zone the pre-loaded groups work in; a group setting may replace it. */
export const DEFAULT_TIME_ZONE = "Asia/Almaty";

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of `date` ("YYYY-MM-DD") at `time` ("HH:MM") on the wall clocks of `timeZone`. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const guess = Date.UTC(y, m - 1, d, hh || 0, mm || 0);
  const first = guess - offsetMs(new Date(guess), timeZone);
  // Once more, in case the guess fell on the other side of a change of offset.
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

/** The calendar date ("YYYY-MM-DD") it is at `at` in `timeZone`. */
export function zonedDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetMs(at, timeZone)).toISOString().slice(0, 10);
}

/** A time of day as written on a hearing ("10:00", "9.30"), or null when it is not one. */
export function parseTimeOfDay(s: string): string | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}
