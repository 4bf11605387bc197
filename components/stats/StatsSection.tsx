import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/Card";
import { StatsChart } from "./StatsChart";
import { cachedStatsTableHtml } from "./table-html";
import { chartRows, type StatsTable } from "./tables";

/** One figure: its chart, the same numbers as a table, and a CSV link with the current filters. */
export async function StatsSection({ table, query, children }: { table: StatsTable; query: string; children?: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("stats"), getLocale()]);
  const csvHref = `/stats/csv/${table.id}${query ? `?${query}` : ""}`;
  const wide = table.columns.filter((c) => !c.shareOf).length > 4;
  const hasChart = Boolean(table.chart && table.rows.length > 0);
  return (
    <Card
      id={`stats-${table.id}`}
      className="stats-section"
      title={table.title}
      actions={
        <a href={csvHref} download className="text-sm" data-csv={table.id}>
          {t("downloadCsv")}
          <span className="sr-only"> — {table.title}</span>
        </a>
      }
    >
      {children}
      {table.description ? <p className="mb-3 text-sm text-stone-600">{table.description}</p> : null}
      <div className={hasChart && !wide ? "grid grid-cols-1 gap-4 lg:grid-cols-2" : "grid grid-cols-1 gap-4"}>
        {hasChart ? <StatsChart rows={chartRows(table)} spec={table.chart!} label={t("chartLabel", { title: table.title })} locale={locale} /> : null}
        {/* Escaped markup written once per cached table (table-html.ts), not a React tree of its cells. */}
        {/* A table wider than a phone scrolls inside its own box (.table-scroll, app/globals.css). */}
        <div className="table-scroll" dangerouslySetInnerHTML={{ __html: cachedStatsTableHtml(table, locale, { empty: t("empty"), countShare: t("countShare") }) }} />
      </div>
    </Card>
  );
}
