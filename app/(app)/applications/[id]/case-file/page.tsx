import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { loadMemberCaseFile, MEMBER_SCOPE } from "@/lib/data/case-file";
import { NotFoundError } from "@/lib/errors";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { CaseFileView } from "@/components/case-file/CaseFileView";
import { PrintButton } from "@/components/case-file/PrintButton";
import { buttonLink, secondaryLink } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("casefile");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ personal?: string }> };

export default async function CaseFilePage({ params, searchParams }: Props) {
  const [{ id }, { personal }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/applications/${id}/case-file`);
  const locale = await getLocale();
  const includePersonal = personal !== "0";
  const file = await loadMemberCaseFile(actor, id, { ...MEMBER_SCOPE, includePersonal }, isLocale(locale) ? locale : DEFAULT_LOCALE).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations("casefile.page");
  const query = includePersonal ? "" : "?personal=0";
  return (
    <>
      <div className="no-print mb-6 flex flex-wrap items-center gap-2">
        <Link href={`/applications/${id}`} className={secondaryLink}>
          ← {t("backToCase")}
        </Link>
        <PrintButton label={t("print")} />
        <a href={`/applications/${id}/case-file/pdf${query}`} className={buttonLink}>
          {t("downloadPdf")}
        </a>
        <Link href={`/applications/${id}/case-file${includePersonal ? "?personal=0" : ""}`} className={secondaryLink} aria-pressed={!includePersonal}>
          {includePersonal ? t("withoutPersonal") : t("withPersonal")}
        </Link>
      </div>
      <CaseFileView file={file} />
    </>
  );
}
