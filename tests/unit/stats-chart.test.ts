// The statistics charts are SVG drawn on the server: bars sized in proportion to the figures,
// labelled in the page's language from the catalogue, one image with a name and nothing a
// keyboard can land on.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { StatsChart } from "@/components/stats/StatsChart";
import { buildStatsTables, chartRows, type StatsTable } from "@/components/stats/tables";
import { cachedStatsChartHtml, statsChartHtml, tickLabelSvg, valueTicks } from "@/components/stats/chart-svg";
import { fitLabel } from "@/components/stats/tick-label";
import { loadMessages } from "@/lib/i18n/catalogue";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import type { StatsFigures } from "@/lib/validation/stats";

const appealsRow = (year: string | null, refused: number, appealed: number, overturned: number) => ({
  year,
  refused,
  appealed,
  appealedShare: refused ? appealed / refused : null,
  overturned,
  overturnedShare: appealed ? overturned / appealed : null,
  partly: 0,
});
const timing = (year: string | null) => ({ year, answered: 0, medianDays: null, withDeadline: 0, late: 0, lateShare: null, withEventDate: 0, afterEvent: 0, afterEventShare: null });
const pretext = (year: string | null, contestedShare: number) => ({ year, refusals: 10, contested: 0, contestedShare, placeOrWorks: 0, noAlternative: 0, noAlternativeShare: 0.1 });

const figures: StatsFigures = {
  filters: {},
  groundList: [
    { code: "works", labelEn: "Construction or repair works at the place", labelRu: "Строительные или ремонтные работы на месте" },
    { code: "place_taken", labelEn: "Place already taken by another event", labelRu: "Место уже занято другим мероприятием" },
  ],
  refusals: {
    total: 40,
    byGround: [
      { ground: "works", count: 30, share: 0.75 },
      { ground: "place_taken", count: 10, share: 0.25 },
    ],
  },
  refusalsBy: {
    year: [
      { key: "2021", label: "2021", labelRu: "2021", refusals: 12, grounds: [{ ground: "works", count: 9, share: 0.75 }, { ground: "place_taken", count: 3, share: 0.25 }] },
      { key: "2022", label: "2022", labelRu: "2022", refusals: 28, grounds: [{ ground: "works", count: 21, share: 0.75 }, { ground: "place_taken", count: 7, share: 0.25 }] },
    ],
    city: [],
    authority: [],
    form: [],
    group: [],
  },
  outcomes: [],
  appeals: { byYear: [appealsRow("2021", 20, 10, 5), appealsRow("2022", 40, 20, 0)], total: appealsRow(null, 60, 30, 5), endedAt: [] },
  timing: { byYear: [], total: timing(null) },
  pretext: { byYear: [pretext("2021", 0.5), pretext("2022", 0.25)], total: pretext(null, 0.375), byGround: [], reusedReasons: [] },
};

function tablesIn(locale: Locale): { tables: StatsTable[]; chartLabel: (title: string) => string } {
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "stats" as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
  const vocab = createTranslator({ locale, messages, namespace: "vocab" as never }) as unknown as (k: string) => string;
  return { tables: buildStatsTables(figures, { locale, t, vocab }, ["year"]), chartLabel: (title) => t("chartLabel", { title }) };
}

function chart(table: StatsTable, locale: Locale, label = table.title): string {
  return renderToStaticMarkup(createElement(StatsChart, { rows: chartRows(table), spec: table.chart!, label, locale }));
}

/** Each bar: the value its title states, its size attribute (a percentage or pixels) and its title. */
function bars(html: string, size: "width" | "height"): { value: number; size: number; title: string }[] {
  return [...html.matchAll(/<rect ([^>]*)><title>([^<]*)<\/title><\/rect>/g)].map((m) => {
    const attrs = Object.fromEntries([...m[1].matchAll(/([\w-]+)=("[^"]*"|\S+)/g)].map((a) => [a[1], a[2].replace(/"/g, "")]));
    const title = m[2];
    const value = Number(title.slice(title.lastIndexOf(": ") + 2).replace(/[%\s\u00a0]/g, "").replace(",", "."));
    return { value, size: parseFloat(attrs[size]), title };
  });
}

