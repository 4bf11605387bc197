import { describe, expect, it } from "vitest";
import { appealRank, compareKeys, normaliseReason, percent, share, weightedMedian } from "@/lib/domain/stats";
import { cleanParams, filtersToParams, parseStatsFilters, statsFiltersSchema, type StatsFigures } from "@/lib/validation/stats";
import { buildStatsTables, chartRows, statsTablesFor, tableToCsvRows } from "@/components/stats/tables";

describe("share and percent", () => {
  it("rounds to four places and has no share of nothing", () => {
    expect(share(1, 3)).toBe(0.3333);
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 5)).toBe(0);
    expect(share(3, 0)).toBeNull();
    expect(percent(0.3333)).toBe("33.3%");
    expect(percent(null)).toBe("—");
  });
});

describe("weightedMedian", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ value: 7, weight: 1 }])).toBe(7);
    expect(weightedMedian([{ value: 14, weight: 1 }, { value: 5, weight: 1 }])).toBe(9.5);
    expect(weightedMedian([3, 4, 5, 14].map((value) => ({ value, weight: 1 })))).toBe(4.5);
  });

  it("counts a value as many times as its weight", () => {
    // 2 ×36 and 30 ×1: the median is 2.
    expect(weightedMedian([{ value: 30, weight: 1 }, { value: 2, weight: 36 }])).toBe(2);
    expect(weightedMedian([{ value: 1, weight: 2 }, { value: 9, weight: 2 }])).toBe(5);
    expect(weightedMedian([{ value: 1, weight: 0 }, { value: 9, weight: 1 }])).toBe(9);
  });
});

describe("small helpers", () => {
  it("ranks appeal stages by how far they went", () => {
    expect(appealRank("complaint")).toBeLessThan(appealRank("first_instance"));
    expect(appealRank("cassation")).toBeLessThan(appealRank("un_hrc"));
    expect(appealRank("nonsense")).toBe(0);
  });

  it("treats reasons that differ only by spacing or case as the same", () => {
    expect(normaliseReason("  Ремонтные  работы\nна маршруте ")).toBe(normaliseReason("ремонтные работы на маршруте"));
  });

  it("sorts keys ascending with the unknown last", () => {
    expect(["2021", "", "2019"].sort(compareKeys)).toEqual(["2019", "2021", ""]);
  });
});

describe("filters", () => {
  it("drops empty parameters and takes the first of repeated ones", () => {
    expect(cleanParams({ city: " Almaty ", form: "", group: ["a", "b"], yearFrom: undefined })).toEqual({ city: "Almaty", group: "a" });
    expect(cleanParams(new URLSearchParams("city=&form=march"))).toEqual({ form: "march" });
  });

  it("accepts valid filters and rejects bad ones with catalogue keys", () => {
    expect(statsFiltersSchema.parse({ yearFrom: "2020", form: "march" })).toEqual({ yearFrom: "2020", form: "march" });
    const bad = statsFiltersSchema.safeParse({ yearFrom: "20x0", form: "parade" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["yearFrom", "invalid"],
      ["form", "invalid_choice"],
    ]);
    expect(statsFiltersSchema.safeParse({ yearFrom: "2022", yearTo: "2020" }).error?.issues[0].message).toBe("end_before_start");
  });

  it("keeps the valid filters of a mistyped link and reports the bad one", () => {
    const r = parseStatsFilters({ city: "Almaty", form: "parade", other: "x" });
    expect(r.filters).toEqual({ city: "Almaty" });
    expect(r.values).toEqual({ city: "Almaty", form: "parade" });
    expect(r.errors).toEqual({ form: ["invalid_choice"] });
  });

  it("writes filters back as parameters in a fixed order", () => {
    expect(new URLSearchParams(filtersToParams({ form: "march", yearFrom: "2020", city: "Almaty" })).toString()).toBe("yearFrom=2020&city=Almaty&form=march");
  });

  it("describes the filters as JSON Schema for the API document", async () => {
    const { z } = await import("zod");
    const schema = z.toJSONSchema(statsFiltersSchema, { io: "input" }) as { properties: Record<string, { type?: string; enum?: string[] }> };
    expect(Object.keys(schema.properties)).toEqual(["yearFrom", "yearTo", "city", "authority", "group", "form"]);
    expect(schema.properties.form.enum).toContain("march");
  });
});

