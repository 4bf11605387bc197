import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { canEditStandards, listLegalStandards } from "@/lib/data/case-file";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { HistoryList } from "@/components/cases/HistoryList";
import { listReferenceChanges } from "@/lib/data/settings";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("casefile.admin");
  return { title: t("title") };
}

/** The reference texts every case file prints beside the stated grounds. */
export default async function StandardsPage() {
  const actor = await requirePageActor("/settings/standards");
  const [t, common, tr, locale, standards, changes] = await Promise.all([
    getTranslations("casefile.admin"),
    getTranslations("common"),
    getTranslations("settings.reference"),
    getLocale(),
    listLegalStandards(),
    listReferenceChanges(["LegalStandard"]),
  ]);
  const editable = canEditStandards(actor);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("intro")} />
      {editable ? null : <p className="mb-4 text-sm text-stone-600">{t("onlyOperators")}</p>}
      <div className="space-y-4">
        {standards.map((s) => (
          <Card
            key={s.id}
            id={`standard-${s.code}`}
            title={localized(s, "title", locale)}
            actions={editable ? <Link href={`/settings/standards/${s.id}`}>{common("edit")}</Link> : null}
          >
            <p className="whitespace-pre-line text-sm text-stone-800">{localized(s, "body", locale)}</p>
            <p className="mt-2 text-xs text-stone-600">
              {t("groundCodes")}: <span className="font-mono">{s.groundCodes || "—"}</span>
            </p>
          </Card>
        ))}
      </div>
      <div className="mt-4">
        <HistoryList history={changes} id="reference-changes" title={tr("title")} hint={tr("hint")} />
      </div>
    </>
  );
}
