import "server-only";
import { db, type Tx } from "../db";
import { calendarFrom, type WorkCalendar } from "../domain/working-days";
import type { DeadlineRuleData } from "../domain/deadlines";

export interface Clock {
  rules: DeadlineRuleData[];
  calendar: WorkCalendar;
}

/** The deadline rules and the holiday calendar, as data an admin can change. */
export async function loadClock(client: Tx = db, country = "KZ"): Promise<Clock> {
  const [rules, holidays] = await Promise.all([
    client.deadlineRule.findMany({ where: { active: true } }),
    client.holiday.findMany({ where: { country }, select: { date: true, kind: true } }),
  ]);
  return { rules, calendar: calendarFrom(holidays) };
}
