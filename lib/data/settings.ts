import "server-only";
import { todayIn } from "../domain/dates";
import { db, type Tx } from "../db";
import { can, canEditSharedReference, requireRole, type Actor } from "../auth/access";
import { env } from "../env";
import { ForbiddenError, NotFoundError } from "../errors";
import { isWorkingDay, EMPTY_CALENDAR } from "../domain/working-days";
import type { Role } from "../domain/vocabulary";
import type { AddHolidayInput, DeadlineRuleInput } from "../validation/settings";
import { refusal } from "./appeals";
import { logChange } from "./audit";
import { recomputeCase } from "./case-state";
import { endSessions } from "./users";

// ───────────────────────────── members

/** The group's members and, for its admins, the invitations not yet accepted. */
export async function getMembersPage(actor: Actor, groupId: string, now = new Date()) {
  requireRole(actor, groupId, "viewer");
  const isAdmin = can(actor, groupId, "admin");
  const [group, members, invitations] = await Promise.all([
    db.group.findUniqueOrThrow({ where: { id: groupId }, select: { id: true, name: true } }),
    db.membership.findMany({
      where: { groupId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    isAdmin
      ? db.invitation.findMany({
          where: { groupId, acceptedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: "desc" },
          select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
        })
      : Promise.resolve([]),
  ]);
  return { group, members, invitations, isAdmin };
}

/** A group must keep an admin, or nobody could manage its members again. */
async function assertAnotherAdmin(tx: Tx, groupId: string, membershipId: string) {
  const others = await tx.membership.count({ where: { groupId, role: "admin", id: { not: membershipId } } });
  if (others === 0) throw refusal("last_admin");
}

export async function changeMemberRole(actor: Actor, input: { groupId: string; membershipId: string; role: Role }) {
  requireRole(actor, input.groupId, "admin");
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: { id: input.membershipId, groupId: input.groupId } });
    if (!before) throw new NotFoundError();
    if (before.role === input.role) return before;
    if (before.role === "admin") await assertAnotherAdmin(tx, input.groupId, before.id);
    await tx.membership.updateMany({ where: { id: before.id, groupId: input.groupId }, data: { role: input.role } });
    const after = { ...before, role: input.role };
    await logChange(tx, actor, { entity: "Membership", entityId: before.id, groupId: input.groupId, action: "update", before, after });
    return after;
  });
}

export async function removeMember(actor: Actor, input: { groupId: string; membershipId: string }) {
  requireRole(actor, input.groupId, "admin");
  return db.$transaction(async (tx) => {
    const before = await tx.membership.findFirst({ where: { id: input.membershipId, groupId: input.groupId } });
    if (!before) throw new NotFoundError();
    if (before.role === "admin") await assertAnotherAdmin(tx, input.groupId, before.id);
    await tx.membership.deleteMany({ where: { id: before.id, groupId: input.groupId } });
    // Removed by someone else: their sessions end too, so a device left signed in (a seized
    // phone) loses the account, not only this group. Leaving a group oneself does not sign out.
    if (before.userId !== actor.userId) await endSessions(before.userId, tx);
    await logChange(tx, actor, { entity: "Membership", entityId: before.id, groupId: input.groupId, action: "delete", before });
    return { removedSelf: before.userId === actor.userId };
  });
}

// ───────────────────────────── rules as data (global tables)

/**
 * Deadline rules, the holiday calendar and the legal standards are shared by every group:
 * only the server's operators change them (canEditSharedReference); every change is in the
 * change log with who made it, which every group reads (listReferenceChanges).
 */
export function requireOperator(actor: Actor): void {
  if (!isOperator(actor)) throw new ForbiddenError();
}

export function isOperator(actor: Actor | null): boolean {
  return canEditSharedReference(actor, env.operatorEmails);
}

/** What a change to the shared reference data was, as each recomputed case's history names it. */
export interface ReferenceChange {
  entity: "DeadlineRule" | "Holiday";
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  keep?: readonly string[];
}

/**
 * The stored answer due dates of cases still waiting for an answer were computed from the
 * old rules or calendar: derive them again, in the same transaction as the change. Cases
 * already answered keep theirs — the date they were under is history, and there may be
 * many thousands of them. A case whose due date moved gets an entry in its own history
 * naming the change, so its group learns why.
 */
