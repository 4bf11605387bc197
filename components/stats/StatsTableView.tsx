"use client";
// Rendered from its figures (which the chart beside it receives anyway), not sent to the browser
// as a server-rendered tree of a thousand cells: the statistics page is half as heavy this way.
import type { Cell, StatsColumn, StatsTable } from "./tables";

function format(value: Cell, column: StatsColumn, nf: Intl.NumberFormat): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return column.kind === "share" ? `${nf.format(value)}%` : nf.format(value);
  return value;
}

/** The accessible form of a chart: a captioned table; a share is shown beside its count. */
export function StatsTableView({ table, locale, emptyText, countShareLabel }: { table: StatsTable; locale: string; emptyText: string; countShareLabel: string }) {
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const shown = table.columns.filter((c) => !c.shareOf);
  const shareFor = new Map(table.columns.filter((c) => c.shareOf).map((c) => [c.shareOf as string, c]));
  const cell = (row: Record<string, Cell>, c: StatsColumn) => {
    const s = shareFor.get(c.key);
    const main = format(row[c.key] ?? null, c, nf);
    return s && row[s.key] !== null && row[s.key] !== undefined ? `${main} (${format(row[s.key], s, nf)})` : main;
  };
  const numeric = (c: StatsColumn) => c.kind !== "text";
  return (
    <div className="overflow-x-auto">
      <table className="stats-table" id={`table-${table.id}`}>
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.key} scope="col" className={numeric(c) ? "num" : undefined}>
                {c.label}
                {shareFor.has(c.key) ? (
                  <>
                    <span className="block text-xs font-normal text-stone-500">{countShareLabel}</span>
                    <span className="sr-only">, {shareFor.get(c.key)!.label}</span>
                  </>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={shown.length} className="py-3 text-stone-600">
                {emptyText}
              </td>
            </tr>
          ) : (
            table.rows.map((row, i) => (
              <tr key={i}>
                {shown.map((c, j) =>
                  j === 0 ? (
                    <th key={c.key} scope="row">
                      {cell(row, c)}
                    </th>
                  ) : (
                    <td key={c.key} className={numeric(c) ? "num" : undefined}>
                      {cell(row, c)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
        {table.total && table.rows.length > 0 ? (
          <tfoot>
            <tr>
              {shown.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {cell(table.total!, c)}
                  </th>
                ) : (
                  <td key={c.key} className={numeric(c) ? "num" : undefined}>
                    {cell(table.total!, c)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
