// The figures as labelled tables: what the page shows beside each chart and what each CSV
// download contains, built once so the two never disagree.
import type { StatsFigures } from "@/lib/validation/stats";
import { groundsTableFor, OUTCOME_COLUMNS, STATS_DIMENSIONS, UNCLASSIFIED, type StatsDimension, type StatsTableId } from "@/lib/domain/stats";
import { localized } from "@/lib/i18n/localized";

export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Cell = string | number | null;

export interface StatsColumn {
  key: string;
  label: string;
  kind: "text" | "count" | "share" | "days";
  /** A share column shown inside the cell of this count column on screen (CSV keeps both). */
  shareOf?: string;
}

export interface ChartSpec {
  /** The column whose values name the bars. */
  category: string;
  series: { key: string; label: string }[];
  stacked?: boolean;
  /** Horizontal bars read better for long category names. */
  horizontal?: boolean;
  unit?: "count" | "share" | "days";
}

export interface StatsTable {
  id: StatsTableId;
  title: string;
  description?: string;
  columns: StatsColumn[];
  rows: Record<string, Cell>[];
  total?: Record<string, Cell>;
  chart?: ChartSpec;
}

export interface Labels {
  locale: string;
  t: Translate; // "stats" namespace
  vocab: Translate; // "vocab" namespace
}

function groundLabel(figures: StatsFigures, code: string, l: Labels): string {
  if (code === UNCLASSIFIED) return l.t("unclassified");
  const g = figures.groundList.find((x) => x.code === code);
  return g ? localized(g, "label", l.locale) : code;
}

const yearLabel = (y: string | null, l: Labels) => y ?? l.t("unknownYear");
const pct = (s: number | null): number | null => (s === null ? null : Math.round(s * 1000) / 10);

function refusalKeyLabel(dim: StatsDimension, row: StatsFigures["refusalsBy"]["year"][number], l: Labels): string {
  if (row.key === null) return dim === "year" ? l.t("unknownYear") : l.t("unknown");
  if (dim === "form") return l.vocab(`form.${row.key}`);
  return localized(row, "label", l.locale);
}

function groundsBy(figures: StatsFigures, dim: StatsDimension, l: Labels): StatsTable {
  const rows = figures.refusalsBy[dim];
  const present = figures.refusals.byGround.map((g) => g.ground).filter((code) => rows.some((r) => r.grounds.some((g) => g.ground === code)));
  const columns: StatsColumn[] = [
    { key: "label", label: l.t(`dimension.${dim}`), kind: "text" },
    { key: "refusals", label: l.t("col.refusals"), kind: "count" },
    ...present.flatMap((code): StatsColumn[] => [
      { key: code, label: groundLabel(figures, code, l), kind: "count" },
      { key: `${code}_share`, label: l.t("col.shareOfRow", { ground: groundLabel(figures, code, l) }), kind: "share", shareOf: code },
    ]),
  ];
  return {
    id: groundsTableFor(dim),
    // One whole sentence per breakdown (an ICU select), not a label glued into a sentence.
    title: l.t("table.groundsBy", { dimension: dim }),
    columns,
    rows: rows.map((r) => {
      const cells: Record<string, Cell> = { label: refusalKeyLabel(dim, r, l), refusals: r.refusals };
      for (const code of present) {
        const g = r.grounds.find((x) => x.ground === code);
        cells[code] = g?.count ?? 0;
        cells[`${code}_share`] = pct(g?.share ?? (r.refusals ? 0 : null));
      }
      return cells;
    }),
    chart: { category: "label", series: present.map((code) => ({ key: code, label: groundLabel(figures, code, l) })), stacked: true, horizontal: dim !== "year" },
  };
}

