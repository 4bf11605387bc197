// A bar chart for one statistics table, drawn on the server as SVG (chart-svg.ts): no
// JavaScript in the browser. Written once per table and language, then inserted as markup.
import { cachedStatsChartHtml } from "./chart-svg";
import type { Cell, ChartSpec } from "./tables";

export function StatsChart({ rows, spec, label, locale }: { rows: Record<string, Cell>[]; spec: ChartSpec; label: string; locale: string }) {
  return <div className="min-w-0" dangerouslySetInnerHTML={{ __html: cachedStatsChartHtml(rows, spec, label, locale) }} />;
}
