// The time left for the next appeal step, with its working: which rule, counted from what,
// whether the last day fell on a day off, and the legal basis.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { todayIso } from "@/lib/domain/dates";
import type { Deadline } from "@/lib/domain/deadlines";

export function NextStep({ deadline, fileHref, today = todayIso() }: { deadline: Deadline & { nextStep: string }; fileHref: string | null; today?: string }) {
  const t = useTranslations("appeals.next");
  const tv = useTranslations("vocab.appealKind");
  const overdue = deadline.dueOn < today;
  const step = tv.has(deadline.nextStep) ? tv(deadline.nextStep) : deadline.nextStep;
  return (
    <div className={`mb-4 rounded-md border p-3 text-sm ${overdue ? "border-stone-300 bg-stone-50" : "border-brand-600/30 bg-brand-50"}`} data-next-deadline={deadline.dueOn}>
      <p className="font-semibold">
        {t("due", { step })} <DateText value={deadline.dueOn} /> {overdue ? <Badge tone="stone">{t("passed")}</Badge> : null}
      </p>
      <p className="mt-1 text-stone-800">
        {t("how", {
          amount: deadline.amount,
          unit: deadline.unit === "months" || deadline.unit === "calendar_days" || deadline.unit === "working_days" ? deadline.unit : "other",
          anchor: t.has(`anchor.${deadline.anchorKind}`) ? t(`anchor.${deadline.anchorKind}`) : deadline.anchorKind,
        })}{" "}
        <DateText value={deadline.anchor} />.
        {deadline.movedFrom ? (
          <>
            {" "}
            {t("moved")} <DateText value={deadline.movedFrom} />.
          </>
        ) : null}
        {deadline.skipped.length > 0 ? <> {t("skipped", { count: deadline.skipped.length })}</> : null}
      </p>
      {deadline.legalBasis ? <p className="mt-1 text-xs text-stone-700">{t("basis", { basis: deadline.legalBasis })}</p> : null}
      {fileHref && !overdue ? (
        <p className="mt-2">
          <Link href={fileHref}>{t("file", { step })}</Link>
        </p>
      ) : null}
    </div>
  );
}
