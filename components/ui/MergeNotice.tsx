"use client";
// After a three-way merge (lib/domain/merge.ts): which fields now hold the other person's
// change, and which ones both changed (their value beside yours; the form holds yours).
import { useTranslations } from "next-intl";
import type { MergeConflict } from "@/lib/domain/merge";

export function MergeNotice({
  title,
  merge,
  label,
  shown,
}: {
  title: string;
  merge: { conflicts: MergeConflict[]; theirs: string[] };
  label: (field: string) => string;
  shown: (field: string, value: string) => string;
}) {
  const t = useTranslations("applications.conflict");
  const show = (field: string, value: string) => (value === "" ? "—" : shown(field, value));
  return (
    <aside aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-conflict>
      <h2 id="conflict-title" className="font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-stone-700">{t("mergedText")}</p>
      {merge.conflicts.length ? (
        <section aria-labelledby="conflict-both" className="mt-3">
          <h3 id="conflict-both" className="font-medium">
            {t("bothTitle")}
          </h3>
          <p className="text-xs text-stone-600">{t("bothHint")}</p>
          <dl className="mt-1 divide-y divide-amber-200" data-conflicts>
            {merge.conflicts.map((c) => (
              <div key={c.field} className="py-1" data-conflict-field={c.field}>
                <dt className="text-xs font-medium text-stone-600">{label(c.field)}</dt>
                <dd className="whitespace-pre-wrap break-words">
                  <span className="font-medium">{t("theirs")}:</span> {show(c.field, c.theirs)}
                </dd>
                <dd className="whitespace-pre-wrap break-words">
                  <span className="font-medium">{t("yours")}:</span> {show(c.field, c.mine)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : (
        <p className="mt-2" data-no-conflicts>
          {t("noneBoth")}
        </p>
      )}
      {merge.theirs.length ? (
        <section aria-labelledby="conflict-theirs" className="mt-3">
          <h3 id="conflict-theirs" className="font-medium">
            {t("theirsTitle")}
          </h3>
          <ul className="mt-1 list-disc pl-4" data-theirs>
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
