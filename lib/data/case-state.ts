import "server-only";
import type { Tx } from "../db";
import { deriveCase } from "../domain/status";
import { answerDue, appealClockOpen, caseClockInput, effectiveDeadline, nextDeadline, storedOverride } from "../domain/deadlines";
import { todayIn } from "../domain/dates";
import type { Procedure } from "../domain/vocabulary";
import { loadClock, type Clock } from "./rules";

/**
 * Re-derives an application's status, overall outcome, part outcomes and answer due date
 * from its records. Call inside the transaction of any change to the case's children.
 */
export async function recomputeCase(tx: Tx, applicationId: string, todayOn?: string, clockIn?: Clock): Promise<void> {
  const app = await tx.application.findUnique({
    where: { id: applicationId },
    select: {
      groupId: true,
      deadlineOverrideOn: true,
      deadlineOverrideRule: true,
      procedure: true,
      filedOn: true,
      filedOnPrecision: true,
      parts: { select: { id: true, outcome: true } },
      answers: { orderBy: [{ receivedOn: "asc" }, { createdAt: "asc" }], select: { receivedOn: true, receivedOnPrecision: true, partOutcomes: { select: { partId: true, outcome: true } } } },
      appealStages: {
        orderBy: [{ filedOn: "asc" }, { createdAt: "asc" }],
        select: { kind: true, filedOn: true, ruling: { select: { outcome: true, decidedOn: true, decidedOnPrecision: true } } },
      },
      events: { select: { kind: true } },
    },
  });
  if (!app) return;
  // "Today" in the group's time zone: a deadline ends at midnight where the group is.
  // (Callers recomputing many cases pass it, so the group is not read once per case.)
  const today = todayOn ?? todayIn((await tx.group.findUnique({ where: { id: app.groupId }, select: { timeZone: true } }))?.timeZone);
  // (An import of many cases loads the clock once and passes it.)
  const clock = clockIn ?? (await loadClock(tx));
  const override = storedOverride(app);
  const computedDue = app.filedOn && app.filedOnPrecision === "day" ? answerDue(app.procedure as Procedure, app.filedOn, clock.rules, clock.calendar) : null;
  // A member's date set by hand over the answer's clock holds while that clock runs.
  const due = computedDue && override && override.ruleCode === computedDue.ruleCode ? { ...computedDue, dueOn: override.on } : computedDue;
  const withdrawn = app.events.some((e) => e.kind === "withdrawn");
  const next = effectiveDeadline(nextDeadline(caseClockInput(app, app.answers[app.answers.length - 1], withdrawn), clock.rules, clock.calendar), override);
  const derived = deriveCase({
    filedOn: app.filedOn,
    parts: app.parts,
    answers: app.answers,
    stages: app.appealStages,
    events: app.events,
    answerOverdue: Boolean(due && due.dueOn < today),
    appealClockOpen: appealClockOpen(next, today),
  });
  await tx.application.update({ where: { id: applicationId }, data: { status: derived.status, outcome: derived.outcome, answerDueOn: due?.dueOn ?? null } });
  for (const p of app.parts) {
    const outcome = derived.partOutcomes[p.id];
    if (outcome && outcome !== p.outcome) await tx.part.update({ where: { id: p.id }, data: { outcome } });
  }
}
