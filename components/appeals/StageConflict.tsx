"use client";
// Someone saved this stage first: their version beside the form that keeps what was typed.
import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/ui/ConflictNotice";
import { DateText } from "@/components/ui/DateText";
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
  const ta = useTranslations("applications.conflict");
  const body = bodies.find((b) => b.id === current.bodyId)?.name ?? current.bodyName;
  if (current.merge) {
    const merge = current.merge;
    const shown = (field: string, value: string) =>
      value === "" ? "—" : field === "kind" ? (tv.has(`appealKind.${value}`) ? tv(`appealKind.${value}`) : value) : field === "bodyId" ? (bodies.find((b) => b.id === value)?.name ?? value) : value;
    const label = (field: string) => (field === "filedOnPrecision" ? t("filedOn") : t.has(field) ? t(field) : field);
    return (
      <aside aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-conflict>
        <h2 id="conflict-title" className="font-semibold">
          {t("conflictTitle")}
        </h2>
        <p className="mt-1 text-stone-700">{ta("mergedText")}</p>
        {merge.conflicts.length ? (
          <section aria-labelledby="conflict-both" className="mt-3">
            <h3 id="conflict-both" className="font-medium">
              {ta("bothTitle")}
            </h3>
            <p className="text-xs text-stone-600">{ta("bothHint")}</p>
            <dl className="mt-1 divide-y divide-amber-200">
              {merge.conflicts.map((c) => (
                <div key={c.field} className="py-1" data-conflict-field={c.field}>
                  <dt className="text-xs font-medium text-stone-600">{label(c.field)}</dt>
                  <dd className="whitespace-pre-wrap break-words">
                    <span className="font-medium">{ta("theirs")}:</span> {shown(c.field, c.theirs)}
                  </dd>
                  <dd className="whitespace-pre-wrap break-words">
                    <span className="font-medium">{ta("yours")}:</span> {shown(c.field, c.mine)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ) : (
          <p className="mt-2" data-no-conflicts>
            {ta("noneBoth")}
          </p>
        )}
        {merge.theirs.length ? (
          <section aria-labelledby="conflict-theirs" className="mt-3">
            <h3 id="conflict-theirs" className="font-medium">
              {ta("theirsTitle")}
            </h3>
            <ul className="mt-1 list-disc pl-4">
              {merge.theirs.map((field) => (
                <li key={field} data-theirs-field={field}>
                  {label(field)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </aside>
    );
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
