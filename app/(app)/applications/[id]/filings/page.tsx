import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/session";
import { filingAccess, listGeneratedFilings } from "@/lib/data/filings";
import { NotFoundError } from "@/lib/errors";
import { FILING_KINDS, FILING_LOCALES } from "@/lib/domain/filings";
import { SavedFilings } from "@/components/filings/SavedFilings";
import { Card } from "@/components/ui/Card";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { FILING_CLIENT_MESSAGES } from "@/components/filings/client-messages";
import { PageHeader, secondaryLink } from "@/components/ui/PageHeader";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("filings");
  return { title: t("title"), robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; filed?: string }> };

export default async function FilingsPage({ params, searchParams }: Props) {
  const [{ id }, { saved, filed }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/applications/${id}/filings`);
  const access = await filingAccess(actor, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const files = await listGeneratedFilings(actor, id);
  const t = await getTranslations("filings");
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={access.title}
        actions={
          <Link href={`/applications/${id}`} className={secondaryLink}>
            ← {t("backToCase")}
          </Link>
        }
      />
      {saved ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("savedNotice")}
        </p>
      ) : null}
      {filed ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("filedNotice")}
        </p>
      ) : null}
      <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("draftNotice")}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("choose")}>
          {access.canEdit ? (
            <ul className="space-y-3">
              {FILING_KINDS.map((k) => (
                <li key={k}>
                  <p className="font-medium">{t(`kind.${k}`)}</p>
                  <p className="text-sm text-stone-600">{t(`kindHint.${k}`)}</p>
                  <p className="mt-1 flex gap-3 text-sm">
                    {FILING_LOCALES.map((l) => (
                      <Link key={l} href={`/applications/${id}/filings/${k}?locale=${l}`} data-testid={`draft-${k}-${l}`}>
                        {t("draftIn", { language: t(`locale.${l}`) })}
                      </Link>
                    ))}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p role="alert" className="text-sm text-red-800">
              {t("viewerCannot")}
            </p>
          )}
        </Card>
        <Card title={t("savedTitle")}>
          <ClientMessages namespaces={FILING_CLIENT_MESSAGES}>
            <SavedFilings applicationId={id} files={files} canEdit={access.canEdit} />
          </ClientMessages>
        </Card>
      </div>
    </>
  );
}
