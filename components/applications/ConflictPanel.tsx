"use client";
// Someone saved first. With the form's base the server merged the two edits: this panel says
// which fields now hold their change ("theirs") and which ones both of you changed (their
// value beside yours; the form holds yours until you change it). Without a base: their
// version, field by field, beside the form that still holds what this user typed.
import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/ui/ConflictNotice";
import { DateText } from "@/components/ui/DateText";
import { MergeNotice } from "@/components/ui/MergeNotice";
import type { ApplicationConflict } from "@/lib/data/applications";
import type { ApplicationValues } from "@/lib/domain/application-values";

export function ConflictPanel({ current, merged = null, names = {} }: { current: ApplicationConflict; merged?: ApplicationValues | null; names?: Record<string, string> }) {
  const t = useTranslations("applications");
  const tv = useTranslations("vocab");
  if (current.merge && merged) return <MergePanel current={current} merged={merged} names={names} />;
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

function MergePanel({ current, merged, names }: { current: ApplicationConflict; merged: ApplicationValues; names: Record<string, string> }) {
  const t = useTranslations("applications");
  const tv = useTranslations("vocab");
  const merge = current.merge!;

  /** "parts.<id>.place" → "Place (Form 2)"; "title" → "Title". */
  const label = (field: string): string => {
    const [head, id, sub] = field.split(".");
    if (head === "parts" && id) {
      const n = merged.parts.findIndex((p) => p.id === id) + 1 || merge.base.parts.findIndex((p) => p.id === id) + 1;
      const row = t("form.partLegend", { number: n });
      return sub ? `${t.has(`form.${sub}`) ? t(`form.${sub}`) : sub} (${row})` : row;
    }
    if (head === "applicants" && id) {
      const n = merged.applicants.findIndex((a) => a.personId === id) + 1 || merge.base.applicants.findIndex((a) => a.personId === id) + 1;
      const row = t("form.applicantLegend", { number: n });
      return sub ? `${t.has(`form.${sub}`) ? t(`form.${sub}`) : sub} (${row})` : row;
    }
    const key = head === "organizerIds" ? "organizers" : head === "authorityId" ? "authority" : head;
    return t.has(`form.${key}`) ? t(`form.${key}`) : field;
  };
  /** Stored text as a person reads it: names for ids, yes/no, the form's name. */
  const shown = (field: string, value: string): string => {
    if (field === "isPublic") return value === "true" ? t("yes") : t("no");
    if (field === "present" || /^(parts|applicants)\.[^.]+$/.test(field)) return value === "present" ? t("conflict.present") : t("conflict.removed");
    if (field === "authorityId") return names[value] ?? value;
    if (field === "organizerIds") return value.split(",").map((id) => names[id] ?? id).join(", ");
    if (field.endsWith(".form")) return tv.has(`form.${value}`) ? tv(`form.${value}`) : value;
    return value;
  };
  return <MergeNotice title={t("conflict.title")} merge={merge} label={label} shown={shown} />;
}
