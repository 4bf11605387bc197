import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/PageHeader";
import { StatsFilters } from "@/components/stats/StatsFilters";
import { StatsSection } from "@/components/stats/StatsSection";
import { StatsSummary } from "@/components/stats/StatsSummary";
import { statsTablesFor } from "@/components/stats/tables";
import { BreakdownNav } from "@/components/stats/BreakdownNav";
import { countsOnly, groundsTableFor, STATS_DIMENSIONS } from "@/lib/domain/stats";
import { isOneOf } from "@/lib/domain/vocabulary";
import { getActor } from "@/lib/auth/session";
import { latestStats, latestStatsFilterOptions } from "@/lib/data/stats";
import { StaleMarker } from "@/components/perf/StaleMarker";
import { parseStatsFilters } from "@/lib/validation/stats";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats");
  return { title: t("title") };
}

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { filters, values, errors } = parseStatsFilters(params);
  // The grounds are broken down by one dimension at a time (?by=city): five wide cross-tables
  // at once made the page heavy on a phone and slow to serve. Each has its CSV link.
  const by = isOneOf(STATS_DIMENSIONS, params.by) ? params.by : STATS_DIMENSIONS[0];
  const actor = await getActor();
  // The last computed figures while a write's recompute runs: no visitor waits for it.
  const [{ value: figures, exact }, { value: options, exact: optionsExact }, t, vocab, locale] = await Promise.all([
    latestStats(actor, filters),
    latestStatsFilterOptions(actor),
    getTranslations("stats"),
    getTranslations("vocab"),
    getLocale(),
  ]);
  const breakdownId = groundsTableFor(by);
  const tables = statsTablesFor(figures, { locale, t, vocab }, [by]);
  const query = new URLSearchParams(values as Record<string, string>).toString();
  const groups = actor?.memberships.map((m) => m.groupName).join(", ");
  return (
    <>
      <StaleMarker exact={exact && optionsExact} figuresOnly={countsOnly(figures)} />
      <PageHeader title={t("title")} subtitle={groups ? t("scopeMember", { groups }) : t("scopePublic")} />
      <StatsFilters options={options} values={values} errors={errors} />
      <StatsSummary figures={figures} />
      <div className="mt-6 grid gap-6">
        {tables.map((table) => (
          <StatsSection key={table.id} table={table} query={query}>
            {table.id === breakdownId ? <BreakdownNav current={by} query={query} /> : null}
          </StatsSection>
        ))}
      </div>
      <details className="mt-6 rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">
        <summary className="cursor-pointer font-medium">{t("method.title")}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {(["refusal", "batch", "year", "grounds", "appeals", "time", "pretext"] as const).map((k) => (
            <li key={k}>{t(`method.${k}`)}</li>
          ))}
        </ul>
        <p className="mt-2">{t("method.api")}</p>
      </details>
    </>
  );
}
