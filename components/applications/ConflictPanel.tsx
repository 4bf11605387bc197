"use client";
// Someone saved first: their version, beside the form that still holds what this user typed.
import { useTranslations } from "next-intl";
import { DateText } from "@/components/ui/DateText";
import type { ApplicationSnapshot } from "@/lib/data/applications";

export function ConflictPanel({ current }: { current: ApplicationSnapshot }) {
  const t = useTranslations("applications");
  const tv = useTranslations("vocab");
  const row = (label: string, value: React.ReactNode) => (
    <div className="py-1">
      <dt className="text-xs font-medium text-stone-600">{label}</dt>
      <dd className="whitespace-pre-wrap break-words">{value === "" || value === null ? "—" : value}</dd>
    </div>
  );
  return (
    <aside aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-conflict>
      <h2 id="conflict-title" className="font-semibold">{t("conflict.title")}</h2>
      <p className="mt-1 text-stone-700">{t("conflict.text")}</p>
      <dl className="mt-2 divide-y divide-amber-200">
        {row(t("form.title"), current.title)}
        {row(t("form.organizers"), current.organizers.join(", "))}
        {row(t("form.authority"), current.authority)}
        {row(t("form.city"), current.city)}
        {row(t("form.filedOn"), current.filedOn ? <DateText value={current.filedOn} precision={current.filedOnPrecision} /> : "")}
        {row(t("form.registrationNumber"), current.registrationNumber)}
        {row(t("form.purpose"), current.purpose)}
        {row(t("form.applicants"), current.applicants.join(", "))}
        {row(
          t("form.parts"),
          <ul className="list-disc pl-4">
            {current.parts.map((p, i) => (
              <li key={i}>
                {tv.has(`form.${p.form}`) ? tv(`form.${p.form}`) : p.form}: {[p.place, p.route].filter(Boolean).join(" · ")} {p.eventDate ? <DateText value={p.eventDate} /> : null} {p.startTime}
                {p.endTime ? `–${p.endTime}` : ""}
              </li>
            ))}
          </ul>,
        )}
        {row(t("form.notes"), current.notes)}
        {row(t("form.isPublic"), current.isPublic ? t("yes") : t("no"))}
      </dl>
    </aside>
  );
}
