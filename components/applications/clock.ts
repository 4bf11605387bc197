// The legal clocks as plain data a client component can receive (Sets do not cross the
// server/client boundary as props reliably), and back into a working calendar.
import type { DeadlineRuleData } from "@/lib/domain/deadlines";
import type { WorkCalendar } from "@/lib/domain/working-days";

export interface ClockData {
  rules: DeadlineRuleData[];
  holidays: string[];
  workingWeekends: string[];
}

export function toClockData(clock: { rules: readonly DeadlineRuleData[]; calendar: WorkCalendar }): ClockData {
  return {
    rules: clock.rules.map((r) => ({ code: r.code, unit: r.unit, amount: r.amount, direction: r.direction, countsFrom: r.countsFrom, legalBasis: r.legalBasis ?? "", legalBasisRu: r.legalBasisRu ?? "", legalBasisKk: r.legalBasisKk ?? "", active: r.active ?? true })),
    holidays: [...clock.calendar.holidays],
    workingWeekends: [...clock.calendar.workingWeekends],
  };
}

export function calendarOf(data: ClockData): WorkCalendar {
  return { holidays: new Set(data.holidays), workingWeekends: new Set(data.workingWeekends) };
}
