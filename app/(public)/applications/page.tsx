import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { writableGroups } from "@/lib/auth/access";
import { listApplications, latestListFilterOptions, type ApplicationListItem } from "@/lib/data/applications";
import { filtersToParams, readApplicationFilters } from "@/lib/validation/applications";
import { ApplicationFilters } from "@/components/applications/ApplicationFilters";
import { ApplicationList, type ApplicationRow } from "@/components/applications/ApplicationList";
import { casesChangedSinceVisit } from "@/lib/data/case-visits";
import { PageHeader, buttonLink } from "@/components/ui/PageHeader";
import { StaleMarker } from "@/components/perf/StaleMarker";
import { ClientMessages } from "@/components/i18n/ClientMessages";
import { Pagination } from "@/components/ui/Pagination";
import type { Locale } from "@/lib/i18n/config";
import { localized } from "@/lib/i18n/localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications.list");
  return { title: t("title") };
}

/** Only what a row shows crosses to the browser, in the page's language, without empty or default fields. */
function toRow(a: ApplicationListItem, changed: Set<string>, locale: Locale): ApplicationRow {
  return {
    ...(changed.has(a.id) ? { changed: true as const } : {}),
    id: a.id,
    title: localized(a, "title", locale),
    status: a.status,
    outcome: a.outcome,
    ...(a.isPublic ? {} : { isPublic: false as const }),
    city: a.city,
    filedOn: a.filedOn,
    ...(a.filedOnPrecision === "day" ? {} : { filedOnPrecision: a.filedOnPrecision }),
    ...(a.filedBefore ? { filedBefore: a.filedBefore } : {}),
    requestCount: a.requestCount,
    forms: [...new Set(a.parts.map((p) => p.form))],
    authority: a.authority ? localized(a.authority, "name", locale) : null,
    organizers: a.organizers.map((o) => o.group.name),
  };
}

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filters = readApplicationFilters(params);
  const actor = await getActor();
  const locale = (await getLocale()) as Locale;
  const [t, result, { value: options, exact }] = await Promise.all([getTranslations("applications.list"), listApplications(actor, filters, locale), latestListFilterOptions(actor)]);
  const canCreate = writableGroups(actor).length > 0;
  // A member's cases that someone else changed since they last opened them are marked.
  const changed = actor?.memberships.length ? await casesChangedSinceVisit(actor, result.items.map((a) => a.id)) : new Set<string>();
  return (
    <div>
      <StaleMarker exact={exact} />
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          canCreate ? (
            <Link href="/applications/new" className={buttonLink}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      {params.deleted ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t("deleted")}
        </p>
      ) : null}
      {/* Of the vocabulary, only the lists the rows and the filters name. */}
      <ClientMessages namespaces={["applications.list", "vocab.status", "vocab.partOutcome", "vocab.form", "steps.dashboard.changed", "phone.filters", "phone.filtersActive"]}>
        <ApplicationFilters filters={filters} options={options} showVisibility={Boolean(actor?.memberships.length)} />
        <p className="mb-2 text-sm text-stone-600" aria-live="polite">
          {t("count", { count: result.total })}
        </p>
        <ApplicationList items={result.items.map((a) => toRow(a, changed, locale))} />
      </ClientMessages>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={filtersToParams(filters)} basePath="/applications" />
    </div>
  );
}