/** Every table, in page order; `breakdowns` limits the grounds-by-dimension tables built. */
export function buildStatsTables(figures: StatsFigures, l: Labels, breakdowns: readonly StatsDimension[] = STATS_DIMENSIONS): StatsTable[] {
  const { t, vocab } = l;
  const grounds: StatsTable = {
    id: "grounds",
    title: t("table.grounds"),
    description: t("table.groundsNote", { total: figures.refusals.total }),
    columns: [
      { key: "label", label: t("col.ground"), kind: "text" },
      { key: "count", label: t("col.refusals"), kind: "count" },
      { key: "share", label: t("col.shareOfRefusals"), kind: "share", shareOf: "count" },
    ],
    rows: figures.refusals.byGround.map((g) => ({ label: groundLabel(figures, g.ground, l), count: g.count, share: pct(g.share) })),
    chart: { category: "label", series: [{ key: "count", label: t("col.refusals") }], horizontal: true },
  };

  const outcomes: StatsTable = {
    id: "outcomes",
    title: t("table.outcomes"),
    description: t("table.outcomesNote"),
    columns: [
      { key: "year", label: t("dimension.year"), kind: "text" },
      ...OUTCOME_COLUMNS.map((o): StatsColumn => ({ key: o, label: vocab(`partOutcome.${o}`), kind: "count" })),
      { key: "total", label: t("col.total"), kind: "count" },
    ],
    rows: figures.outcomes.map((r) => ({ ...r, year: yearLabel(r.year, l) })),
    chart: { category: "year", series: OUTCOME_COLUMNS.map((o) => ({ key: o, label: vocab(`partOutcome.${o}`) })), stacked: true },
  };

  const appealCells = (r: StatsFigures["appeals"]["total"], label: string): Record<string, Cell> => ({
    year: label,
    refused: r.refused,
    appealed: r.appealed,
    appealedShare: pct(r.appealedShare),
    overturned: r.overturned,
    overturnedShare: pct(r.overturnedShare),
    partly: r.partly,
  });
  const appeals: StatsTable = {
    id: "appeals",
    title: t("table.appeals"),
    description: t("table.appealsNote"),
    columns: [
      { key: "year", label: t("dimension.year"), kind: "text" },
      { key: "refused", label: t("col.refusedRequests"), kind: "count" },
      { key: "appealed", label: t("col.appealed"), kind: "count" },
      { key: "appealedShare", label: t("col.appealedShare"), kind: "share", shareOf: "appealed" },
      { key: "overturned", label: t("col.overturned"), kind: "count" },
      { key: "overturnedShare", label: t("col.overturnedShare"), kind: "share", shareOf: "overturned" },
      { key: "partly", label: t("col.partly"), kind: "count" },
    ],
    rows: figures.appeals.byYear.map((r) => appealCells(r, yearLabel(r.year, l))),
    total: appealCells(figures.appeals.total, t("allYears")),
    chart: {
      category: "year",
      series: [
        { key: "refused", label: t("col.refusedRequests") },
        { key: "appealed", label: t("col.appealed") },
        { key: "overturned", label: t("col.overturned") },
      ],
    },
  };

  const stages: StatsTable = {
    id: "appeal-stages",
    title: t("table.appealStages"),
    columns: [
      { key: "stage", label: t("col.lastStage"), kind: "text" },
      { key: "outcome", label: t("col.ruling"), kind: "text" },
      { key: "count", label: t("col.requests"), kind: "count" },
    ],
    rows: figures.appeals.endedAt.map((e) => ({ stage: vocab(`appealKind.${e.stage}`), outcome: vocab(`rulingOutcome.${e.outcome}`), count: e.count })),
  };

  const timingCells = (r: StatsFigures["timing"]["total"], label: string): Record<string, Cell> => ({
    year: label,
    answered: r.answered,
    medianDays: r.medianDays,
    withDeadline: r.withDeadline,
    late: r.late,
    lateShare: pct(r.lateShare),
    withEventDate: r.withEventDate,
    afterEvent: r.afterEvent,
    afterEventShare: pct(r.afterEventShare),
  });
  const timing: StatsTable = {
    id: "timing",
    title: t("table.timing"),
    description: t("table.timingNote"),
    columns: [
      { key: "year", label: t("dimension.year"), kind: "text" },
      { key: "answered", label: t("col.answered"), kind: "count" },
      { key: "medianDays", label: t("col.medianDays"), kind: "days" },
      { key: "withDeadline", label: t("col.withDeadline"), kind: "count" },
      { key: "late", label: t("col.late"), kind: "count" },
      { key: "lateShare", label: t("col.lateShare"), kind: "share", shareOf: "late" },
      { key: "withEventDate", label: t("col.withEventDate"), kind: "count" },
      { key: "afterEvent", label: t("col.afterEvent"), kind: "count" },
      { key: "afterEventShare", label: t("col.afterEventShare"), kind: "share", shareOf: "afterEvent" },
    ],
    rows: figures.timing.byYear.map((r) => timingCells(r, yearLabel(r.year, l))),
    total: timingCells(figures.timing.total, t("allYears")),
    chart: { category: "year", series: [{ key: "medianDays", label: t("col.medianDays") }], unit: "days" },
  };

  const pretextCells = (r: StatsFigures["pretext"]["total"], label: string): Record<string, Cell> => ({
    year: label,
    refusals: r.refusals,
    contested: r.contested,
    contestedShare: pct(r.contestedShare),
    placeOrWorks: r.placeOrWorks,
    noAlternative: r.noAlternative,
    noAlternativeShare: pct(r.noAlternativeShare),
  });
  const pretext: StatsTable = {
    id: "pretext",
    title: t("table.pretext"),
    description: t("table.pretextNote"),
    columns: [
      { key: "year", label: t("dimension.year"), kind: "text" },
      { key: "refusals", label: t("col.refusals"), kind: "count" },
      { key: "contested", label: t("col.contested"), kind: "count" },
      { key: "contestedShare", label: t("col.contestedShare"), kind: "share", shareOf: "contested" },
      { key: "placeOrWorks", label: t("col.placeOrWorks"), kind: "count" },
      { key: "noAlternative", label: t("col.noAlternative"), kind: "count" },
      { key: "noAlternativeShare", label: t("col.noAlternativeShare"), kind: "share", shareOf: "noAlternative" },
    ],
    rows: figures.pretext.byYear.map((r) => pretextCells(r, yearLabel(r.year, l))),
    total: pretextCells(figures.pretext.total, t("allYears")),
    chart: {
      category: "year",
      series: [
        { key: "contestedShare", label: t("col.contestedShare") },
        { key: "noAlternativeShare", label: t("col.noAlternativeShare") },
      ],
      unit: "share",
    },
  };

  const alternatives: StatsTable = {
    id: "alternatives",
    title: t("table.alternatives"),
    columns: [
      { key: "ground", label: t("col.ground"), kind: "text" },
      { key: "refusals", label: t("col.refusals"), kind: "count" },
      { key: "noAlternative", label: t("col.noAlternative"), kind: "count" },
      { key: "noAlternativeShare", label: t("col.noAlternativeShare"), kind: "share", shareOf: "noAlternative" },
    ],
    rows: figures.pretext.byGround.map((g) => ({ ground: groundLabel(figures, g.ground, l), refusals: g.refusals, noAlternative: g.noAlternative, noAlternativeShare: pct(g.noAlternativeShare) })),
  };

  const reused: StatsTable = {
    id: "reused-reasons",
    title: t("table.reusedReasons"),
    description: t("table.reusedReasonsNote"),
    columns: [
      { key: "text", label: t("col.statedReason"), kind: "text" },
      { key: "years", label: t("col.years"), kind: "text" },
      { key: "answers", label: t("col.answers"), kind: "count" },
    ],
    rows: figures.pretext.reusedReasons.map((r) => ({ text: r.text, years: r.years.join(", "), answers: r.answers })),
  };

  return [grounds, ...breakdowns.map((d) => groundsBy(figures, d, l)), outcomes, appeals, stages, timing, pretext, alternatives, reused];
}

