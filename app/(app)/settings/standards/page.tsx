import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { canEditStandards, listLegalStandards } from "@/lib/data/case-file";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("casefile.admin");
  return { title: t("title") };
}

/** The reference texts every case file prints beside the stated grounds. */
export default async function StandardsPage() {
  const actor = await requirePageActor("/settings/standards");
  const [t, common, locale, standards] = await Promise.all([getTranslations("casefile.admin"), getTranslations("common"), getLocale(), listLegalStandards()]);
  const editable = canEditStandards(actor);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("intro")} />
      {editable ? null : <p className="mb-4 text-sm text-stone-600">{t("onlyAdmins")}</p>}
      <div className="space-y-4">
        {standards.map((s) => (
          <Card
            key={s.id}
            id={`standard-${s.code}`}
            title={locale === "ru" ? s.titleRu : s.titleEn}
            actions={editable ? <Link href={`/settings/standards/${s.id}`}>{common("edit")}</Link> : null}
          >
            <p className="whitespace-pre-line text-sm text-stone-800">{locale === "ru" ? s.bodyRu : s.bodyEn}</p>
            <p className="mt-2 text-xs text-stone-600">
              {t("groundCodes")}: <span className="font-mono">{s.groundCodes || "—"}</span>
            </p>
          </Card>
        ))}
      </div>
    </>
  );
}
