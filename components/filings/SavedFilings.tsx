// The generated filings saved to a case: who generated each, from which version of the case,
// whether and when it was filed. Downloads go through the checked route beside the filings.
import { useFormatter, useTranslations } from "next-intl";
import type { SavedFiling } from "@/lib/data/filings";
import { MarkFiledForm } from "./MarkFiledForm";

export function SavedFilings({ applicationId, files, canEdit }: { applicationId: string; files: SavedFiling[]; canEdit: boolean }) {
  const t = useTranslations("filings.saved");
  const f = useFormatter();
  if (!files.length) return <p className="text-sm text-stone-600">{t("none")}</p>;
  return (
    <ul className="space-y-3" data-testid="saved-filings">
      {files.map((file) => (
        <li key={file.id} className="border-b border-stone-200 pb-3 text-sm last:border-0">
          <p className="font-medium">{file.title}</p>
          <p>
            <a href={`/applications/${applicationId}/filings/saved/${file.id}`} download={file.fileName}>
              {file.fileName}
            </a>{" "}
            <span className="text-stone-600">({Math.max(1, Math.round(file.size / 1024))} KB)</span>
          </p>
          <p className="text-stone-600">
            {t("by", { name: file.createdByName || "—", date: f.dateTime(file.createdAt, { dateStyle: "medium", timeStyle: "short" }), caseVersion: file.caseVersion ?? "—", templateVersion: file.templateVersion ?? "—" })}
          </p>
          {file.filedOn ? <p className="text-green-800">{t("filed", { date: file.filedOn, number: file.filedNumber || "—" })}</p> : null}
          {canEdit && file.mimeType === "application/pdf" ? null : canEdit && !file.filedOn ? <MarkFiledForm applicationId={applicationId} attachmentId={file.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
