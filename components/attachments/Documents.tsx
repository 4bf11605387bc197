// A record's "Documents" block: the files attached to it (preview, title, kind, date, the
// recognised text beside each), and for editors the upload form and each file's publish and
// remove actions. What a reader may see was decided by getCase (lib/data/visibility.ts); this
// only lays it out.
import { useTranslations } from "next-intl";
import type { CaseData } from "@/lib/data/cases";
import type { AttachmentSubject } from "@/lib/domain/vocabulary";
import { ATTACHMENT_KINDS } from "@/lib/domain/vocabulary";
import { ACCEPT_ATTRIBUTE } from "@/lib/files/sniff";
import { maxFileBytes } from "@/lib/files/limits";
import { DateText } from "@/components/ui/DateText";
import { Badge } from "@/components/ui/Card";
import { AttachmentText } from "./AttachmentText";
import { UploadForm } from "./UploadForm";
import { AttachmentActions } from "./AttachmentActions";

type Attachment = CaseData["attachments"][number];

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * `titled={false}` when the block sits in a card that already names it (the case's own
 * documents): one "Documents" region and heading, not two (axe: landmark-unique, heading-order).
 */
export function Documents({ data, subjectType, subjectId, canAttach = data.canOwnerEdit, returnTo = `/applications/${data.id}`, titled = true }: { data: CaseData; subjectType: AttachmentSubject; subjectId: string; canAttach?: boolean; returnTo?: string; titled?: boolean }) {
  const t = useTranslations("documents");
  const items = data.attachments.filter((a) => a.subjectId === subjectId && a.subjectType === subjectType);
  if (!items.length && !canAttach) return null;
  const maxMb = Math.round(maxFileBytes() / 1024 / 1024);
  const Block = titled ? "section" : "div";
  return (
    <Block id={`documents-${subjectId}`} aria-labelledby={titled ? `documents-${subjectId}-h` : undefined} className="mt-3 scroll-mt-24" data-documents={subjectType}>
      {titled ? (
        <h4 id={`documents-${subjectId}-h`} className="text-xs font-medium uppercase tracking-wide text-stone-600">
          {t("heading")}
        </h4>
      ) : null}
      {items.length ? (
        <ul className="mt-2 space-y-3">
          {items.map((a) => (
            <DocumentItem key={a.id} a={a} canEdit={canAttach} returnTo={returnTo} />
          ))}
        </ul>
      ) : null}
      {canAttach ? (
        <UploadForm
          subjectType={subjectType}
          subjectId={subjectId}
          applicationId={data.id}
          returnTo={returnTo}
          accept={ACCEPT_ATTRIBUTE}
          kinds={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          labels={{
            legend: t("upload.legend"),
            files: t("fields.files"),
            filesHint: t("upload.filesHint", { mb: maxMb }),
            camera: t("upload.camera"),
            kind: t("fields.kind"),
            title: t("fields.title"),
            titleHint: t("upload.titleHint"),
            documentDate: t("fields.documentDate"),
            submit: t("upload.submit"),
            uploading: t.raw("upload.uploading") as string, // filled in the browser ({percent})
            added: t.raw("upload.added") as string, // filled in the browser ({count})
            errors: Object.fromEntries(["no_files", "too_big", "request_too_big", "wrong_type", "unreadable", "encrypted", "empty", "forbidden", "not_found", "unauthenticated", "form_invalid", "invalid", "unexpected", "network"].map((k) => [k, t(`errors.${k}`, { file: "{file}", mb: maxMb })])),
          }}
        />
      ) : null}
    </Block>
  );
}

function DocumentItem({ a, canEdit, returnTo }: { a: Attachment; canEdit: boolean; returnTo: string }) {
  const t = useTranslations("documents");
  const href = `/files/${a.id}`;
  return (
    <li className="rounded-md border border-stone-200 p-2" data-attachment={a.id}>
      <div className="flex gap-3">
        <a href={href} className="shrink-0" target="_blank" rel="noopener noreferrer">
          {/* A preview made on request from the stored file (a photo's thumbnail, a PDF's first page). */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`${href}/thumb`} alt="" width={72} height={96} loading="lazy" className="h-24 w-18 rounded border border-stone-200 bg-stone-50 object-contain" />
        </a>
        <div className="min-w-0 flex-1 text-sm">
          <p className="font-medium">
            <a href={href} target="_blank" rel="noopener noreferrer">
              {a.title || a.fileName}
            </a>{" "}
            {a.isPublic ? <Badge tone="amber">{t("list.public")}</Badge> : <Badge>{t("list.private")}</Badge>}
          </p>
          <p className="text-stone-600">
            {t(`kinds.${a.kind}`)}
            {a.documentDate ? (
              <>
                {" · "}
                <DateText value={a.documentDate} />
              </>
            ) : null}
            {" · "}
            {a.fileName} · {size(a.size)}
            {a.createdByName ? ` · ${t("list.attachedBy", { name: a.createdByName })}` : ""}
          </p>
          <p className="mt-1 flex flex-wrap gap-3">
            <a href={href} target="_blank" rel="noopener noreferrer">
              {t("open")}
            </a>
            <a href={`${href}?download=1`} download={a.fileName}>
              {t("download")}
            </a>
          </p>
          <AttachmentText attachment={a} />
          {canEdit ? (
            <AttachmentActions
              id={a.id}
              isPublic={a.isPublic}
              returnTo={returnTo}
              labels={{
                publish: t("publish.publish"),
                withdraw: t("publish.withdraw"),
                warning: t("publish.warning"),
                confirm: t("publish.confirm"),
                remove: t("delete.button"),
                removeConfirm: t("delete.confirm"),
                error: t("errors.unexpected"),
                confirmMissing: t("publish.confirmMissing"),
              }}
            />
          ) : null}
        </div>
      </div>
    </li>
  );
}
