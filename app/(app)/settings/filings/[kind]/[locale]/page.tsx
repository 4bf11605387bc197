import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { canEditTemplates, currentTemplate, previewTemplate, templateHistory } from "@/lib/data/filings";
import { NotFoundError } from "@/lib/errors";
import { filingKind, filingLocale } from "@/lib/validation/filings";
import { TemplateForm } from "@/components/filings/TemplateForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { FILING_CLIENT_MESSAGES } from "@/components/filings/client-messages";
import { PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("filings.settings");
  return { title: t("title") };
}

export default async function FilingTemplatePage({ params }: { params: Promise<{ kind: string; locale: string }> }) {
  const p = await params;
  const actor = await requirePageActor(`/settings/filings`);
  const kind = filingKind.safeParse(p.kind);
  const locale = filingLocale.safeParse(p.locale);
  if (!kind.success || !locale.success) notFound();
  const [t, tf, f] = await Promise.all([getTranslations("filings.settings"), getTranslations("filings"), getFormatter()]);
  const [template, preview, history] = await Promise.all([currentTemplate(kind.data, locale.data), previewTemplate(kind.data, locale.data), templateHistory(kind.data, locale.data)]).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const editable = canEditTemplates(actor);
  return (
    <>
      <PageHeader title={`${tf(`kind.${kind.data}`)} · ${tf(`locale.${locale.data}`)}`} subtitle={<Link href="/settings/filings">← {t("title")}</Link>} />
      {editable ? null : <p className="mb-4 text-sm text-stone-600">{t("onlyOperators")}</p>}
      <ClientMessages namespaces={FILING_CLIENT_MESSAGES}>
        <TemplateForm key={template.version} template={template} preview={preview} editable={editable} />
      </ClientMessages>
      <section className="mt-6 text-sm">
        <h2 className="font-semibold">{t("versions")}</h2>
        <ul className="mt-1 space-y-1" data-testid="template-versions">
          {history.map((h) => (
            <li key={h.version}>{t("versionItem", { version: h.version, name: h.createdByName || "—", date: f.dateTime(h.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
