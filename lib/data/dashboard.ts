import "server-only";
import { db } from "../db";
import { groupIds, memberCasesWhere, visibleCasesWhere, type Actor } from "../auth/access";
import { addDays } from "../domain/dates";
import { caseClockInput, effectiveDeadline, nextDeadline, storedOverride, type DeadlineRuleData } from "../domain/deadlines";
import { loadClock } from "./rules";
import { myNextSteps } from "./next-steps";
import { casesChangedSinceVisit } from "./case-visits";
import { memberToday } from "./group-time-zone";

/**
 * A missed deadline stays on the dashboard this long; after that the window is history, and
 * years of loaded past cases would otherwise bury what is due this week.
 */
export const OVERDUE_WINDOW_DAYS = 60;

export interface DeadlineItem {
  kind: "answer" | "appeal";
  /** "answer", or the appeal step the deadline is for (complaint, first_instance …). */
  nextStep: string;
  dueOn: string;
  overdue: boolean;
  applicationId: string;
  title: string;
  /** Our translations of a documented-history title (components/i18n/Localized). */
  titleRu?: string;
  titleKk?: string;
  groupName: string;
  ruleCode: string;
  anchor: string;
  /** Set by hand by a member (the computed date differs). */
  byHand: boolean;
  changed: boolean;
}

/** An upper bound, in calendar days, on how long any active rule can run. */
export function longestRuleDays(rules: readonly DeadlineRuleData[]): number {
  let days = 0;
  for (const r of rules) {
    const n = r.unit === "months" ? r.amount * 31 : r.unit === "working_days" ? r.amount * 3 + 30 : r.amount;
    days = Math.max(days, n);
  }
  return days + 31;
}

