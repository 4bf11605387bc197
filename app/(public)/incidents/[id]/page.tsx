import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { getActor } from "@/lib/auth/session";
import { getIncident } from "@/lib/data/incidents";
import { NotFoundError } from "@/lib/errors";
import { PageHeader, secondaryLink } from "@/components/ui/PageHeader";
import { IncidentDetail } from "@/components/incidents/IncidentDetail";
import { Localized } from "@/components/i18n/Localized";
import { localized } from "@/lib/i18n/localized";

async function load(id: string) {
  try {
    const [actor, locale] = await Promise.all([getActor(), getLocale()]);
    return await getIncident(actor, id, locale as Locale);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const [incident, locale] = await Promise.all([load(id), getLocale()]);
  return { title: localized(incident, "title", locale) };
}

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [incident, t, tv] = await Promise.all([load(id), getTranslations("incidents.detail"), getTranslations("vocab.incidentKind")]);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={<Localized record={incident} field="title" />}
        subtitle={tv.has(incident.kind) ? tv(incident.kind) : incident.kind}
        actions={
          incident.canEdit ? (
            <Link href={`/incidents/${incident.id}/edit`} className={secondaryLink}>
              {t("edit")}
            </Link>
          ) : null
        }
      />
      <IncidentDetail incident={incident} />
    </div>
  );
}
