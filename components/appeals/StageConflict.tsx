"use client";
// Someone saved this stage first: their version beside the form that keeps what was typed.
import { useTranslations } from "next-intl";
import { DateText } from "@/components/ui/DateText";
import type { BodyOption } from "./AppealStageForm";

export interface StageSnapshot {
  version: number;
  kind: string;
  filedOn: string | null;
  filedOnPrecision: string;
  bodyId: string | null;
  bodyName: string;
  caseNumber: string;
  authorityArguments: string;
  notes: string;
}

export function StageConflict({ current, bodies }: { current: StageSnapshot; bodies: BodyOption[] }) {
  const t = useTranslations("appeals.form");
  const tv = useTranslations("vocab");
  const body = bodies.find((b) => b.id === current.bodyId)?.name ?? current.bodyName;
  const row = (label: string, value: React.ReactNode) => (
    <div className="py-1">
      <dt className="text-xs font-medium text-stone-600">{label}</dt>
      <dd className="whitespace-pre-wrap break-words">{value === "" || value === null ? "—" : value}</dd>
    </div>
  );
  return (
    <aside aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-conflict>
      <h2 id="conflict-title" className="font-semibold">{t("conflictTitle")}</h2>
      <p className="mt-1 text-stone-700">{t("conflictText")}</p>
      <dl className="mt-2 divide-y divide-amber-200">
        {row(t("kind"), tv.has(`appealKind.${current.kind}`) ? tv(`appealKind.${current.kind}`) : current.kind)}
        {row(t("filedOn"), current.filedOn ? <DateText value={current.filedOn} precision={current.filedOnPrecision} /> : "")}
        {row(t("body"), body)}
        {row(t("caseNumber"), current.caseNumber)}
        {row(t("authorityArguments"), current.authorityArguments)}
        {row(t("notes"), current.notes)}
      </dl>
    </aside>
  );
}
