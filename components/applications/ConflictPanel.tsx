"use client";
// Someone saved first: their version, beside the form that still holds what this user typed.
import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/ui/ConflictNotice";
import { DateText } from "@/components/ui/DateText";
import type { ApplicationSnapshot } from "@/lib/data/applications";

export function ConflictPanel({ current }: { current: ApplicationSnapshot }) {
  const t = useTranslations("applications");
  const tv = useTranslations("vocab");
  return (
    <ConflictNotice
      title={t("conflict.title")}
      text={t("conflict.text")}
      rows={[
        [t("form.title"), current.title],
        [t("form.organizers"), current.organizers.join(", ")],
        [t("form.authority"), current.authority],
        [t("form.city"), current.city],
        [t("form.filedOn"), current.filedOn ? <DateText value={current.filedOn} precision={current.filedOnPrecision} /> : ""],
        [t("form.registrationNumber"), current.registrationNumber],
        [t("form.purpose"), current.purpose],
        [t("form.applicants"), current.applicants.join(", ")],
        [
          t("form.parts"),
          <ul key="parts" className="list-disc pl-4">
            {current.parts.map((p, i) => (
              <li key={i}>
                {tv.has(`form.${p.form}`) ? tv(`form.${p.form}`) : p.form}: {[p.place, p.route].filter(Boolean).join(" · ")} {p.eventDate ? <DateText value={p.eventDate} /> : null} {p.startTime}
                {p.endTime ? `–${p.endTime}` : ""}
              </li>
            ))}
          </ul>,
        ],
        [t("form.notes"), current.notes],
        [t("form.isPublic"), current.isPublic ? t("yes") : t("no")],
      ]}
    />
  );
}
