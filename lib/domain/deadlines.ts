// Legal clocks applied from data (DeadlineRule rows). One function applies a rule; one
// function decides which rules a case is under now. Both explain their working.
import { addDays, addMonths } from "./dates";
import { nextWorkingDayOnOrAfter, shiftWorkingDays, workingDaysBetween, type WorkCalendar } from "./working-days";
import { refusedSomething } from "./status";
import type { AppealKind, Procedure } from "./vocabulary";

export interface DeadlineRuleData {
  code: string;
  unit: "working_days" | "calendar_days" | "months" | string;
  amount: number;
  direction: "before" | "after" | string;
  countsFrom: string;
  /** The law the clock rests on, as cited in English; Russian and Kazakh beside it (localized()). */
  legalBasis?: string;
  legalBasisRu?: string;
  legalBasisKk?: string;
  active?: boolean;
}

export interface Deadline {
  ruleCode: string;
  dueOn: string;
  anchor: string;
  anchorKind: string;
  unit: string;
  amount: number;
  direction: string;
  legalBasis: string;
  legalBasisRu: string;
  legalBasisKk: string;
  /** Days passed over while counting working days. */
  skipped: { date: string; why: "weekend" | "holiday" }[];
  /** Set when a calendar deadline fell on a day off and moved to the next working day. */
  movedFrom: string | null;
}

export const RULE_CODES = {
  filing: (p: Procedure) => `${p}_filing`,
  answer: (p: Procedure) => `${p}_answer`,
  complaint: "admin_complaint",
  courtClaim: "court_claim",
  courtClaimDirect: "court_claim_direct",
  appeal: "appeal",
  cassation: "cassation",
  constitutional: "constitutional_petition",
  unHrc: "un_hrc_communication",
} as const;

export function applyRule(rule: DeadlineRuleData, anchor: string, cal: WorkCalendar): Deadline {
  const sign = rule.direction === "before" ? -1 : 1;
  let dueOn: string;
  let skipped: Deadline["skipped"] = [];
  let movedFrom: string | null = null;
  if (rule.unit === "working_days") {
    const step = shiftWorkingDays(anchor, sign * rule.amount, cal);
    dueOn = step.date;
    skipped = step.skipped;
  } else {
    const raw = rule.unit === "months" ? addMonths(anchor, sign * rule.amount) : addDays(anchor, sign * rule.amount);
    // A period ending on a day off ends on the next working day (a "before" limit does not move).
    dueOn = sign > 0 ? nextWorkingDayOnOrAfter(raw, cal) : raw;
    if (dueOn !== raw) movedFrom = raw;
  }
  return {
    ruleCode: rule.code,
    dueOn,
    anchor,
    anchorKind: rule.countsFrom,
    unit: rule.unit,
    amount: rule.amount,
    direction: rule.direction,
    legalBasis: rule.legalBasis ?? "",
    legalBasisRu: rule.legalBasisRu ?? "",
    legalBasisKk: rule.legalBasisKk ?? "",
    skipped,
    movedFrom,
  };
}

export interface FilingCheck {
  latestFilingDate: string;
  workingDaysAhead: number;
  meetsMinimum: boolean;
  deadline: Deadline;
}

/** Does filing on `filedOn` meet the legal minimum before `eventDate`? */
export function checkFiling(
  procedure: Procedure,
  filedOn: string,
  eventDate: string,
  rules: readonly DeadlineRuleData[],
  cal: WorkCalendar,
): FilingCheck | null {
  const rule = findRule(rules, RULE_CODES.filing(procedure));
  if (!rule) return null;
  const deadline = applyRule(rule, eventDate, cal);
  return {
    latestFilingDate: deadline.dueOn,
    workingDaysAhead: workingDaysBetween(filedOn, eventDate, cal),
    meetsMinimum: filedOn <= deadline.dueOn,
    deadline,
  };
}

