"use client";
// Someone saved this stage first: their version beside the form that keeps what was typed.
import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/ui/ConflictNotice";
import { DateText } from "@/components/ui/DateText";
import { MergeNotice } from "@/components/ui/MergeNotice";
import type { BodyOption } from "./AppealStageForm";
import type { FieldsMerge } from "@/lib/domain/merge";

export interface StageSnapshot {
  version: number;
  /** The three-way merge, when the form sent its base (see lib/domain/merge.ts). */
  merge?: FieldsMerge;
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
  if (current.merge) {
    const merge = current.merge;
    const shown = (field: string, value: string) =>
      field === "kind" ? (tv.has(`appealKind.${value}`) ? tv(`appealKind.${value}`) : value) : field === "bodyId" ? (bodies.find((b) => b.id === value)?.name ?? value) : value;
    const label = (field: string) => (field === "filedOnPrecision" ? t("filedOn") : t.has(field) ? t(field) : field);
    return <MergeNotice title={t("conflictTitle")} merge={merge} label={label} shown={shown} />;
  }
  return (
    <ConflictNotice
      title={t("conflictTitle")}
      text={t("conflictText")}
      rows={[
        [t("kind"), tv.has(`appealKind.${current.kind}`) ? tv(`appealKind.${current.kind}`) : current.kind],
        [t("filedOn"), current.filedOn ? <DateText value={current.filedOn} precision={current.filedOnPrecision} /> : ""],
        [t("body"), body],
        [t("caseNumber"), current.caseNumber],
        [t("authorityArguments"), current.authorityArguments],
        [t("notes"), current.notes],
      ]}
    />
  );
}
