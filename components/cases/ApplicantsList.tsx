// Names only, and only those getCase lets this caller see (private people stay in the group).
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Card";
import type { CaseData } from "@/lib/data/cases";

export function ApplicantsList({ data }: { data: CaseData }) {
  const t = useTranslations("cases.applicants");
  const tc = useTranslations("common");
  if (data.applicants.length === 0) return null;
  return (
    <section id="applicants" aria-labelledby="applicants-title" className="card">
      <h2 id="applicants-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="space-y-1 text-sm">
        {data.applicants.map((a) => (
          <li key={a.id}>
            {a.person.fullName} {a.person.isPublic ? null : <Badge>{tc("private")}</Badge>}
          </li>
        ))}
      </ul>
    </section>
  );
}