/** A table as CSV rows: labelled header, then the rows, then the total; shares in percent. */
export function tableToCsvRows(table: StatsTable): { fields: string[]; data: Cell[][] } {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return { fields: table.columns.map((c) => (c.kind === "share" ? `${c.label}, %` : c.label)), data: rows.map((r) => table.columns.map((c) => r[c.key] ?? null)) };
}

const built = new WeakMap<StatsFigures, Map<string, StatsTable[]>>();

/**
 * buildStatsTables, kept beside the figures object it was built from. getStats hands every
 * request the same cached figures object until something is written (then a new object, and
 * these go with the old one), so the page labels and shapes the tables once per language and
 * breakdown instead of on every request. Callers must not mutate the tables.
 */
export function statsTablesFor(figures: StatsFigures, l: Labels, breakdowns: readonly StatsDimension[]): StatsTable[] {
  const key = `${l.locale}|${breakdowns.join(",")}`;
  let byKey = built.get(figures);
  if (!byKey) built.set(figures, (byKey = new Map()));
  let tables = byKey.get(key);
  if (!tables) {
    tables = buildStatsTables(figures, l, breakdowns);
    byKey.set(key, tables);
  }
  return tables;
}

const plotted = new WeakMap<StatsTable, Record<string, Cell>[]>();

/** The cells a table's chart draws (its category and series), once per table: what the browser is sent for it. */
export function chartRows(table: StatsTable): Record<string, Cell>[] {
  let rows = plotted.get(table);
  if (!rows) {
    const keys = table.chart ? [table.chart.category, ...table.chart.series.map((s) => s.key)] : [];
    rows = table.rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null])));
    plotted.set(table, rows);
  }
  return rows;
}
