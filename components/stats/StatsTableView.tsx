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
      <table className="w-full border-collapse text-sm" id={`table-${table.id}`}>
        <caption className="sr-only">{table.title}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            {shown.map((c) => (
              <th key={c.key} scope="col" className={`px-2 py-1 font-medium ${numeric(c) ? "text-right" : ""}`}>
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
              <td colSpan={shown.length} className="px-2 py-3 text-stone-600">
                {emptyText}
              </td>
            </tr>
          ) : (
            table.rows.map((row, i) => (
              <tr key={i} className="border-b border-stone-100">
                {shown.map((c, j) =>
                  j === 0 ? (
                    <th key={c.key} scope="row" className="px-2 py-1 text-left font-normal">
                      {cell(row, c)}
                    </th>
                  ) : (
                    <td key={c.key} className={`px-2 py-1 ${numeric(c) ? "text-right tabular-nums" : ""}`}>
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
            <tr className="border-t border-stone-300 font-medium">
              {shown.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-1 text-left">
                    {cell(table.total!, c)}
                  </th>
                ) : (
                  <td key={c.key} className={`px-2 py-1 ${numeric(c) ? "text-right tabular-nums" : ""}`}>
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
