import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { NotFoundError, AppError } from "@/lib/errors";
import { previewImport, type ImportPreview, type PreviewRow } from "@/lib/data/import-batches";
import { IMPORT_FIELDS, type CellReading, type RowProblem } from "@/lib/domain/import-values";
import { Badge, Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { Forbidden } from "@/components/ui/Forbidden";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { CancelForm, ConfirmForm, MappingForm } from "@/components/import/ImportForms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("importer");
  return { title: t("title") };
}

const SHOWN = 50;
const LISTED = 500;
const MESSAGES = ["has_errors", "nothing_to_import", "unexpected"];

/** The preview of one upload: its columns, each row as read, and the confirm and cancel forms. */
export default async function ImportPreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/settings/import");
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  let preview: ImportPreview;
  try {
    preview = await previewImport(actor, id);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof AppError && e.code === "forbidden") return <Forbidden />;
    throw e;
  }
  const [t, tf, tv] = await Promise.all([getTranslations("importer"), getTranslations("importer.field"), getTranslations("vocab")]);
  const error = Array.isArray(sp.error) ? sp.error[0] : sp.error;
  const fieldLabel = (f: string | undefined) => (f && (IMPORT_FIELDS as readonly string[]).includes(f) ? tf(f) : "");
  const problemText = (p: RowProblem) => (t.has(`problem.${p.key}`) ? t(`problem.${p.key}`, { field: fieldLabel(p.field), value: p.value ?? "" }) : p.key);
  const readText = (c: CellReading) => {
    if (!c.raw) return "";
    if (!c.read) return t("preview.notRead");
    if (c.kind === "date") return `${c.read}${c.precision && c.precision !== "day" ? ` (${tv(`precision.${c.precision}`)})` : ""}`;
    if (c.kind === "form") return tv(`form.${c.read}`);
    if (c.kind === "outcome") return tv(`partOutcome.${c.read}`);
    return c.read;
  };
  const statusBadge = (r: PreviewRow) =>
    r.status === "new" ? <Badge tone="green">{t("preview.statusNew")}</Badge> : r.status === "duplicate" ? <Badge tone="amber">{t("preview.statusDuplicate")}</Badge> : <Badge tone="red">{t("preview.statusError")}</Badge>;
  const duplicateText = (r: PreviewRow) =>
    r.duplicateOf?.row ? t("preview.duplicateOfRow", { row: r.duplicateOf.row }) : r.duplicateOf?.title ? t("preview.duplicateOfRecord", { title: r.duplicateOf.title }) : "";
  const errors = preview.rows.filter((r) => r.status === "error");
  const duplicates = preview.rows.filter((r) => r.status === "duplicate");
  const importable = preview.counts.new;
  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader title={t("preview.title", { file: preview.fileName })} subtitle={t("preview.group", { group: preview.groupName })} />
      <p className="text-sm font-medium" data-testid="import-counts">
        {t("preview.counts", preview.counts)}
      </p>
      {preview.left ? <p className="text-sm text-stone-700">{t("preview.jsonLeft", { appeals: preview.left.appealStages, events: preview.left.events, incidents: preview.left.incidents })}</p> : null}
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-error">
          {t(`errors.${MESSAGES.includes(error) ? error : "unexpected"}`)}
        </p>
      ) : null}
      <ClientMessages namespaces={["importer"]}>
        {preview.mapping ? (
          <Card id="mapping" title={t("preview.mappingTitle")}>
            <p className="mb-3 text-sm text-stone-700">{t("preview.mappingText")}</p>
            <MappingForm id={preview.id} columns={preview.header} choices={IMPORT_FIELDS.map((f) => ({ field: f, label: tf(f), column: preview.mapping![f] }))} />
          </Card>
        ) : null}
        <Card id="preview" title={t("preview.tableTitle")}>
          <p className="mb-2 text-sm text-stone-700">
            {t("preview.tableText")} {preview.rows.length > SHOWN ? t("preview.firstRows", { shown: SHOWN, total: preview.rows.length }) : null}
          </p>
          <div className="table-scroll">
            <table className="w-full text-left text-sm" data-testid="import-preview">
              <thead>
                <tr className="border-b border-stone-200">
                  <th scope="col" className="py-1 pr-2">{t("preview.row")}</th>
                  <th scope="col" className="py-1 pr-2">{t("preview.status")}</th>
                  <th scope="col" className="py-1 pr-2">{tf("title")}</th>
                  <th scope="col" className="py-1 pr-2">{t("preview.values")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, SHOWN).map((r) => (
                  <tr key={r.row} className="border-b border-stone-100 align-top" data-row={r.row} data-status={r.status}>
                    <td className="py-1 pr-2">{r.row}</td>
                    <td className="py-1 pr-2">
                      {statusBadge(r)}
                      {r.status === "duplicate" ? <div className="text-xs text-stone-600">{duplicateText(r)}</div> : null}
                    </td>
                    <td className="py-1 pr-2">{r.title}</td>
                    <td className="py-1 pr-2">
                      <ul className="space-y-0.5 text-xs">
                        {r.cells
                          .filter((c) => c.raw && c.kind !== "text")
                          .map((c) => (
                            <li key={c.field}>
                              {tf(c.field)}: <q>{c.raw}</q> → <strong>{readText(c)}</strong>
                            </li>
                          ))}
                        {r.authority ? (
                          <li>
                            {tf("authority")}: {r.authority.name} ({r.authority.known ? t("preview.authorityKnown") : t("preview.authorityNew")})
                          </li>
                        ) : null}
                        {r.problems.map((p, i) => (
                          <li key={`p${i}`} className="text-red-800">
                            {problemText(p)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        {errors.length ? (
          <Card id="errors" title={`${t("preview.errorsTitle")} (${errors.length})`}>
            <ul className="space-y-0.5 text-sm text-red-800" data-testid="import-errors">
              {errors.slice(0, LISTED).map((r) => (
                <li key={r.row} data-row={r.row}>
                  {t("preview.rowProblem", { row: r.row, problem: r.problems.map(problemText).join("; ") })}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {duplicates.length ? (
          <Card id="duplicates" title={`${t("preview.duplicatesTitle")} (${duplicates.length})`}>
            <p className="mb-2 text-sm text-stone-700">{t("preview.duplicatesText")}</p>
            <ul className="space-y-0.5 text-sm" data-testid="import-duplicates">
              {duplicates.slice(0, LISTED).map((r) => (
                <li key={r.row} data-row={r.row}>
                  {t("preview.rowProblem", { row: r.row, problem: `${r.title} — ${duplicateText(r)}` })}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card id="confirm" title={t("confirm.title")}>
          <ConfirmForm id={preview.id} errors={preview.counts.error} duplicates={preview.counts.duplicate} importable={importable} />
          <hr className="my-4 border-stone-200" />
          <CancelForm id={preview.id} />
        </Card>
      </ClientMessages>
    </div>
  );
}