/** Everything the member's dashboard shows, for all their groups at once. */
export async function getDashboard(actor: Actor, todayOn?: string) {
  // "Today" where the member's group is (its time zone setting), not at the server's UTC.
  const today = todayOn ?? (await memberToday(actor));
  const groups = groupIds(actor);
  const since = addDays(today, -OVERDUE_WINDOW_DAYS);
  const inGroups = { groupId: { in: groups } };
  // The cases the member works on: their groups' and those shared with them by a coalition.
  const cases = memberCasesWhere(actor);

  const clock = await loadClock();
  // Only cases whose clock could still be running: an answer or a ruling recent enough that
  // the longest rule has not run out before the overdue window. Keeps a large group's
  // dashboard from reading its whole history.
  const horizon = addDays(since, -longestRuleDays(clock.rules));
  const [awaiting, ruledOrAnswered, hearings, statusRows, changes] = await Promise.all([
    db.application.findMany({
      where: { AND: [cases], status: "awaiting_answer", answerDueOn: { gte: since } },
      orderBy: { answerDueOn: "asc" },
      take: 100,
      select: { id: true, title: true, titleRu: true, titleKk: true, answerDueOn: true, deadlineOverrideOn: true, group: { select: { name: true } } },
    }),
    db.application.findMany({
      where: {
        AND: [cases],
        // A ruled stage whose next step is still open keeps the case under appeal.
        status: { in: ["answered", "under_appeal", "closed"] },
        OR: [{ answers: { some: { receivedOn: { gte: horizon } } } }, { appealStages: { some: { ruling: { decidedOn: { gte: horizon } } } } }],
      },
      select: {
        id: true,
        title: true, titleRu: true, titleKk: true,
        procedure: true,
        filedOn: true,
        filedOnPrecision: true,
        deadlineOverrideOn: true,
        deadlineOverrideRule: true,
        group: { select: { name: true } },
        answers: {
          orderBy: [{ receivedOn: "desc" }, { createdAt: "desc" }],
          take: 1,
          select: { receivedOn: true, receivedOnPrecision: true, partOutcomes: { select: { outcome: true } } },
        },
        appealStages: {
          orderBy: [{ filedOn: "asc" }, { createdAt: "asc" }],
          select: { kind: true, filedOn: true, ruling: { select: { decidedOn: true, decidedOnPrecision: true, outcome: true } } },
        },
        events: { where: { kind: "withdrawn" }, select: { id: true } },
      },
    }),
    db.hearing.findMany({
      where: { heldOn: { gte: today }, appealStage: { application: cases } },
      orderBy: [{ heldOn: "asc" }, { time: "asc" }],
      take: 20,
      select: {
        id: true,
        heldOn: true,
        heldOnPrecision: true,
        time: true,
        appealStage: { select: { id: true, kind: true, bodyName: true, caseNumber: true, body: { select: { name: true } }, application: { select: { id: true, title: true, titleRu: true, titleKk: true } } } },
      },
    }),
    db.application.groupBy({ by: ["status"], where: cases, _count: { _all: true } }),
    db.changeLog.findMany({
      // Citations come by the hundred with an import; the records they support are what members follow.
      where: { ...inGroups, entity: { not: "Citation" } },
      orderBy: { at: "desc" },
      take: 15,
      select: { id: true, at: true, userName: true, entity: true, entityId: true, caseId: true, action: true },
    }),
  ]);

  const [steps, changed] = await Promise.all([myNextSteps(actor, today), casesChangedSinceVisit(actor)]);
  const deadlines: DeadlineItem[] = awaiting.map((a) => ({
    kind: "answer",
    nextStep: "answer",
    dueOn: a.answerDueOn!,
    overdue: a.answerDueOn! < today,
    applicationId: a.id,
    title: a.title,
    titleRu: a.titleRu,
    titleKk: a.titleKk,
    groupName: a.group.name,
    ruleCode: "",
    anchor: "",
    // recomputeCase stores the date set by hand as answerDueOn while the answer's clock runs.
    byHand: a.deadlineOverrideOn === a.answerDueOn,
    changed: changed.has(a.id),
  }));
  // The same clock the case page shows (lib/domain/deadlines nextDeadline), so the two agree.
  for (const a of ruledOrAnswered) {
    // Answers come newest first; the query keeps only "withdrawn" events.
    const d = effectiveDeadline(nextDeadline(caseClockInput(a, a.answers[0], a.events.length > 0), clock.rules, clock.calendar), storedOverride(a));
    if (!d || d.nextStep === "answer" || d.dueOn < since) continue;
    deadlines.push({
      kind: "appeal",
      nextStep: d.nextStep,
      dueOn: d.dueOn,
      overdue: d.dueOn < today,
      applicationId: a.id,
      title: a.title,
      titleRu: a.titleRu,
      titleKk: a.titleKk,
      groupName: a.group.name,
      ruleCode: d.ruleCode,
      anchor: d.anchor,
      byHand: d.override !== null,
      changed: changed.has(a.id),
    });
  }
  deadlines.sort((x, y) => x.dueOn.localeCompare(y.dueOn) || x.title.localeCompare(y.title));

  const statusCounts = Object.fromEntries(statusRows.map((r) => [r.status, r._count._all])) as Record<string, number>;
  // Each change names its case, by the title the member may read (a deleted case has none).
  const caseIds = [...new Set(changes.map((c) => c.caseId).filter((id): id is string => Boolean(id)))];
  const titles = new Map(
    caseIds.length ? (await db.application.findMany({ where: { id: { in: caseIds }, ...visibleCasesWhere(actor) }, select: { id: true, title: true, titleRu: true, titleKk: true } })).map((a) => [a.id, a.title]) : [],
  );
  const namedChanges = changes.map((c) => ({ ...c, caseTitle: c.caseId ? (titles.get(c.caseId) ?? null) : null }));
  const changedCases = caseIds.length || changed.size ? await changedCaseList(actor, changed) : [];
  return {
    today,
    deadlines,
    hearings,
    statusCounts,
    changes: namedChanges.map((c) => ({ ...c, changedSinceVisit: Boolean(c.caseId && changed.has(c.caseId)) })),
    groups: actor.memberships,
    overdueWindowDays: OVERDUE_WINDOW_DAYS,
    nextSteps: steps,
    changedCases,
  };
}

/** The cases changed by someone else since the member last opened them, newest first. */
async function changedCaseList(actor: Actor, ids: Set<string>) {
  if (ids.size === 0) return [];
  return db.application.findMany({
    where: { id: { in: [...ids] }, groupId: { in: groupIds(actor) } },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, title: true, group: { select: { name: true } } },
  });
}

export type DashboardData = Awaited<ReturnType<typeof getDashboard>>;
