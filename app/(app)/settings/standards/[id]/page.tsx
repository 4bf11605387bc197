import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
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
  const [t, common, standards, codes] = await Promise.all([getTranslations("casefile.admin"), getTranslations("common"), listLegalStandards(), listGroundCodes()]);
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
      <PageHeader title={standard.titleEn} subtitle={<Link href="/settings/standards">← {common("back")}</Link>} />
      <div className="card max-w-3xl">
        <StandardForm
          knownCodes={codes}
          standard={{
            id: standard.id,
            code: standard.code,
            fingerprint: standardFingerprint(standard),
            titleEn: standard.titleEn,
            titleRu: standard.titleRu,
            bodyEn: standard.bodyEn,
            bodyRu: standard.bodyRu,
            groundCodes: standard.groundCodes,
          }}
        />
      </div>
    </>
  );
}
