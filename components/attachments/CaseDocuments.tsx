// The application's own documents (the filing as submitted, its stamp): a card on the case
// page. The documents of answers, appeals, events and incidents sit on those records.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/Card";
import type { CaseData } from "@/lib/data/cases";
import { Documents } from "./Documents";

export function CaseDocuments({ data }: { data: CaseData }) {
  const t = useTranslations("documents");
  const own = data.attachments.filter((a) => a.subjectType === "application");
  if (!own.length && !data.canOwnerEdit) return null;
  return (
    <Card id="documents" title={t("heading")}>
      <Documents data={data} subjectType="application" subjectId={data.id} titled={false} />
    </Card>
  );
}
