// A statistics chart drawn on the server as plain SVG, written once per table as a string
// (like table-html.ts) and sent as markup: no charting code in the browser at all. The
// charting library it replaces cost the statistics page most of its main-thread time on a
// phone (Lighthouse) and a large download.
//
// Widths are percentages of the chart's box and heights are pixels, so the bars stretch to
// the column while the text keeps its size: a horizontal chart is a fixed-width SVG of
// category labels beside a stretching SVG of bars, a column chart a fixed-width SVG of
// value ticks beside a stretching SVG of columns and their year labels. Every bar carries a
// <title> with its category, series and value; the same figures are in the table beside the
// chart. Nothing inside is focusable; the figure is one image with an accessible name.
import { escapeHtml } from "@/lib/html";
import { percent } from "@/lib/domain/stats";
import { numberFormat } from "@/lib/i18n/formatters";
import { fitLabel } from "./tick-label";
import type { Cell, ChartSpec } from "./tables";

/**
 * The series' colours, classes c0…c11 in app/globals.css (.stats-chart), each at least 3:1
 * against white (WCAG non-text contrast); stacked bars are parted by a white line.
 */
export const PALETTE = ["#7c2d12", "#b45309", "#0f766e", "#1d4ed8", "#7e22ce", "#be123c", "#4d7c0f", "#0369a1", "#a16207", "#57534e", "#9f1239", "#334155"];

/** Line spacing of a wrapped label; a horizontal chart's row holds two lines. */
export const TICK_LINE_HEIGHT = 13;
/** Room for the labels beside horizontal bars: two lines of this many characters. */
export const BAR_LABEL_WIDTH = 170;
const BAR_LABEL_CHARS = 22;
const COLUMN_LABEL_CHARS = 10;
const VALUE_AXIS_WIDTH = 48;
/** A horizontal chart's row, in pixels. */
export const ROW_HEIGHT = 34;
const TOP = 8;
const VALUE_TICKS_HEIGHT = 22;
/** A column chart's plot height, in pixels, and the room under it for two lines of labels. */
export const COLUMN_PLOT_HEIGHT = 220;
const CATEGORY_LABELS_HEIGHT = 36;

const num = (v: number) => String(Math.round(v * 100) / 100);
/**
 * An attribute, its value unquoted when HTML allows (numbers, percentages, class names): the
 * markup is sent twice, in the HTML and inside React's payload, where every quote costs four
 * bytes more. Hundreds of bars made the quotes a good part of the statistics page's weight.
 */
