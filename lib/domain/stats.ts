// Pure helpers for the refusal statistics: what counts as a refusal, shares, weighted
// medians, and the dimensions and tables the figures are broken down into.
import { numberFormat } from "../i18n/formatters";
import { APPEAL_KINDS, PART_OUTCOMES, type AppealKind } from "./vocabulary";

/**
 * A refusal is a decision that did not let a requested assembly go ahead as asked: a plain
 * refusal, or only "hold it somewhere else / at another time" (the same rule as
 * refusedSomething in status.ts, which opens the appeal clock for both).
 */
export const REFUSAL_OUTCOMES = ["refused", "alternative_proposed"] as const;

/** Outcome columns of the outcomes-over-time table: the part outcomes plus still pending. */
export const OUTCOME_COLUMNS = [...PART_OUTCOMES, "pending"] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

/** The refusals recorded without any ground. */
export const UNCLASSIFIED = "unclassified";

/** Grounds whose refusal requires an alternative (Constitutional Court resolution No. 61-NP). */
export const PLACE_OR_WORKS = ["place_taken", "works"] as const;

/**
 * Whether a statistics page showing `figures` holds counts only, so that after a write the page
 * cache may answer with its last copy while the next one renders (lib/page-cache, `figuresOnly`).
 * Quoted refusal reasons are words from the records, not counts: a copy showing them must not
 * outlive a write, which may have made their case private (latestStats leaves them out until the
 * figures are exact again).
 */
export function countsOnly(figures: { pretext: { reusedReasons: readonly unknown[] } }): boolean {
  return figures.pretext.reusedReasons.length === 0;
}

export const STATS_DIMENSIONS = ["year", "city", "authority", "form", "group"] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/** Every table the statistics page shows; each has a CSV download under /stats/csv/<id>. */
export const STATS_TABLES = [
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
] as const;
export type StatsTableId = (typeof STATS_TABLES)[number];

export function groundsTableFor(dim: StatsDimension): StatsTableId {
  return `grounds-by-${dim}` as StatsTableId;
}

/** A share in [0, 1], rounded to 4 places; null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** "42.9%" style, one decimal; "—" for no share. */
export function percent(s: number | null, locale = "en"): string {
  if (s === null) return "—";
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(s * 100)}%`;
}

/**
 * The median of values that occur with whole-number weights (a batch record counts as many
 * requests). With an even total weight, the mean of the two middle values.
 */
export function weightedMedian(values: readonly { value: number; weight: number }[]): number | null {
  const sorted = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, v) => s + v.weight, 0);
  if (total === 0) return null;
  const at = (k: number): number => {
    // k-th value, 1-based, in the expanded list
    let seen = 0;
    for (const v of sorted) {
      seen += v.weight;
      if (seen >= k) return v.value;
    }
    return sorted[sorted.length - 1].value;
  };
  if (total % 2 === 1) return at((total + 1) / 2);
  return (at(total / 2) + at(total / 2 + 1)) / 2;
}

/** Later stages rank higher; "where the appeal ended" is the highest-ranked stage. */
export function appealRank(kind: string): number {
  return APPEAL_KINDS.indexOf(kind as AppealKind) + 1;
}

/** The same reason reworded only by spacing or case is the same reason. */
export function normaliseReason(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLocaleLowerCase("ru");
}

/** Sorts dimension keys: years descending would hide the trend, so ascending; unknown last. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return 1;
  if (b === "") return -1;
  return a.localeCompare(b);
}
