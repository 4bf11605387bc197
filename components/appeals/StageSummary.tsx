// Which stage a hearing or ruling is being added to, above the form.
import { useLocale, useTranslations } from "next-intl";
import { DateText } from "@/components/ui/DateText";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";

interface Props {
  stage: { kind: string; filedOn: string | null; filedOnPrecision: string; caseNumber: string; bodyName: string; body: { name: string; nameRu: string } | null; hearings: unknown[] };
}

export function StageSummary({ stage }: Props) {
  const t = useTranslations("appeals.section");
  const tv = useTranslations("vocab.appealKind");
  const locale = useLocale() as Locale;
  const body = stage.body ? localized(stage.body, "name", locale) : stage.bodyName;
  return (
    <p className="mb-4 rounded-md bg-stone-100 px-3 py-2 text-sm">
      <strong>{tv.has(stage.kind) ? tv(stage.kind) : stage.kind}</strong>
      {body ? ` · ${body}` : ""}
      {stage.caseNumber ? ` · ${stage.caseNumber}` : ""} · {t("filed")} <DateText value={stage.filedOn} precision={stage.filedOnPrecision} /> · {t("hearingCount", { count: stage.hearings.length })}
    </p>
  );
}