const attr = (name: string, value: string | number) => {
  const v = String(value);
  return /^[\w.%#-]+$/.test(v) ? ` ${name}=${v}` : ` ${name}="${escapeHtml(v)}"`;
};
const pc = (share: number) => `${num(share * 100)}%`;
/** Pixels to a tenth: finer than a screen shows. */
const px = (v: number) => String(Math.round(v * 10) / 10);

/** Round steps (1, 2, 5 × 10ⁿ) from zero up to at least `max`, about four of them. */
export function valueTicks(max: number, whole: boolean): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  let step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
  if (whole) step = Math.max(1, Math.round(step));
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** A category label cut to its place (tick-label.ts), the whole of it in its <title> and data-full-label. */
export function tickLabelSvg(full: string, x: number | string, y: number, anchor: "start" | "middle" | "end", maxChars: number, maxLines = 2): string {
  const { lines } = fitLabel(full, maxChars, maxLines);
  // Beside a horizontal bar the block is centred on the bar; under a column it hangs below.
  const firstDy = anchor === "middle" ? TICK_LINE_HEIGHT : 4 - ((lines.length - 1) * TICK_LINE_HEIGHT) / 2;
  const e = escapeHtml(full);
  const spans = lines.map((line, i) => `<tspan${attr("x", x)}${attr("dy", i === 0 ? num(firstDy) : TICK_LINE_HEIGHT)}>${escapeHtml(line)}</tspan>`).join("");
  return `<text${attr("x", x)}${attr("y", num(y))}${anchor === "start" ? "" : attr("text-anchor", anchor)}${attr("data-full-label", full)}><title>${e}</title>${spans}</text>`;
}

interface Segment {
  series: number;
  from: number;
  to: number;
  title: string;
}

/** The chart's height in pixels (the legend below it is HTML). */
export function chartSvgHeight(spec: ChartSpec, rowCount: number): number {
  return spec.horizontal ? TOP + Math.max(rowCount, 1) * ROW_HEIGHT + VALUE_TICKS_HEIGHT : TOP + COLUMN_PLOT_HEIGHT + CATEGORY_LABELS_HEIGHT;
}

/** One chart as markup: a figure with role="img" named by `label`, its SVG and a legend when it has several series. */
export function statsChartHtml(rows: Record<string, Cell>[], spec: ChartSpec, label: string, locale: string): string {
  const nf = numberFormat(locale, { maximumFractionDigits: 1 });
  // Shares arrive in percent (tables.ts); percent() takes a fraction.
  const show = (v: number) => (spec.unit === "share" ? percent(v / 100, locale) : nf.format(v));
  const value = (c: Cell | undefined) => (typeof c === "number" && Number.isFinite(c) ? c : null);

  // Each row's bars, from zero: stacked series end to end, grouped ones side by side.
  const bars: Segment[][] = rows.map((r) => {
    const category = String(r[spec.category] ?? "");
    let at = 0;
    const out: Segment[] = [];
    spec.series.forEach((s, i) => {
      const v = value(r[s.key]);
      const title = `${category} — ${s.label}: ${v === null ? "—" : show(v)}`;
      if (spec.stacked) {
        out.push({ series: i, from: at, to: at + (v ?? 0), title });
        at += v ?? 0;
      } else out.push({ series: i, from: 0, to: v ?? 0, title });
    });
    return out;
  });
  const max = Math.max(0, ...bars.flat().map((b) => b.to));
  const ticks = valueTicks(max, spec.unit === undefined || spec.unit === "count");
  const top = ticks[ticks.length - 1];
  const share = (v: number) => v / top;
  const height = chartSvgHeight(spec, rows.length);
  const groups = spec.stacked ? 1 : spec.series.length;
  // Colours, strokes and text styles are classes in app/globals.css (.stats-chart), not repeated per bar.
  // A series' bars share one <g> with its colour class.
  const rect = (b: Segment, x: string, y: string, w: string, h: string) => (b.to > b.from ? `<rect${attr("x", x)}${attr("y", y)}${attr("width", w)}${attr("height", h)}><title>${escapeHtml(b.title)}</title></rect>` : "");
  const bySeries = (draw: (b: Segment, row: number) => string) =>
    spec.series.map((_, k) => `<g class=c${k % PALETTE.length}>${bars.map((row, i) => draw(row[k], i)).join("")}</g>`).join("");
  const text = (x: string | number, y: number, anchor: "start" | "middle" | "end", content: string) => `<text${attr("x", x)}${attr("y", num(y))}${anchor === "start" ? "" : attr("text-anchor", anchor)}>${escapeHtml(content)}</text>`;

  let fixed: string;
  let plot: string;
  let fixedWidth: number;
  if (spec.horizontal) {
    fixedWidth = BAR_LABEL_WIDTH;
    const plotBottom = TOP + rows.length * ROW_HEIGHT;
    fixed = rows.map((r, i) => tickLabelSvg(String(r[spec.category] ?? ""), BAR_LABEL_WIDTH - 8, TOP + (i + 0.5) * ROW_HEIGHT, "end", BAR_LABEL_CHARS)).join("");
    const band = ROW_HEIGHT * 0.7;
    const grid = ticks.map((t) => `<line class=g${attr("x1", pc(share(t)))}${attr("x2", pc(share(t)))}${attr("y1", TOP)}${attr("y2", plotBottom)}></line>`).join("");
    const tickText = ticks.map((t, i) => text(pc(share(t)), plotBottom + 16, i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle", show(t))).join("");
    const h = band / groups;
    const marks = bySeries((b, i) => rect(b, pc(share(b.from)), px(TOP + i * ROW_HEIGHT + (ROW_HEIGHT - band) / 2 + (spec.stacked ? 0 : b.series * h)), pc(share(b.to - b.from)), px(h)));
    plot = `${grid}<line class=a x1=0 x2=0${attr("y1", TOP)}${attr("y2", plotBottom)}></line>${marks}${tickText}`;
  } else {
    fixedWidth = VALUE_AXIS_WIDTH;
    const plotBottom = TOP + COLUMN_PLOT_HEIGHT;
    const y = (v: number) => plotBottom - share(v) * COLUMN_PLOT_HEIGHT;
    fixed = ticks.map((t) => text(VALUE_AXIS_WIDTH - 6, y(t) + 4, "end", show(t))).join("");
    const bandWidth = 1 / Math.max(rows.length, 1);
    const inner = bandWidth * 0.7;
    const grid = ticks.map((t) => `<line class=g x1=0 x2=100%${attr("y1", num(y(t)))}${attr("y2", num(y(t)))}></line>`).join("");
    const w = inner / groups;
    const marks = bySeries((b, i) => rect(b, pc(i * bandWidth + (bandWidth - inner) / 2 + (spec.stacked ? 0 : b.series * w)), px(y(b.to)), pc(w), px(y(b.from) - y(b.to))));
    // Every other year's label is hidden when the chart is too narrow for all of them (app/globals.css).
    const labels = rows
      .map((r, i) => {
        const label = tickLabelSvg(String(r[spec.category] ?? ""), pc((i + 0.5) * bandWidth), plotBottom + 2, "middle", COLUMN_LABEL_CHARS);
        return i % 2 === 1 ? `<g class=odd>${label}</g>` : label;
      })
      .join("");
    plot = `${grid}<line class=a x1=0 x2=100%${attr("y1", plotBottom)}${attr("y2", plotBottom)}></line>${marks}${labels}`;
  }

  const legend =
    spec.series.length > 1
      ? `<ul class=chart-legend>${spec.series.map((s, i) => `<li><span class="chart-swatch c${i % PALETTE.length}"></span>${escapeHtml(s.label)}</li>`).join("")}</ul>`
      : "";
  return (
    `<figure role=img${attr("aria-label", label)} class=stats-chart>` +
    `<div class=stats-chart-plot style="grid-template-columns:${fixedWidth}px minmax(0,1fr)">` +
    `<svg${attr("width", fixedWidth)}${attr("height", height)}>${fixed}</svg>` +
    `<svg width=100%${attr("height", height)}>${plot}</svg>` +
    `</div>${legend}</figure>`
  );
}

const drawn = new WeakMap<object, Map<string, string>>();

/** statsChartHtml, once per table rows object (chartRows keeps one per table) and language. */
export function cachedStatsChartHtml(rows: Record<string, Cell>[], spec: ChartSpec, label: string, locale: string): string {
  let byKey = drawn.get(rows);
  if (!byKey) drawn.set(rows, (byKey = new Map()));
  const key = `${locale}|${label}`;
  let html = byKey.get(key);
  if (html === undefined) {
    html = statsChartHtml(rows, spec, label, locale);
    byKey.set(key, html);
  }
  return html;
}