describe("tables", () => {
  const row = (year: string | null) => ({ year, refused: 0, appealed: 0, appealedShare: null, overturned: 0, overturnedShare: null, partly: 0 });
  const timing = (year: string | null) => ({ year, answered: 0, medianDays: null, withDeadline: 0, late: 0, lateShare: null, withEventDate: 0, afterEvent: 0, afterEventShare: null });
  const pretext = (year: string | null) => ({ year, refusals: 0, contested: 0, contestedShare: null, placeOrWorks: 0, noAlternative: 0, noAlternativeShare: null });
  const figures: StatsFigures = {
    filters: {},
    groundList: [{ code: "works", labelEn: "Works", labelRu: "Работы" }],
    refusals: { total: 4, byGround: [{ ground: "works", count: 1, share: 0.25 }, { ground: "unclassified", count: 3, share: 0.75 }] },
    refusalsBy: {
      year: [{ key: "2021", label: "2021", labelRu: "2021", refusals: 4, grounds: [{ ground: "works", count: 1, share: 0.25 }, { ground: "unclassified", count: 3, share: 0.75 }] }],
      city: [],
      authority: [],
      form: [{ key: "march", label: "march", labelRu: "march", refusals: 4, grounds: [{ ground: "works", count: 1, share: 0.25 }] }],
      group: [],
    },
    outcomes: [],
    appeals: { byYear: [row("2021")], total: row(null), endedAt: [] },
    timing: { byYear: [], total: timing(null) },
    pretext: { byYear: [pretext("2021")], total: pretext(null), byGround: [], reusedReasons: [] },
  };
  const labels = { locale: "en", t: (k: string) => k, vocab: (k: string) => `vocab:${k}` };

  it("builds one table per download, labelled in the catalogue", () => {
    const tables = buildStatsTables(figures, labels);
    expect(tables.map((t) => t.id)).toEqual([
      "grounds",
      "grounds-by-year",
      "grounds-by-city",
      "grounds-by-authority",
      "grounds-by-form",
      "grounds-by-group",
      "outcomes",
      "appeals",
      "appeal-stages",
      "timing",
      "pretext",
      "alternatives",
      "reused-reasons",
    ]);
    const byForm = tables.find((t) => t.id === "grounds-by-form")!;
    // Only the grounds that occur in this breakdown get columns.
    expect(byForm.rows).toEqual([{ label: "vocab:form.march", refusals: 4, works: 1, works_share: 25 }]);
  });

  it("builds a page's tables once per figures object, language and breakdown", () => {
    const first = statsTablesFor(figures, labels, ["form"]);
    expect(first.map((t) => t.id)).toEqual(["grounds", "grounds-by-form", "outcomes", "appeals", "appeal-stages", "timing", "pretext", "alternatives", "reused-reasons"]);
    expect(statsTablesFor(figures, labels, ["form"])).toBe(first);
    // Another language or breakdown is labelled for itself.
    const ru = statsTablesFor(figures, { ...labels, locale: "ru", vocab: (k: string) => `словарь:${k}` }, ["form"]);
    expect(ru).not.toBe(first);
    expect(ru.find((t) => t.id === "grounds-by-form")!.rows[0].label).toBe("словарь:form.march");
    expect(statsTablesFor(figures, labels, ["year"]).map((t) => t.id)).toContain("grounds-by-year");
    // After a write getStats returns a new figures object: its tables are built from it, not reused.
    const withValues = { ...labels, t: (k: string, v?: Record<string, string | number>) => (v ? `${k} ${JSON.stringify(v)}` : k) };
    const current = { ...figures };
    const before = statsTablesFor(current, withValues, ["form"]);
    const after = { ...current, refusals: { ...current.refusals, total: 5 } };
    const rebuilt = statsTablesFor(after, withValues, ["form"]);
    expect(rebuilt).not.toBe(before);
    expect(before.find((t) => t.id === "grounds")!.description).toBe('table.groundsNote {"total":4}');
    expect(rebuilt.find((t) => t.id === "grounds")!.description).toBe('table.groundsNote {"total":5}');
  });

  it("sends a chart only the cells it draws", () => {
    const byYear = buildStatsTables(figures, labels).find((t) => t.id === "grounds-by-year")!;
    expect(byYear.rows[0]).toHaveProperty("works_share");
    expect(chartRows(byYear)).toEqual([{ label: "2021", works: 1, unclassified: 3 }]);
    expect(chartRows(byYear)).toBe(chartRows(byYear));
  });

  it("writes CSV rows with shares in percent and the total last", () => {
    const appeals = buildStatsTables(figures, labels).find((t) => t.id === "appeals")!;
    const csv = tableToCsvRows(appeals);
    expect(csv.fields[0]).toBe("dimension.year");
    expect(csv.fields[3]).toBe("col.appealedShare, %");
    expect(csv.data.map((r) => r[0])).toEqual(["2021", "allYears"]);
  });
});
