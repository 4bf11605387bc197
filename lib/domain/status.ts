// Status (where a case stands now) and outcome (how it went) are separate, and both are
// derived here from the case's records — the one set of rules the app and the tests use.
import type { ApplicationOutcome, PartOutcome, Status } from "./vocabulary";

export interface StatusInput {
  filedOn: string | null;
  parts: { id: string }[];
  /** Answers oldest first, with their per-part outcomes. */
  answers: { receivedOn: string | null; partOutcomes: { partId: string; outcome: string }[] }[];
  stages: { ruling: { outcome: string } | null }[];
  events: { kind: string }[];
  /** Past the answer deadline with no answer: silence. */
  answerOverdue?: boolean;
  /** The time to take the next appeal step has not run out (see appealClockOpen in deadlines.ts). */
  appealClockOpen?: boolean;
}

export interface Derived {
  status: Status;
  outcome: ApplicationOutcome;
  partOutcomes: Record<string, PartOutcome | "pending">;
}

const FINAL_EVENTS = new Set(["held", "not_held", "terminated", "withdrawn"]);

/** Each part's outcome is what the latest answer that mentions it says. */
export function derivePartOutcomes(input: StatusInput): Record<string, PartOutcome | "pending"> {
  const result: Record<string, PartOutcome | "pending"> = {};
  for (const p of input.parts) result[p.id] = input.answerOverdue && input.answers.length === 0 ? "no_answer" : "pending";
  for (const a of input.answers) for (const po of a.partOutcomes) if (po.partId in result) result[po.partId] = po.outcome as PartOutcome;
  return result;
}

export function combineOutcomes(outcomes: readonly (PartOutcome | "pending")[]): ApplicationOutcome {
  const known = outcomes.filter((o) => o !== "pending");
  if (known.length === 0) return "pending";
  const set = new Set(known);
  if (set.size === 1 && known.length === outcomes.length) return known[0];
  if (set.size === 1) return "mixed";
  // Limits on an approval still approve: approved + approved_with_limits → with limits.
  if (set.size === 2 && set.has("approved") && set.has("approved_with_limits")) return "approved_with_limits";
  return "mixed";
}

export function deriveCase(input: StatusInput): Derived {
  const partOutcomes = derivePartOutcomes(input);
  const withdrawn = input.events.some((e) => e.kind === "withdrawn");
  const outcome = withdrawn ? "withdrawn" : combineOutcomes(Object.values(partOutcomes));
  return { status: deriveStatus(input), outcome, partOutcomes };
}

export function deriveStatus(input: StatusInput): Status {
  if (input.stages.some((s) => s.ruling === null)) return "under_appeal";
  if (input.events.some((e) => e.kind === "withdrawn")) return "closed";
  // A ruling or an answer that can still be appealed does not close the case: the group may
  // yet take the next step, whatever happened on the day.
  if (input.appealClockOpen) return input.stages.length > 0 ? "under_appeal" : "answered";
  if (input.events.some((e) => FINAL_EVENTS.has(e.kind))) return "closed";
  if (input.stages.length > 0) return "closed";
  if (input.answers.length > 0) return "answered";
  if (input.filedOn) return "awaiting_answer";
  return "draft";
}

/** An answer's own outcome: the combination of the part outcomes it states. */
export function answerOutcome(partOutcomes: readonly { outcome: string }[]): ApplicationOutcome {
  return combineOutcomes(partOutcomes.map((p) => p.outcome as PartOutcome));
}

export function refusedSomething(partOutcomes: readonly { outcome: string }[]): boolean {
  return partOutcomes.some((p) => p.outcome === "refused" || p.outcome === "alternative_proposed");
}

// ── Transition checks: what may be recorded given where the case stands.

export type TransitionError = "needs_filing_date" | "needs_answer" | "stage_already_ruled" | "case_withdrawn";

export function canRecordAnswer(input: Pick<StatusInput, "filedOn" | "events">): TransitionError | null {
  if (input.events.some((e) => e.kind === "withdrawn")) return "case_withdrawn";
  return null;
}

export function canFileAppeal(input: Pick<StatusInput, "answers" | "answerOverdue">): TransitionError | null {
  // An appeal needs something to appeal: an answer, or the authority's silence.
  if (input.answers.length === 0 && !input.answerOverdue) return "needs_answer";
  return null;
}

export function canRecordRuling(stage: { ruling: unknown | null }): TransitionError | null {
  return stage.ruling ? "stage_already_ruled" : null;
}