export function answerDue(
  procedure: Procedure,
  filedOn: string,
  rules: readonly DeadlineRuleData[],
  cal: WorkCalendar,
): Deadline | null {
  const rule = findRule(rules, RULE_CODES.answer(procedure));
  return rule ? applyRule(rule, filedOn, cal) : null;
}

export function findRule(rules: readonly DeadlineRuleData[], code: string): DeadlineRuleData | undefined {
  return rules.find((r) => r.code === code && r.active !== false);
}

export interface CaseClockInput {
  procedure: Procedure;
  filedOn: string | null;
  /** The latest answer's received date and whether it refused anything. */
  answer: { receivedOn: string | null; refusedSomething: boolean } | null;
  /** Appeal stages in filing order. */
  stages: { kind: AppealKind; filedOn: string | null; ruling: { decidedOn: string | null; outcome: string } | null }[];
  closed: boolean;
}

/** A case as stored, in the shape the clock reads (the case page and the dashboard share it). */
export interface StoredCase {
  procedure: string;
  filedOn: string | null;
  filedOnPrecision: string;
  appealStages: readonly { kind: string; filedOn: string | null; ruling: { decidedOn: string | null; decidedOnPrecision: string; outcome: string } | null }[];
}

/**
 * What nextDeadline needs from a stored case: only dates known to the day start a clock; the
 * latest answer decides whether anything was refused; a withdrawn case has no next step.
 */
export function caseClockInput(c: StoredCase, latestAnswer: { receivedOn: string | null; receivedOnPrecision: string; partOutcomes: readonly { outcome: string }[] } | undefined, withdrawn: boolean): CaseClockInput {
  return {
    procedure: c.procedure as Procedure,
    filedOn: c.filedOnPrecision === "day" ? c.filedOn : null,
    answer: latestAnswer ? { receivedOn: latestAnswer.receivedOnPrecision === "day" ? latestAnswer.receivedOn : null, refusedSomething: refusedSomething(latestAnswer.partOutcomes) } : null,
    stages: c.appealStages.map((s) => ({
      kind: s.kind as AppealKind,
      filedOn: s.filedOn,
      ruling: s.ruling ? { decidedOn: s.ruling.decidedOnPrecision === "day" ? s.ruling.decidedOn : null, outcome: s.ruling.outcome } : null,
    })),
    closed: withdrawn,
  };
}

/** Whether the clock a case is under is one for its next appeal step, still running on `today`. */
export function appealClockOpen(deadline: Pick<Deadline, "dueOn"> & { nextStep: string } | null, today: string): boolean {
  return deadline !== null && deadline.nextStep !== "answer" && deadline.dueOn >= today;
}

export interface NextHearing {
  stageId: string;
  stageKind: string;
  heldOn: string;
  time: string;
}

/**
 * The next hearing of a stage still waiting for its ruling: the date a pending appeal is
 * under (hearings known only to the month or year give no date to hold to).
 */
export function nextHearing(
  stages: readonly { id: string; kind: string; ruling: unknown | null; hearings: readonly { heldOn: string | null; heldOnPrecision: string; time?: string }[] }[],
  today: string,
): NextHearing | null {
  let best: NextHearing | null = null;
  for (const s of stages) {
    if (s.ruling) continue;
    for (const h of s.hearings) {
      if (!h.heldOn || h.heldOnPrecision !== "day" || h.heldOn < today) continue;
      if (!best || h.heldOn < best.heldOn) best = { stageId: s.id, stageKind: s.kind, heldOn: h.heldOn, time: h.time ?? "" };
    }
  }
  return best;
}

const NEXT_STAGE: Partial<Record<AppealKind, { code: string; kind: AppealKind }>> = {
  complaint: { code: RULE_CODES.courtClaim, kind: "first_instance" },
  first_instance: { code: RULE_CODES.appeal, kind: "appeal" },
  appeal: { code: RULE_CODES.cassation, kind: "cassation" },
  // After the last domestic ruling: a Constitutional Court petition, then the UN Human Rights Committee.
  cassation: { code: RULE_CODES.constitutional, kind: "constitutional" },
  constitutional: { code: RULE_CODES.unHrc, kind: "un_hrc" },
};

