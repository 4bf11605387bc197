"use client";
// As the user types: does the filing date meet the legal minimum before each event, and
// when is the authority's answer due — with the working shown.
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import { Badge } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { answerDue, checkFiling, findRule, RULE_CODES } from "@/lib/domain/deadlines";
import { isIsoDate } from "@/lib/domain/dates";
import { isOneOf, ASSEMBLY_FORMS, type Procedure } from "@/lib/domain/vocabulary";
import { calendarOf, type ClockData } from "./clock";
import { SkippedDays } from "./SkippedDays";

export interface FilingCheckInput {
  procedure: Procedure;
  filedOn: string;
  filedOnPrecision: string;
  parts: { form: string; eventDate: string; eventDatePrecision: string }[];
}

export function FilingCheck({ clock, input }: { clock: ClockData; input: FilingCheckInput }) {
  const t = useTranslations("applications.clock");
  const tv = useTranslations("vocab");
  const locale = useLocale();
  const cal = useMemo(() => calendarOf(clock), [clock]);
  const { procedure, filedOn } = input;
  const filedKnown = isIsoDate(filedOn) && input.filedOnPrecision === "day";
  const filingRule = findRule(clock.rules, RULE_CODES.filing(procedure));
  const answerRule = findRule(clock.rules, RULE_CODES.answer(procedure));
  const due = filedKnown ? answerDue(procedure, filedOn, clock.rules, cal) : null;
  const checks = input.parts
    .map((p, i) => ({ i, p, check: filedKnown && isIsoDate(p.eventDate) && p.eventDatePrecision === "day" ? checkFiling(procedure, filedOn, p.eventDate, clock.rules, cal) : null }))
    .filter((c) => c.check);

  return (
    <section aria-labelledby="filing-check-title" aria-live="polite" className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm">
      <h3 id="filing-check-title" className="font-semibold">
        {t("title")}
      </h3>
      <p className="mt-1">
        {t("procedure", { procedure: tv(`procedure.${procedure}`) })}{" "}
        {filingRule && answerRule ? t("rules", { filing: filingRule.amount, answer: answerRule.amount }) : null}
      </p>
      {!filedKnown ? <p className="mt-1 text-stone-700">{t("needFiledOn")}</p> : null}
      {checks.map(({ i, p, check }) => (
        <div key={i} className="mt-2" data-filing-check={check!.meetsMinimum ? "ok" : "late"}>
          <p>
            <Badge tone={check!.meetsMinimum ? "green" : "red"}>{check!.meetsMinimum ? t("inTime") : t("late")}</Badge>{" "}
            {t("filedAhead", {
              form: isOneOf(ASSEMBLY_FORMS, p.form) ? tv(`form.${p.form}`) : t("event"),
              days: check!.workingDaysAhead,
              minimum: check!.deadline.amount,
            })}{" "}
            {t("latestFiling")} <DateText value={check!.latestFilingDate} endsSentence />
          </p>
          <p className="text-xs text-stone-700">
            <SkippedDays deadline={check!.deadline} /> {check!.deadline.legalBasis ? `· ${localized(check!.deadline, "legalBasis", locale)}` : null}
          </p>
        </div>
      ))}
      {due ? (
        <div className="mt-2" data-answer-due={due.dueOn}>
          <p>
            {t("answerDue")} <strong><DateText value={due.dueOn} /></strong> {t("answerDueHow", { days: due.amount })} <DateText value={due.anchor} endsSentence />
          </p>
          <p className="text-xs text-stone-700">
            <SkippedDays deadline={due} /> {due.legalBasis ? `· ${localized(due, "legalBasis", locale)}` : null}
          </p>
        </div>
      ) : null}
    </section>
  );
}
