import "server-only";
import { versionedCache } from "../db-client";
import { db, type Tx } from "../db";
import { calendarFrom, type WorkCalendar } from "../domain/working-days";
import type { DeadlineRuleData } from "../domain/deadlines";

export interface Clock {
  rules: DeadlineRuleData[];
  calendar: WorkCalendar;
}

/** The deadline rules and the holiday calendar, as data an admin can change. */
const clockCache = versionedCache<Clock>(20);
export async function loadClock(client: Tx = db, country = "KZ"): Promise<Clock> {
  // Inside a transaction the clock must see the transaction's own writes.
  if (client !== db) return computeClock(client, country);
  return clockCache(db, country, () => computeClock(db, country));
}
async function computeClock(client: Tx, country: string): Promise<Clock> {
  const [rules, holidays] = await Promise.all([
    client.deadlineRule.findMany({ where: { active: true } }),
    client.holiday.findMany({ where: { country }, select: { date: true, kind: true } }),
  ]);
  return { rules, calendar: calendarFrom(holidays) };
}