/** The clock a case is under now: the answer due, or the time left to take the next step. */
export function nextDeadline(
  c: CaseClockInput,
  rules: readonly DeadlineRuleData[],
  cal: WorkCalendar,
): (Deadline & { nextStep: AppealKind | "answer" }) | null {
  if (c.closed || !c.filedOn) return null;
  if (!c.answer) {
    const d = answerDue(c.procedure, c.filedOn, rules, cal);
    return d ? { ...d, nextStep: "answer" } : null;
  }
  if (!c.answer.refusedSomething) return null;
  const last = c.stages[c.stages.length - 1];
  if (!last) {
    if (!c.answer.receivedOn) return null;
    const rule = findRule(rules, RULE_CODES.complaint);
    return rule ? { ...applyRule(rule, c.answer.receivedOn, cal), nextStep: "complaint" } : null;
  }
  if (!last.ruling || !last.ruling.decidedOn) return null; // pending: hearings are the clock
  if (last.ruling.outcome === "overturned") return null;
  const next = NEXT_STAGE[last.kind];
  if (!next) return null;
  const rule = findRule(rules, next.code);
  return rule ? { ...applyRule(rule, last.ruling.decidedOn, cal), nextStep: next.kind } : null;
}

export type NextClock = Deadline & { nextStep: AppealKind | "answer" };

/**
 * Clocks that run beside the next one: once cassation has ruled, domestic remedies are
 * exhausted, so the UN Human Rights Committee's period runs from that ruling too, whether or
 * not the group goes to the Constitutional Court first.
 */
export function parallelClocks(c: CaseClockInput, rules: readonly DeadlineRuleData[], cal: WorkCalendar): NextClock[] {
  if (c.closed || !c.filedOn || c.stages.length === 0) return [];
  const last = c.stages[c.stages.length - 1];
  if (last.kind !== "cassation" || !last.ruling?.decidedOn || last.ruling.outcome === "overturned") return [];
  const rule = findRule(rules, RULE_CODES.unHrc);
  return rule ? [{ ...applyRule(rule, last.ruling.decidedOn, cal), nextStep: "un_hrc" }] : [];
}

/** A deadline a member set by hand, over the computed one of the rule it names. */
export interface DeadlineOverride {
  on: string;
  ruleCode: string;
  reason: string;
  byName: string;
  at: Date | string | null;
}

export type EffectiveDeadline = NextClock & {
  /** The date the rules give; differs from dueOn when a member set the deadline by hand. */
  computedOn: string;
  override: DeadlineOverride | null;
};

/** The stored override columns of a case, or null when none is set. */
export function storedOverride(c: { deadlineOverrideOn?: string | null; deadlineOverrideRule?: string | null; deadlineOverrideReason?: string; deadlineOverrideByName?: string; deadlineOverrideAt?: Date | null }): DeadlineOverride | null {
  if (!c.deadlineOverrideOn || !c.deadlineOverrideRule) return null;
  return { on: c.deadlineOverrideOn, ruleCode: c.deadlineOverrideRule, reason: c.deadlineOverrideReason ?? "", byName: c.deadlineOverrideByName ?? "", at: c.deadlineOverrideAt ?? null };
}

/**
 * The deadline a case is held to: the computed one, or the date set by hand while the case is
 * still under the clock it was set for (a later stage's clock is computed afresh).
 */
export function effectiveDeadline(computed: NextClock | null, override: DeadlineOverride | null): EffectiveDeadline | null {
  if (!computed) return null;
  if (override && override.ruleCode === computed.ruleCode) return { ...computed, dueOn: override.on, computedOn: computed.dueOn, override };
  return { ...computed, computedOn: computed.dueOn, override: null };
}
