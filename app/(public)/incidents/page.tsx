import type { Metadata } from "next";
import Link from "next/link";
import { IncidentKindBadge } from "@/components/incidents/IncidentKindBadge";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import { getActor } from "@/lib/auth/session";
import { writableGroups } from "@/lib/auth/access";
import { incidentFilterOptions, listIncidents } from "@/lib/data/incidents";
import { PageHeader, buttonLink } from "@/components/ui/PageHeader";
import { Badge } from "@/components/ui/Card";
import { DateText } from "@/components/ui/DateText";
import { Pagination } from "@/components/ui/Pagination";
import { IncidentFilters } from "@/components/incidents/IncidentFilters";
import { Amount } from "@/components/incidents/Amount";
import { Localized } from "@/components/i18n/Localized";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("incidents.list");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;
const KEYS = ["q", "kind", "year", "city", "group"] as const;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string).slice(0, 200) : "");
  const filters = Object.fromEntries(KEYS.map((k) => [k, one(k)]).filter(([, v]) => v)) as Record<string, string>;
  const page = Math.max(1, Number.parseInt(one("page"), 10) || 1);
  const actor = await getActor();
  const [t, list, options] = await Promise.all([getTranslations("incidents.list"), listIncidents(actor, { ...filters, page }, (await getLocale()) as Locale), incidentFilterOptions(actor)]);
  return (
    <div>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={writableGroups(actor).length ? <Link href="/incidents/new" className={buttonLink}>{t("add")}</Link> : null}
      />
      <IncidentFilters values={filters} years={options.years} cities={options.cities} groups={options.groups} />
      {list.rows.length === 0 ? (
        <p className="text-stone-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {list.rows.map((i) => (
            <li key={i.id} className="p-3 sm:p-4">
              <p className="flex flex-wrap items-center gap-2">
                <IncidentKindBadge kind={i.kind} />
                <Link href={`/incidents/${i.id}`} className="font-medium">
                  <Localized record={i} field="title" mark={false} />
                </Link>
                {i.isPublic ? null : <Badge>{t("private")}</Badge>}
              </p>
              <p className="mt-1 text-sm text-stone-700">
                <DateText value={i.occurredOn} precision={i.occurredOnPrecision} />
                {i.city ? ` · ${i.city}` : ""}
                {i.amount !== null ? (
                  <>
                    {" · "}
                    <Amount amount={i.amount} currency={i.currency} />
                  </>
                ) : null}
                {i.groups.length ? ` · ${i.groups.map((g) => g.group.name).join(", ")}` : ""}
                {i._count.applications ? ` · ${t("applications", { count: i._count.applications })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} params={filters} basePath="/incidents" />
    </div>
  );
}
