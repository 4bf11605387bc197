import { describe, expect, it } from "vitest";
import { cachedStatsTableHtml, statsTableHtml } from "@/components/stats/table-html";
import type { StatsTable } from "@/components/stats/tables";

const text = { empty: "No figures", countShare: "count (share)" };

function table(rows: StatsTable["rows"], label = "Almaty"): StatsTable {
  return {
    id: "grounds-by-city",
    title: "Refusals by ground and city",
    columns: [
      { key: "label", label: "City", kind: "text" },
      { key: "refusals", label: "Refusals", kind: "count" },
      { key: "works", label: "Works", kind: "count" },
      { key: "works_share", label: "Works, share of row", kind: "share", shareOf: "works" },
    ],
    rows: rows.length ? rows : [],
    total: { label: `All ${label}`, refusals: 1234, works: 3, works_share: null },
  };
}

describe("statistics table markup", () => {
  it("shows a share beside its count, the total last, numbers in the page's language", () => {
    const html = statsTableHtml(table([{ label: "Almaty", refusals: 1234, works: 3, works_share: 42.86 }]), "en", text);
    expect(html).toContain('<caption class="sr-only">Refusals by ground and city</caption>');
    expect(html).toContain('<th scope=col class=num>Works<span class="block text-xs font-normal text-stone-500">count (share)</span><span class="sr-only">, Works, share of row</span></th>');
    expect(html).toContain('<tr><th scope=row>Almaty</th><td class=num>1,234</td><td class=num>3 (42.9%)</td></tr>');
    expect(html).toMatch(/<tfoot><tr><th scope=row>All Almaty<\/th><td class=num>1,234<\/td><td class=num>3<\/td><\/tr><\/tfoot><\/table>$/);
    // The share column is not a column of its own on screen.
    expect(html.match(/<th scope=col/g)).toHaveLength(3);
    expect(statsTableHtml(table([{ label: "Алматы", refusals: 1234, works: 0, works_share: 0 }]), "ru", text)).toContain('<td class=num>1\u00a0234</td><td class=num>0 (0%)</td>');
  });

  it("escapes names that come from records", () => {
    const hostile = `<script>alert("x")</script> & 'Almaty'`;
    const html = statsTableHtml(table([{ label: hostile, refusals: 1, works: 1, works_share: 100 }], hostile), "en", text);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Almaty&#39;");
  });

  it("says so when there are no figures, and leaves the total out", () => {
    const html = statsTableHtml(table([]), "en", text);
    expect(html).toContain('<tbody><tr><td colspan="3" class="py-3 text-stone-600">No figures</td></tr></tbody>');
    expect(html).not.toContain("<tfoot>");
  });

  it("writes each table once and a new table afresh", () => {
    const t = table([{ label: "Almaty", refusals: 2, works: 1, works_share: 50 }]);
    const first = cachedStatsTableHtml(t, "en", text);
    expect(cachedStatsTableHtml(t, "en", { empty: "changed", countShare: "changed" })).toBe(first);
    const next = table([{ label: "Almaty", refusals: 3, works: 1, works_share: 33.3 }]);
    expect(cachedStatsTableHtml(next, "en", text)).toContain('<td class=num>3</td>');
  });
});
