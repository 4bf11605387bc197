"use client";
// A bar chart for one statistics table. Decorative for screen readers: the table beside it
// carries the same figures.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { chartHeight, type Cell, type ChartSpec } from "./tables";
import { numberFormat } from "@/lib/i18n/formatters";
import { CategoryTick } from "./CategoryTick";

/** Room for the labels beside horizontal bars: two lines of this many characters (CategoryTick). */
const BAR_LABEL_WIDTH = 170;
const BAR_LABEL_CHARS = 22;
const COLUMN_LABEL_CHARS = 10;

const PALETTE = ["#7c2d12", "#b45309", "#0f766e", "#1d4ed8", "#7e22ce", "#be123c", "#4d7c0f", "#0369a1", "#a16207", "#57534e", "#9f1239", "#334155"];

export function StatsChart({ rows, spec, label, locale }: { rows: Record<string, Cell>[]; spec: ChartSpec; label: string; locale: string }) {
  const fmt = numberFormat(locale, { maximumFractionDigits: 1 });
  const suffix = spec.unit === "share" ? "%" : "";
  const height = chartHeight(spec, rows.length);
  return (
    <figure role="img" aria-label={label} className="w-full">
      <div aria-hidden="true" style={{ width: "100%", height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={rows} layout={spec.horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            {spec.horizontal ? (
              <>
                <XAxis type="number" allowDecimals={spec.unit !== "count" && spec.unit !== undefined} tickFormatter={(v: number) => `${fmt.format(v)}${suffix}`} />
                <YAxis type="category" dataKey={spec.category} width={BAR_LABEL_WIDTH} interval={0} tick={<CategoryTick maxChars={BAR_LABEL_CHARS} />} />
              </>
            ) : (
              <>
                <XAxis dataKey={spec.category} height={40} tick={<CategoryTick maxChars={COLUMN_LABEL_CHARS} textAnchor="middle" />} />
                <YAxis allowDecimals={spec.unit !== undefined && spec.unit !== "count"} tickFormatter={(v: number) => `${fmt.format(v)}${suffix}`} width={48} />
              </>
            )}
            <Tooltip formatter={(v) => (typeof v === "number" ? `${fmt.format(v)}${suffix}` : String(v ?? ""))} />
            {spec.series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {spec.series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId={spec.stacked ? "a" : undefined} fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
