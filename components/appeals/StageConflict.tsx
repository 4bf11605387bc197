"use client";
// Someone saved this stage first: their version beside the form that keeps what was typed.
import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/ui/ConflictNotice";
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
