import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { draftFiling } from "@/lib/data/filings";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { FILING_LOCALES } from "@/lib/domain/filings";
import { filingKind, filingLocale } from "@/lib/validation/filings";
import { FilingEditor } from "@/components/filings/FilingEditor";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { FILING_CLIENT_MESSAGES } from "@/components/filings/client-messages";
import { PageHeader, secondaryLink } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("filings");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ id: string; kind: string }>; searchParams: Promise<{ locale?: string }> };

export default async function DraftFilingPage({ params, searchParams }: Props) {
  const [{ id, kind: kindRaw }, { locale: localeRaw }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/applications/${id}/filings`);
  const kind = filingKind.safeParse(kindRaw);
  if (!kind.success) notFound();
  const locale = filingLocale.safeParse(localeRaw ?? "ru");
  const lang = locale.success ? locale.data : "ru";
  const t = await getTranslations("filings");
  let doc;
  try {
    doc = await draftFiling(actor, id, kind.data, lang);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    if (e instanceof ForbiddenError) {
      return (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("viewerCannot")}
        </p>
      );
    }
    throw e;
  }
  return (
    <>
      <PageHeader
        title={t(`kind.${kind.data}`)}
        subtitle={t("draftNotice")}
        actions={
          <Link href={`/applications/${id}/filings`} className={secondaryLink}>
            ← {t("backToFilings")}
          </Link>
        }
      />
      <nav aria-label={t("languageNav")} className="mb-4 flex gap-2 text-sm">
        <span className="text-stone-600">{t("language")}:</span>
        {FILING_LOCALES.map((l) =>
          l === lang ? (
            <strong key={l} aria-current="page">
              {t(`locale.${l}`)}
            </strong>
          ) : (
            <Link key={l} href={`/applications/${id}/filings/${kind.data}?locale=${l}`} hrefLang={l}>
              {t(`locale.${l}`)}
            </Link>
          ),
        )}
      </nav>
      <ClientMessages namespaces={FILING_CLIENT_MESSAGES}>
        <FilingEditor key={`${kind.data}-${lang}`} applicationId={id} initial={doc} />
      </ClientMessages>
    </>
  );
}