async function recomputeWaitingCases(tx: Tx, actor: Actor, change: ReferenceChange) {
  const apps = await tx.application.findMany({ where: { status: "awaiting_answer", filedOn: { not: null } }, select: { id: true, groupId: true, answerDueOn: true } });
  // Each group's "today" once, not once per case.
  const zones = new Map((await tx.group.findMany({ where: { id: { in: [...new Set(apps.map((a) => a.groupId))] } }, select: { id: true, timeZone: true } })).map((g) => [g.id, todayIn(g.timeZone)]));
  for (const a of apps) {
    await recomputeCase(tx, a.id, zones.get(a.groupId));
    const after = await tx.application.findUnique({ where: { id: a.id }, select: { answerDueOn: true } });
    if (!after || after.answerDueOn === a.answerDueOn) continue;
    await logChange(tx, actor, {
      entity: change.entity,
      entityId: change.entityId,
      caseId: a.id,
      groupId: a.groupId,
      // The case's deadline was updated, whatever happened to the rule or the calendar.
      action: "update",
      before: { ...change.before, answerDueOn: a.answerDueOn },
      after: { ...change.after, answerDueOn: after.answerDueOn },
      keep: change.keep,
    });
  }
}

/** The entities whose change log every group reads. */
export const SHARED_REFERENCE_ENTITIES = ["DeadlineRule", "Holiday", "LegalStandard"] as const;

/**
 * The change log of the shared reference data, newest first: the rows logged without a group
 * (the per-case copies carry their case's group and stay in that case's history).
 */
export function listReferenceChanges(entities: readonly (typeof SHARED_REFERENCE_ENTITIES)[number][] = SHARED_REFERENCE_ENTITIES, take = 50) {
  return db.changeLog.findMany({
    where: { groupId: null, caseId: null, entity: { in: [...entities] } },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, userName: true, entity: true, entityId: true, action: true, before: true, after: true },
  });
}
export type ReferenceChangeRow = Awaited<ReturnType<typeof listReferenceChanges>>[number];

const LONG_TX = { timeout: 120_000 };

export function listDeadlineRules() {
  return db.deadlineRule.findMany({ orderBy: { code: "asc" } });
}

export async function updateDeadlineRule(actor: Actor, input: DeadlineRuleInput) {
  requireOperator(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.deadlineRule.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError();
    const after = await tx.deadlineRule.update({
      where: { id: before.id },
      data: { amount: input.amount, unit: input.unit, direction: input.direction, legalBasis: input.legalBasis, legalBasisRu: input.legalBasisRu, legalBasisKk: input.legalBasisKk, labelEn: input.labelEn, labelRu: input.labelRu, labelKk: input.labelKk, active: input.active },
    });
    await logChange(tx, actor, { entity: "DeadlineRule", entityId: before.id, action: "update", before, after });
    const period = (r: typeof before) => ({ rule: r.code, amount: r.amount, unit: r.unit, direction: r.direction, active: r.active });
    await recomputeWaitingCases(tx, actor, { entity: "DeadlineRule", entityId: before.id, before: period(before), after: period(after), keep: ["rule"] });
    return after;
  }, LONG_TX);
}

export async function holidayYears(country = "KZ"): Promise<number[]> {
  const rows = await db.holiday.findMany({ where: { country }, select: { date: true } });
  return [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort((a, b) => a - b);
}

export function listHolidays(year: number, country = "KZ") {
  return db.holiday.findMany({ where: { country, date: { startsWith: `${year}-` } }, orderBy: { date: "asc" } });
}

export async function addHoliday(actor: Actor, input: AddHolidayInput, country = "KZ") {
  requireOperator(actor);
  // A working day moved onto a weekend only means something on a Saturday or Sunday.
  if (input.kind === "working_day" && isWorkingDay(input.date, EMPTY_CALENDAR)) throw refusal("not_weekend");
  return db.$transaction(async (tx) => {
    if (await tx.holiday.findUnique({ where: { country_date: { country, date: input.date } } })) throw refusal("holiday_exists");
    const row = await tx.holiday.create({ data: { country, date: input.date, kind: input.kind, name: input.name, nameRu: input.nameRu, nameKk: input.nameKk } });
    await logChange(tx, actor, { entity: "Holiday", entityId: row.id, action: "create", after: row });
    await recomputeWaitingCases(tx, actor, { entity: "Holiday", entityId: row.id, before: { holiday: null }, after: { holiday: `${row.date} ${row.name}` } });
    return row;
  }, LONG_TX);
}

export async function removeHoliday(actor: Actor, id: string) {
  requireOperator(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.holiday.findUnique({ where: { id } });
    if (!before) throw new NotFoundError();
    await tx.holiday.delete({ where: { id } });
    await logChange(tx, actor, { entity: "Holiday", entityId: id, action: "delete", before });
    await recomputeWaitingCases(tx, actor, { entity: "Holiday", entityId: id, before: { holiday: `${before.date} ${before.name}` }, after: { holiday: null } });
    return before;
  }, LONG_TX);
}
