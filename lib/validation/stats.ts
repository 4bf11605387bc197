// The statistics filters (from the page URL or the API query) and the shape of the figures.
// The same schemas validate input, type the data layer and generate the OpenAPI document,
// so they avoid transforms (which JSON Schema cannot express): empty query values are
// dropped before parsing by cleanParams instead.
import { z } from "zod";
import { APPEAL_KINDS, ASSEMBLY_FORMS } from "../domain/vocabulary";

type ParamInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Query parameters as plain strings, without empty values; the first of repeated keys. */
export function cleanParams(input: ParamInput): Record<string, string> {
  const out: Record<string, string> = {};
  const entries: [string, string | string[] | undefined][] = input instanceof URLSearchParams ? [...input.entries()] : Object.entries(input);
  for (const [k, raw] of entries) {
    const v = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (v && !(k in out)) out[k] = v;
  }
  return out;
}

const year = z
  .string({ error: "invalid" })
  .regex(/^(19|20)\d{2}$/, { error: "invalid" })
  .describe("A four-digit year (the year the request was filed).")
  .optional();

const optionalId = z.string({ error: "invalid" }).min(1).max(64, { error: "invalid" }).optional();

export const STATS_FILTER_KEYS = ["yearFrom", "yearTo", "city", "authority", "group", "form"] as const;

export const statsFiltersSchema = z
  .object({
    yearFrom: year,
    yearTo: year,
    city: z.string({ error: "invalid" }).max(200, { error: "too_long" }).optional().describe("City, exactly as recorded."),
    authority: optionalId.describe("Authority id."),
    group: optionalId.describe("Organizing group id."),
    form: z.enum(ASSEMBLY_FORMS, { error: "invalid_choice" }).optional().describe("Assembly form of the requested part."),
  })
  .refine((f) => !f.yearFrom || !f.yearTo || f.yearFrom <= f.yearTo, { error: "end_before_start", path: ["yearTo"] });

export type StatsFilters = z.output<typeof statsFiltersSchema>;

/** Filters as URL parameters, in a fixed order so equal filters give equal links and cache keys. */
export function filtersToParams(f: StatsFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of STATS_FILTER_KEYS) if (f[k]) out[k] = String(f[k]);
  return out;
}

// ── The figures

const count = z.number().int().min(0);
const shareOf = z.number().min(0).max(1).nullable().describe("A share in [0, 1]; null when the base is zero.");
const yearKey = z.string().nullable().describe("Year the request was filed; null when not known.");

export const groundCountSchema = z.object({
  ground: z.string().describe('RefusalGround code, or "unclassified" for refusals recorded without a ground.'),
  count,
  share: shareOf.describe("Share of the refusals in this row that cite the ground. An answer citing two grounds counts for both, so shares can add up to more than 1."),
});

export const refusalRowSchema = z.object({
  key: z.string().nullable().describe("Year, city, authority id, form or group id; null when not known."),
  label: z.string(),
  labelRu: z.string(),
  labelKk: z.string().optional().describe("Kazakh name (authorities); falls back to labelRu."),
  refusals: count,
  grounds: z.array(groundCountSchema),
});

export const outcomeRowSchema = z.object({
  year: yearKey,
  approved: count,
  approved_with_limits: count,
  alternative_proposed: count,
  refused: count,
  no_answer: count,
  pending: count,
  total: count,
});

export const appealRowSchema = z.object({
  year: yearKey,
  refused: count.describe("Refused requests."),
  appealed: count.describe("Refused requests with at least one complaint or court stage."),
  appealedShare: shareOf,
  overturned: count.describe("Appeals whose last stage overturned the refusal."),
  overturnedShare: shareOf.describe("Share of the appealed requests."),
  partly: count.describe("Appeals whose last stage partly overturned the refusal."),
});

export const appealEndSchema = z.object({
  stage: z.enum(APPEAL_KINDS),
  outcome: z.string().describe("Ruling outcome of the last stage, or pending."),
  count,
});

export const timingRowSchema = z.object({
  year: yearKey,
  answered: count.describe("Requests with a filing date and a dated answer."),
  medianDays: z.number().nullable().describe("Median calendar days from filing to the first answer."),
  withDeadline: count,
  late: count.describe("Answers received after the legal answer deadline."),
  lateShare: shareOf,
  withEventDate: count,
  afterEvent: count.describe("Answers received after the planned event date."),
  afterEventShare: shareOf,
});

export const pretextRowSchema = z.object({
  year: yearKey,
  refusals: count,
  contested: count.describe("Refusals whose stated reason is contested by recorded evidence."),
  contestedShare: shareOf,
  placeOrWorks: count.describe('Refusals citing "place taken" or "works".'),
  noAlternative: count.describe("Of those, refusals with no alternative place or time offered."),
  noAlternativeShare: shareOf,
});

export const groundAlternativeSchema = z.object({ ground: z.string(), refusals: count, noAlternative: count, noAlternativeShare: shareOf });

export const reusedReasonSchema = z.object({
  text: z.string().describe("The stated reason, verbatim (first wording seen)."),
  years: z.array(z.string()),
  answers: count,
});

export const groundRefSchema = z.object({ code: z.string(), labelEn: z.string(), labelRu: z.string(), labelKk: z.string().optional() });

export const statsFiguresSchema = z.object({
  filters: statsFiltersSchema,
  groundList: z.array(groundRefSchema).describe("The refusal grounds in display order."),
  refusals: z.object({ total: count, byGround: z.array(groundCountSchema) }),
  refusalsBy: z.object({
    year: z.array(refusalRowSchema),
    city: z.array(refusalRowSchema),
    authority: z.array(refusalRowSchema),
    form: z.array(refusalRowSchema),
    group: z.array(refusalRowSchema),
  }),
  outcomes: z.array(outcomeRowSchema),
  appeals: z.object({ byYear: z.array(appealRowSchema), total: appealRowSchema, endedAt: z.array(appealEndSchema) }),
  timing: z.object({ byYear: z.array(timingRowSchema), total: timingRowSchema }),
  pretext: z.object({
    byYear: z.array(pretextRowSchema),
    total: pretextRowSchema,
    byGround: z.array(groundAlternativeSchema),
    reusedReasons: z.array(reusedReasonSchema),
  }),
});

export type StatsFigures = z.output<typeof statsFiguresSchema>;
export type RefusalRow = z.output<typeof refusalRowSchema>;
export type AppealRow = z.output<typeof appealRowSchema>;
export type TimingRow = z.output<typeof timingRowSchema>;
export type PretextRow = z.output<typeof pretextRowSchema>;

/**
 * Page filters: the valid ones apply, an invalid one is reported beside its control and
 * ignored, so a mistyped link still shows figures.
 */
export function parseStatsFilters(input: Parameters<typeof cleanParams>[0]): {
  filters: StatsFilters;
  values: Partial<Record<(typeof STATS_FILTER_KEYS)[number], string>>;
  errors?: Record<string, string[]>;
} {
  const clean = cleanParams(input);
  const values = Object.fromEntries(STATS_FILTER_KEYS.filter((k) => clean[k]).map((k) => [k, clean[k]]));
  const parsed = statsFiltersSchema.safeParse(values);
  if (parsed.success) return { filters: parsed.data, values };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    (errors[field] ??= []).push(/^[a-z_]+$/.test(issue.message) ? issue.message : "invalid");
  }
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !errors[k]));
  const retry = statsFiltersSchema.safeParse(kept);
  return { filters: retry.success ? retry.data : {}, values, errors };
}
