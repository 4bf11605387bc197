// The clock the case is under now, on top of the page, with its working shown: which rule,
// counted from what, which days were skipped, and the legal basis.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { dateFormat } from "@/lib/i18n/formatters";
import { toDate } from "@/lib/domain/dates";
import { localized } from "@/lib/i18n/localized";
import { DateText } from "@/components/ui/DateText";
import { Badge } from "@/components/ui/Card";
import { SkippedDays } from "@/components/applications/SkippedDays";
import { todayIso } from "@/lib/domain/dates";
import type { CaseData } from "@/lib/data/cases";

export function DeadlineBox({
  deadline,
  status,
  nextHearing = null,
  fileHref = null,
  calendarHref = null,
  today = todayIso(),
  alsoRunning = [],
  children = null,
}: {
  deadline: CaseData["deadline"];
  status: string;
  nextHearing?: CaseData["nextHearing"];
  fileHref?: string | null;
  /** Members only: where "add to calendar" downloads the .ics of the deadline or hearing shown. */
  calendarHref?: string | null;
  today?: string;
  alsoRunning?: CaseData["alsoRunning"];
  /** For members who may edit: the form to set the deadline by hand. */
  children?: React.ReactNode;
}) {
  const t = useTranslations("cases.deadline");
  const ts = useTranslations("steps");
  const locale = useLocale();
  const day = (iso: string) => dateFormat(locale, "day").format(toDate(iso));
  const kinds = useTranslations("vocab.appealKind");
  if (!deadline && nextHearing) {
    const stage = kinds.has(nextHearing.stageKind) ? kinds(nextHearing.stageKind) : nextHearing.stageKind;
    return (
      <section aria-labelledby="deadline-title" className="rounded-lg border border-brand-600/30 bg-brand-50 p-4 text-sm" data-deadline={nextHearing.heldOn} data-next="hearing">
        <h2 id="deadline-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
          {t("title")}
        </h2>
        <p className="mt-1 text-lg font-semibold">
          {t("hearing", { stage })}: <DateText value={nextHearing.heldOn} />
          {nextHearing.time ? ` ${nextHearing.time}` : null}
        </p>
        <p className="mt-1 text-stone-800">{t("hearingHint")}</p>
        {calendarHref ? <AddToCalendar href={`${calendarHref}/hearing`} /> : null}
      </section>
    );
  }
  if (!deadline) {
    return (
      <section aria-labelledby="deadline-title" className="rounded-lg border border-stone-200 bg-stone-100 p-4 text-sm" data-deadline="none">
        <h2 id="deadline-title" className="font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-stone-700">{status === "under_appeal" ? t("noneUnderAppeal") : status === "draft" ? t("noneDraft") : t("none")}</p>
      </section>
    );
  }
  const overdue = deadline.dueOn < today;
  const step = t.has(`next.${deadline.nextStep}`) ? t(`next.${deadline.nextStep}`) : deadline.nextStep;
  return (
    <section
      aria-labelledby="deadline-title"
      className={`rounded-lg border p-4 text-sm ${overdue ? "border-stone-300 bg-stone-50" : "border-brand-600/30 bg-brand-50"}`}
      data-deadline={deadline.dueOn}
      data-computed={deadline.computedOn}
    >
      <h2 id="deadline-title" className="text-xs font-semibold uppercase tracking-wide text-stone-600">
        {t("title")}
      </h2>
      <p className="mt-1 text-lg font-semibold">
        {step}: <DateText value={deadline.dueOn} /> {overdue ? <Badge tone="stone">{deadline.nextStep === "answer" ? t("passedSilence") : t("passed")}</Badge> : null}
      </p>
      {deadline.override ? (
        <p className="mt-1 text-stone-800" data-override>
          {ts("override.computed", { date: day(deadline.computedOn) })};{" "}
          {deadline.override.byName
            ? ts("override.byHand", { who: deadline.override.byName, reason: deadline.override.reason, date: day(deadline.override.on) })
            : ts("override.byHandPublic")}
        </p>
      ) : null}
      <p className="mt-1 text-stone-800">
        {t("how", {
          amount: deadline.amount,
          unit: t.has(`unit.${deadline.unit}`) ? t(`unit.${deadline.unit}`, { amount: deadline.amount }) : deadline.unit,
          direction: t.has(`direction.${deadline.direction}`) ? t(`direction.${deadline.direction}`) : deadline.direction,
          anchor: t.has(`anchor.${deadline.anchorKind}`) ? t(`anchor.${deadline.anchorKind}`) : deadline.anchorKind,
        })}{" "}
        (<DateText value={deadline.anchor} />).
      </p>
      <p className="mt-1 text-xs text-stone-700">
        <SkippedDays deadline={deadline} />
        {deadline.legalBasis ? ` · ${t("basis")}: ${localized(deadline, "legalBasis", locale)}` : null}
      </p>
      {alsoRunning.map((c) => (
        <p key={c.ruleCode} className="mt-1 text-stone-800" data-also={c.ruleCode}>
          {ts("also", { step: t.has(`next.${c.nextStep}`) ? t(`next.${c.nextStep}`) : c.nextStep, date: day(c.dueOn) })}
          {c.legalBasis ? <span className="text-xs text-stone-700"> · {t("basis")}: {c.legalBasis}</span> : null}
        </p>
      ))}
      {children}
      {fileHref && !overdue && deadline.nextStep !== "answer" ? (
        <p className="no-print mt-2">
          <Link href={fileHref}>{t("recordStep", { step })}</Link>
        </p>
      ) : null}
      {calendarHref && !overdue ? <AddToCalendar href={`${calendarHref}/deadline`} /> : null}
    </section>
  );
}

function AddToCalendar({ href }: { href: string }) {
  const t = useTranslations("notify.calendar");
  // A download, not a page: a plain link so it works before JavaScript loads.
  return (
    <p className="no-print mt-2">
      <a href={href} download data-testid="add-to-calendar">
        {t("add")}
      </a>
    </p>
  );
}
