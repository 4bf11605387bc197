// The authority's answer as a user records it: an outcome per part, the stated reason in
// the authority's words, the grounds it rests on, and what contests it.
import { z } from "zod";
import { EVIDENCE_STANCES, PART_OUTCOMES } from "../domain/vocabulary";
import { checkbox, choice, id, line, optionalDate, precision, text, version } from "./common";
import { dropBlankRows, orEmpty, toList } from "./applications";

const orDefault = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema);

/** "" = the answer says nothing about this part. */
export const partOutcomeSchema = z.object({
  partId: id,
  outcome: orEmpty(choice(["", ...PART_OUTCOMES] as const)),
  limits: orEmpty(text(5_000)),
  alternative: orEmpty(text(5_000)),
});

export const evidenceSchema = z.object({
  id: orEmpty(z.string().trim().max(64)),
  stance: choice(EVIDENCE_STANCES),
  observedOn: orEmpty(optionalDate),
  observedOnPrecision: orDefault(precision),
  observer: orEmpty(line(300)),
  description: orEmpty(text(5_000).min(1, { error: "required" })),
});
export type EvidenceInput = z.output<typeof evidenceSchema>;

const GROUND_CODE = /^[a-z0-9_]{1,64}$/;

const answerFields = {
  receivedOn: orEmpty(optionalDate),
  receivedOnPrecision: orDefault(precision),
  referenceNumber: orEmpty(line(120)),
  statedReason: orEmpty(text()),
  articleCited: orEmpty(line(300)),
  outcomes: z.preprocess((v) => (v === undefined ? [] : v), z.array(partOutcomeSchema).max(20, { error: "too_long" })),
  grounds: z
    .preprocess(toList, z.array(z.string().trim().regex(GROUND_CODE, { error: "unknown_ground" })).max(20, { error: "too_long" }))
    .transform((l) => [...new Set(l)]),
  /** Per ground code: the authority's own words for it, and the article it cited for it. */
  groundWords: z.preprocess((v) => (v && typeof v === "object" ? v : {}), z.record(z.string(), orEmpty(text(5_000)))),
  groundArticle: z.preprocess((v) => (v && typeof v === "object" ? v : {}), z.record(z.string(), orEmpty(line(300)))),
  alternativeOffered: checkbox,
  alternativeDetails: orEmpty(text(5_000)),
  conflictingBookingHolder: orEmpty(line(300)),
  notes: orEmpty(text()),
  evidence: z.preprocess(
    dropBlankRows(["observedOn", "observer", "description"]),
    z.array(evidenceSchema).max(50, { error: "too_long" }),
  ),
};

type AnswerShape = { outcomes: { outcome: string }[]; grounds: string[] };

/** An answer says something about at least one part; a refusal rests on at least one ground. */
function answerRules(a: AnswerShape, ctx: z.RefinementCtx) {
  if (!Array.isArray(a.outcomes) || !a.outcomes.some((o) => o && o.outcome)) {
    ctx.addIssue({ code: "custom", path: ["outcomes"], message: "need_outcome" });
  }
  if (Array.isArray(a.outcomes) && a.outcomes.some((o) => o?.outcome === "refused") && (!Array.isArray(a.grounds) || a.grounds.length === 0)) {
    ctx.addIssue({ code: "custom", path: ["grounds"], message: "need_ground" });
  }
}

export const recordAnswerSchema = z.object({ applicationId: id, ...answerFields }).superRefine(answerRules);
export type RecordAnswerInput = z.output<typeof recordAnswerSchema>;

export const updateAnswerSchema = z.object({ id, version, ...answerFields }).superRefine(answerRules);
export type UpdateAnswerInput = z.output<typeof updateAnswerSchema>;

export type AnswerInput = Omit<RecordAnswerInput, "applicationId">;
