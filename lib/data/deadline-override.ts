import "server-only";
// A case's deadline set by hand (the authority's answer came late; a court extended a term),
// over the date the rules compute, with the reason; and the clock a case is under now.
import { db, type Tx } from "../db";
import { groupIds, requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { caseClockInput, effectiveDeadline, nextDeadline, storedOverride, type EffectiveDeadline } from "../domain/deadlines";
import { FieldError } from "../validation/applications";
import { logChange } from "./audit";
import { recomputeCase } from "./case-state";
import { loadClock } from "./rules";

const clockSelect = {
  id: true,
  groupId: true,
  procedure: true,
  filedOn: true,
  filedOnPrecision: true,
  deadlineOverrideOn: true,
  deadlineOverrideRule: true,
  deadlineOverrideReason: true,
  deadlineOverrideByName: true,
  deadlineOverrideAt: true,
  answers: {
    orderBy: [{ receivedOn: "asc" as const }, { createdAt: "asc" as const }],
    select: { receivedOn: true, receivedOnPrecision: true, partOutcomes: { select: { outcome: true } } },
  },
  appealStages: {
    orderBy: [{ filedOn: "asc" as const }, { createdAt: "asc" as const }],
    select: { kind: true, filedOn: true, ruling: { select: { decidedOn: true, decidedOnPrecision: true, outcome: true } } },
  },
  events: { where: { kind: "withdrawn" }, select: { id: true } },
};

/** The deadline a case of the caller's groups is held to now (the override applied), or null. */
export async function currentDeadline(tx: Tx, applicationId: string, groups: string[]): Promise<{ app: { id: string; groupId: string }; computed: ReturnType<typeof nextDeadline>; deadline: EffectiveDeadline | null }> {
  const app = await tx.application.findFirst({ where: { id: applicationId, groupId: { in: groups } }, select: clockSelect });
  if (!app) throw new NotFoundError();
  const clock = await loadClock(tx);
  const computed = nextDeadline(caseClockInput(app, app.answers[app.answers.length - 1], app.events.length > 0), clock.rules, clock.calendar);
  return { app, computed, deadline: effectiveDeadline(computed, storedOverride(app)) };
}

export interface DeadlineOverrideInput {
  applicationId: string;
  overrideOn: string;
  reason: string;
}

/** Sets the case's current deadline by hand, with the reason; the computed one stays beside it. */
export async function setDeadlineOverride(actor: Actor, input: DeadlineOverrideInput) {
  return db.$transaction(async (tx) => {
    const { app, computed } = await currentDeadline(tx, input.applicationId, groupIds(actor));
    requireRole(actor, app.groupId, "editor");
    if (!computed) throw new FieldError("overrideOn", "no_deadline_to_override");
    const before = await tx.application.findUniqueOrThrow({ where: { id: app.id }, select: overrideFields });
    const after = await tx.application.update({
      where: { id: app.id },
      data: {
        deadlineOverrideOn: input.overrideOn,
        deadlineOverrideRule: computed.ruleCode,
        deadlineOverrideReason: input.reason,
        deadlineOverrideById: actor.userId,
        deadlineOverrideByName: actor.name,
        deadlineOverrideAt: new Date(),
      },
      select: overrideFields,
    });
    await logChange(tx, actor, { entity: "Application", entityId: app.id, caseId: app.id, groupId: app.groupId, action: "update", before: { ...before, deadlineComputedOn: computed.dueOn }, after: { ...after, deadlineComputedOn: computed.dueOn }, keep: ["deadlineComputedOn"] });
    await recomputeCase(tx, app.id);
    return { computedOn: computed.dueOn };
  });
}

/** Back to the date the rules compute. */
export async function clearDeadlineOverride(actor: Actor, input: { applicationId: string }) {
  return db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { id: input.applicationId, groupId: { in: groupIds(actor) } }, select: { id: true, groupId: true, ...overrideFields } });
    if (!app) throw new NotFoundError();
    requireRole(actor, app.groupId, "editor");
    if (!app.deadlineOverrideOn) return;
    const { id, groupId, ...before } = app;
    const cleared = { deadlineOverrideOn: null, deadlineOverrideRule: null, deadlineOverrideReason: "", deadlineOverrideById: null, deadlineOverrideByName: "", deadlineOverrideAt: null };
    await tx.application.update({ where: { id }, data: cleared });
    await logChange(tx, actor, { entity: "Application", entityId: id, caseId: id, groupId, action: "update", before: pick(before), after: pick(cleared) });
    await recomputeCase(tx, id);
  });
}

const overrideFields = { deadlineOverrideOn: true, deadlineOverrideRule: true, deadlineOverrideReason: true } as const;
function pick(r: { deadlineOverrideOn: string | null; deadlineOverrideRule: string | null; deadlineOverrideReason: string }) {
  return { deadlineOverrideOn: r.deadlineOverrideOn, deadlineOverrideRule: r.deadlineOverrideRule, deadlineOverrideReason: r.deadlineOverrideReason };
}
