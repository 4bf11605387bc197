// Deadlines and hearings as an iCalendar file (RFC 5545) with ical-generator: a deadline is an
// all-day event on its last day, a hearing a one-hour event at its time in the group's zone
// (all day when no time is known). Every event links back to its case. Times are TZDates
// (@date-fns/tz), which ical-generator writes as wall-clock time with TZID=Asia/Almaty whatever
// the server's own zone; a plain Date would be written in the server process's zone.
import ical, { ICalCalendarMethod } from "ical-generator";
import { TZDate } from "@date-fns/tz";
import type { AgendaEntry } from "../data/agenda";
import { entryId } from "../data/agenda";
import { addDays } from "../domain/dates";
import { DEFAULT_TIME_ZONE, parseTimeOfDay, zonedInstant } from "../domain/time-zone";
import type { Locale } from "../i18n/config";
import { mailTranslator } from "../mail/render";
import { notifyTranslator } from "../i18n/notify";

export interface CalendarOptions {
  name: string;
  locale: Locale;
  appUrl: string;
  /** Each case's title, as this reader may see it. */
  titleOf: (e: AgendaEntry) => string;
  timeZone?: string;
  host: string;
}

const STEPS = ["answer", "complaint", "first_instance", "appeal", "cassation"];

/** What the entry is, in words: "Last day to file the appeal", "Court hearing (appeal)". */
export function describeEntry(e: AgendaEntry, locale: Locale): string {
  const t = mailTranslator(locale);
  if (e.item.type === "deadline") return t(`reminder.step.${STEPS.includes(e.item.nextStep) ? e.item.nextStep : "other"}`);
  const stage = STEPS.includes(e.item.stageKind) && e.item.stageKind !== "answer" ? e.item.stageKind : "other";
  return notifyTranslator(locale)("calendar.hearing", { stage: t(`reminder.stage.${stage}`) });
}

export function buildCalendar(entries: AgendaEntry[], o: CalendarOptions): string {
  const timeZone = o.timeZone ?? DEFAULT_TIME_ZONE;
  const t = notifyTranslator(o.locale);
  const cal = ical({ name: o.name, timezone: timeZone, prodId: { company: "assembly-permit-tracker", product: "calendar", language: o.locale.toUpperCase() } });
  cal.method(ICalCalendarMethod.PUBLISH);
  for (const e of entries) {
    const url = `${o.appUrl}/applications/${encodeURIComponent(e.caseId)}`;
    const what = describeEntry(e, o.locale);
    const title = o.titleOf(e);
    const time = e.item.type === "hearing" ? parseTimeOfDay(e.item.time) : null;
    const common = {
      id: `${entryId(e)}@${o.host}`,
      summary: `${what}: ${title}`,
      description: `${t("calendar.description", { what, title })}\n${url}\n\n${t("calendar.check")}`,
      url,
      timezone: timeZone,
    };
    if (time) {
      const start = zonedInstant(e.item.dueOn, time, timeZone);
      cal.createEvent({ ...common, start: new TZDate(start, timeZone), end: new TZDate(start.getTime() + 3_600_000, timeZone) });
    } else {
      // An all-day event: the date itself, whatever the reader's zone.
      const at = (d: string) => new TZDate(zonedInstant(d, "12:00", timeZone), timeZone);
      cal.createEvent({ ...common, allDay: true, start: at(e.item.dueOn), end: at(addDays(e.item.dueOn, 1)) });
    }
  }
  return cal.toString();
}