describe("statistics charts drawn on the server", () => {
  it("sizes each horizontal bar in proportion to its figure, with its value in its title", () => {
    const { tables } = tablesIn("en");
    const grounds = tables.find((t) => t.id === "grounds")!;
    const html = chart(grounds, "en");
    const drawn = bars(html, "width");
    expect(drawn.map((b) => b.value)).toEqual([30, 10]);
    // 30 is three times 10, and so is its bar.
    expect(drawn[0].size / drawn[1].size).toBeCloseTo(3, 1);
    expect(drawn[0].title).toBe("Construction or repair works at the place — Refusals: 30");
    // The axis starts at zero and reaches past the largest figure.
    expect(drawn[0].size).toBeLessThanOrEqual(100);
    expect(drawn[0].size).toBeGreaterThan(50);
  });

  it("stacks the grounds of a year end to end, and a column's height follows its figure", () => {
    const { tables } = tablesIn("en");
    const byYear = tables.find((t) => t.id === "grounds-by-year")!;
    expect(byYear.chart!.stacked).toBe(true);
    const drawn = bars(chart(byYear, "en"), "height");
    // Drawn series by series (each in its colour's group): works in 2021 and 2022, then the booked place.
    expect(drawn.map((b) => b.value)).toEqual([9, 21, 3, 7]);
    for (const b of drawn) expect(b.size / b.value).toBeCloseTo(drawn[1].size / drawn[1].value, 1);
    expect(drawn[1].title).toBe("2022 — Construction or repair works at the place: 21");
  });

  it("writes shares as percentages in the page's language", () => {
    const { tables } = tablesIn("ru");
    const html = chart(tables.find((t) => t.id === "pretext")!, "ru");
    const drawn = bars(html, "height");
    expect(drawn.map((b) => b.value)).toEqual([50, 25, 10, 10]);
    expect(drawn[0].size / drawn[1].size).toBeCloseTo(2, 1);
    expect(drawn[0].title).toMatch(/^2021 — .+: 50%$/);
    // Russian groups digits and writes decimals its own way.
    expect(statsChartHtml([{ year: "2021", v: 12.5 }], { category: "year", series: [{ key: "v", label: "Доля" }], unit: "share" }, "x", "ru")).toContain("Доля: 12,5%");
  });

  for (const locale of LOCALES) {
    it(`is one named image, labelled from the ${locale} catalogue, with a legend and nothing focusable`, () => {
      const { tables, chartLabel } = tablesIn(locale);
      const appeals = tables.find((t) => t.id === "appeals")!;
      const name = chartLabel(appeals.title);
      const html = chart(appeals, locale, name);
      expect(html).toContain(`<figure role=img aria-label="${name.replace(/"/g, "&quot;")}"`);
      // Every series is in the legend under its catalogue name, and the years label the columns.
      for (const s of appeals.chart!.series) expect(html).toContain(`</span>${s.label}</li>`);
      expect(html).toContain("data-full-label=2021>");
      expect(html).toContain("data-full-label=2022>");
      // Grouped, not stacked: refused (20, 40), appealed (10, 20), overturned (5, and 0 in 2022).
      const drawn = bars(html, "height");
      expect(drawn.map((b) => b.value)).toEqual([20, 40, 10, 20, 5]);
      expect(drawn[0].size / drawn[4].size).toBeCloseTo(4, 1);
      expect(drawn[1].size / drawn[0].size).toBeCloseTo(2, 1);
      // A zero draws no bar.
      expect(drawn).toHaveLength(5);
      // Unquoted values never swallow a self-closing slash.
      expect(html).not.toMatch(/=[^"\s>]*\/>/);
      // Nothing a keyboard lands on, no script.
      expect(html).not.toMatch(/tabindex|<a\b|<button|<input|<script|focusable="true"/i);
    });
  }

  it("escapes names that come from records", () => {
    const hostile = `<script>alert("x")</script>`;
    const html = statsChartHtml([{ label: hostile, count: 3 }], { category: "label", series: [{ key: "count", label: "Refusals" }], horizontal: true }, "Chart", "en");
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("writes a table's chart once per language", () => {
    const { tables } = tablesIn("en");
    const rows = chartRows(tables[0]);
    const first = cachedStatsChartHtml(rows, tables[0].chart!, "Chart", "en");
    expect(cachedStatsChartHtml(rows, tables[0].chart!, "Chart", "en")).toBe(first);
    expect(cachedStatsChartHtml(rows, tables[0].chart!, "Диаграмма", "ru")).not.toBe(first);
  });

  it("steps the value axis in round numbers from zero past the largest figure", () => {
    expect(valueTicks(30, true)).toEqual([0, 10, 20, 30]);
    expect(valueTicks(37, true)).toEqual([0, 10, 20, 30, 40]);
    expect(valueTicks(3, true)).toEqual([0, 1, 2, 3]);
    expect(valueTicks(0.6, false)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(valueTicks(0, true)).toEqual([0, 1]);
  });

  it("draws a long category label on at most two lines, the whole label in its title", () => {
    const label = "Специализированный межрайонный административный суд города Алматы";
    const svg = tickLabelSvg(label, 162, 40, "end", 22);
    expect(svg).toContain(`<title>${label}</title>`);
    expect(svg).toContain(`data-full-label="${label}"`);
    expect([...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1])).toEqual(fitLabel(label, 22).lines);
    // The two lines sit one line apart, centred on the bar.
    expect([...svg.matchAll(/<tspan[^>]*dy=([-\d.]+)/g)].map((m) => Number(m[1]))).toEqual([-2.5, 13]);
  });
});
