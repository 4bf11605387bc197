import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { writableGroups } from "@/lib/auth/access";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/domain/import-values";
import { Card } from "@/components/ui/Card";
import { PageHeader, secondaryLink } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("importer");
  return { title: t("title") };
}

const ERRORS = ["too_big", "too_many_rows", "unreadable", "empty", "unsupported", "no_file", "not_json", "not_export", "has_errors", "nothing_to_import", "unexpected"];

function UploadForm({ kind, groups, labels }: { kind: "sheet" | "json"; groups: { id: string; name: string }[]; labels: { group: string; file: string; submit: string; limits: string } }) {
  const fileId = `import-file-${kind}`;
  const groupId = `import-group-${kind}`;
  return (
    <form method="post" action="/settings/import/upload" encType="multipart/form-data" className="grid gap-3">
      <input type="hidden" name="kind" value={kind} />
      <label htmlFor={groupId} className="grid gap-1 text-sm">
        <span className="font-medium">{labels.group}</span>
        <select id={groupId} name="groupId" className="rounded-md border border-stone-300 px-2 py-1" defaultValue={groups[0]?.id}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={fileId} className="grid gap-1 text-sm">
        <span className="font-medium">{labels.file}</span>
        <input id={fileId} type="file" name="file" required accept={kind === "json" ? ".json,application/json" : ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} />
        <span className="text-stone-600">{labels.limits}</span>
      </label>
      <div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
          {labels.submit}
        </button>
      </div>
    </form>
  );
}

/** Settings → Import: upload a spreadsheet (or, for admins, a JSON export), then preview and confirm. */
export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/settings/import");
  const [t, sp] = await Promise.all([getTranslations("importer"), searchParams]);
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const error = first(sp.error);
  const imported = Number(first(sp.imported));
  const editable = writableGroups(actor).map((m) => ({ id: m.groupId, name: m.groupName }));
  const admined = actor.memberships.filter((m) => m.role === "admin").map((m) => ({ id: m.groupId, name: m.groupName }));
  const limits = t("upload.limits", { mb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024), rows: MAX_IMPORT_ROWS });
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {Number.isInteger(imported) && imported > 0 ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="import-done">
          {t("done", { count: imported })} <Link href="/applications">{t("doneLink")}</Link>
        </p>
      ) : null}
      {first(sp.cancelled) ? (
        <p role="status" className="rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-800">
          {t("cancelled")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-error">
          {t(`errors.${ERRORS.includes(error) ? error : "unexpected"}`)}
        </p>
      ) : null}
      {editable.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("noWritableGroup")}</p>
      ) : (
        <Card id="upload" title={t("upload.title")}>
          <p className="mb-3 text-sm text-stone-700">{t("upload.text")}</p>
          <UploadForm kind="sheet" groups={editable} labels={{ group: t("upload.group"), file: t("upload.file"), submit: t("upload.submit"), limits }} />
        </Card>
      )}
      <Card id="template" title={t("template.title")}>
        <p className="mb-3 text-sm text-stone-700">{t("template.text")}</p>
        <p className="flex flex-wrap gap-2">
          <a href="/settings/import/template?format=csv" download className={secondaryLink}>
            {t("template.csv")}
          </a>
          <a href="/settings/import/template?format=xlsx" download className={secondaryLink}>
            {t("template.xlsx")}
          </a>
        </p>
      </Card>
      <Card id="reading" title={t("reading.title")}>
        <ul className="list-disc space-y-1 pl-5 text-sm text-stone-700">
          <li>{t("reading.dates")}</li>
          <li>{t("reading.forms")}</li>
          <li>{t("reading.authorities")}</li>
          <li>{t("reading.people")}</li>
        </ul>
      </Card>
      {admined.length ? (
        <Card id="json" title={t("json.title")}>
          <p className="mb-3 text-sm text-stone-700">{t("json.text")}</p>
          <UploadForm kind="json" groups={admined} labels={{ group: t("upload.group"), file: t("json.file"), submit: t("json.submit"), limits }} />
        </Card>
      ) : null}
    </div>
  );
}
