import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { requirePageActor } from "@/lib/auth/session";
import { canEditStandards, listGroundCodes, listLegalStandards, standardFingerprint } from "@/lib/data/case-file";
import { StandardForm } from "@/components/case-file/StandardForm";
import { PageHeader } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("casefile.admin");
  return { title: t("title") };
}

export default async function EditStandardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/settings/standards/${id}`);
  const [t, common, locale, standards, codes] = await Promise.all([getTranslations("casefile.admin"), getTranslations("common"), getLocale(), listLegalStandards(), listGroundCodes()]);
  const standard = standards.find((s) => s.id === id);
  if (!standard) notFound();
  if (!canEditStandards(actor)) {
    return (
      <>
        <PageHeader title={t("title")} />
        <p className="text-sm text-stone-700">{t("onlyOperators")}</p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={localized(standard, "title", locale)} subtitle={<Link href="/settings/standards">← {common("back")}</Link>} />
      <div className="card max-w-3xl">
        <StandardForm
          knownCodes={codes}
          standard={{
            id: standard.id,
            code: standard.code,
            fingerprint: standardFingerprint(standard),
            titleEn: standard.titleEn,
            titleRu: standard.titleRu,
            titleKk: standard.titleKk ?? "",
            bodyEn: standard.bodyEn,
            bodyRu: standard.bodyRu,
            bodyKk: standard.bodyKk ?? "",
            groundCodes: standard.groundCodes,
          }}
        />
      </div>
    </>
  );
}
