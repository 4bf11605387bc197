// The case page's filings section: the drafted filings saved to the case (members only) and,
// for its editors, the way to draft one.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { listGeneratedFilings } from "@/lib/data/filings";
import { Card } from "@/components/ui/Card";
import { secondaryLink } from "@/components/ui/PageHeader";
import { SavedFilings } from "./SavedFilings";

export async function CaseFilings({ applicationId, canEdit }: { applicationId: string; canEdit: boolean }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("filings")]);
  const files = await listGeneratedFilings(actor, applicationId);
  return (
    <Card title={t("title")} id="filings">
      <SavedFilings applicationId={applicationId} files={files.slice(0, 6)} canEdit={false} />
      <p className="mt-3">
        <Link href={`/applications/${applicationId}/filings`} className={secondaryLink}>
          {canEdit ? t("draftLink") : t("allLink")}
        </Link>
      </p>
    </Card>
  );
}
