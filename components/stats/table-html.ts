// A statistics table as HTML, written once per table and kept with it. The tables are built
// from cached figures (statsTablesFor) and change only when the figures do, yet rendering a
// few hundred cells through React on every request cost the statistics page more than
// everything else on it (npm run bench); the page inserts this string instead. Every label and
// value is escaped (lib/html): city, authority and group names come from records.
import { escapeHtml } from "@/lib/html";
import { numberFormat } from "@/lib/i18n/formatters";
import type { Cell, StatsColumn, StatsTable } from "./tables";

export interface TableText {
  /** Shown in a table with no rows. */
  empty: string;
  /** Under a column's label when its cells hold "count (share)". */
  countShare: string;
}

function format(value: Cell, column: StatsColumn, nf: Intl.NumberFormat): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return column.kind === "share" ? `${nf.format(value)}%` : nf.format(value);
  return value;
}

/** The accessible form of a chart: a captioned table; a share is shown beside its count. */
export function statsTableHtml(table: StatsTable, locale: string, text: TableText): string {
  const nf = numberFormat(locale, { maximumFractionDigits: 1 });
  const shown = table.columns.filter((c) => !c.shareOf);
  const shareFor = new Map(table.columns.filter((c) => c.shareOf).map((c) => [c.shareOf as string, c]));
  // Unquoted where HTML allows: this markup is sent twice (HTML and React's payload, where each
  // quote costs four bytes more), and a page holds a thousand cells.
  const num = (c: StatsColumn) => (c.kind === "text" ? "" : " class=num");
  const cell = (row: Record<string, Cell>, c: StatsColumn) => {
    const s = shareFor.get(c.key);
    const main = format(row[c.key] ?? null, c, nf);
    return escapeHtml(s && row[s.key] !== null && row[s.key] !== undefined ? `${main} (${format(row[s.key], s, nf)})` : main);
  };
  const head = shown
    .map((c) => {
      const share = shareFor.get(c.key);
      const note = share ? `<span class="block text-xs font-normal text-stone-500">${escapeHtml(text.countShare)}</span><span class="sr-only">, ${escapeHtml(share.label)}</span>` : "";
      return `<th scope=col${num(c)}>${escapeHtml(c.label)}${note}</th>`;
    })
    .join("");
  const row = (r: Record<string, Cell>) => `<tr>${shown.map((c, j) => (j === 0 ? `<th scope=row>${cell(r, c)}</th>` : `<td${num(c)}>${cell(r, c)}</td>`)).join("")}</tr>`;
  const body = table.rows.length === 0 ? `<tr><td colspan="${shown.length}" class="py-3 text-stone-600">${escapeHtml(text.empty)}</td></tr>` : table.rows.map(row).join("");
  const foot = table.total && table.rows.length > 0 ? `<tfoot>${row(table.total)}</tfoot>` : "";
  return (
    `<table class="stats-table" id="table-${escapeHtml(table.id)}"><caption class="sr-only">${escapeHtml(table.title)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`
  );
}

const written = new WeakMap<StatsTable, string>();

/** statsTableHtml, once per table object: the tables are per language already, and so is the text. */
export function cachedStatsTableHtml(table: StatsTable, locale: string, text: TableText): string {
  let html = written.get(table);
  if (html === undefined) {
    html = statsTableHtml(table, locale, text);
    written.set(table, html);
  }
  return html;
}
