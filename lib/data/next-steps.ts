import "server-only";
// Who does what next: a step on a case (file the complaint, attend the hearing, collect the
// ruling …) assigned to a member of the owning group, with a due date. Members only: nothing
// here reaches a published page, a share link, the API or another group.
import { db } from "../db";
import { versionedCache } from "../db-client";
import { can, groupIds, requireRole, visibleGroupIds, type Actor } from "../auth/access";
import { NotFoundError, ForbiddenError } from "../errors";
import { todayIn } from "../domain/dates";
import { FieldError } from "../validation/applications";
import type { AssignStepInput, ReassignStepInput } from "../validation/next-steps";
import { logChange } from "./audit";
import { currentDeadline } from "./deadline-override";

const logged = (s: { kind: string; description: string; assigneeId: string; dueOn: string; doneAt?: Date | null }, assigneeName: string) => ({
  kind: s.kind,
  description: s.description,
  assignee: assigneeName,
  dueOn: s.dueOn,
  done: Boolean(s.doneAt),
});

async function memberName(groupId: string, userId: string): Promise<string> {
  const m = await db.membership.findUnique({ where: { userId_groupId: { userId, groupId } }, select: { user: { select: { name: true } } } });
  if (!m) throw new FieldError("assigneeId", "assignee_not_member");
  return m.user.name;
}

/** Assigns the next step; without a date it is due on the case's current deadline. */
export async function assignNextStep(actor: Actor, input: AssignStepInput) {
  return db.$transaction(async (tx) => {
    const { app, deadline } = await currentDeadline(tx, input.applicationId, groupIds(actor));
    requireRole(actor, app.groupId, "editor");
    const dueOn = input.dueOn || deadline?.dueOn || null;
    if (!dueOn) throw new FieldError("dueOn", "required");
    const name = await memberName(app.groupId, input.assigneeId);
    const step = await tx.nextStep.create({
      data: { applicationId: app.id, groupId: app.groupId, kind: input.kind, description: input.description, assigneeId: input.assigneeId, dueOn, createdById: actor.userId },
    });
    await logChange(tx, actor, { entity: "NextStep", entityId: step.id, caseId: app.id, groupId: app.groupId, action: "create", after: logged(step, name) });
    return step;
  });
}

async function ownStep(actor: Actor, id: string) {
  const step = await db.nextStep.findFirst({ where: { id, groupId: { in: groupIds(actor) } }, include: { assignee: { select: { name: true } } } });
  if (!step) throw new NotFoundError();
  return step;
}

/** Another member, or another date. */
export async function reassignNextStep(actor: Actor, input: ReassignStepInput) {
  const before = await ownStep(actor, input.id);
  requireRole(actor, before.groupId, "editor");
  const name = await memberName(before.groupId, input.assigneeId);
  return db.$transaction(async (tx) => {
    const after = await tx.nextStep.update({ where: { id: before.id }, data: { assigneeId: input.assigneeId, dueOn: input.dueOn || before.dueOn } });
    await logChange(tx, actor, { entity: "NextStep", entityId: after.id, caseId: after.applicationId, groupId: after.groupId, action: "update", before: logged(before, before.assignee.name), after: logged(after, name), keep: ["kind"] });
    return after;
  });
}

/** Done: by an editor, or by the member it was assigned to. */
export async function completeNextStep(actor: Actor, input: { id: string }) {
  const before = await ownStep(actor, input.id);
  if (before.assigneeId !== actor.userId && !can(actor, before.groupId, "editor")) throw new ForbiddenError();
  if (before.doneAt) return before;
  return db.$transaction(async (tx) => {
    const after = await tx.nextStep.update({ where: { id: before.id }, data: { doneAt: new Date(), doneById: actor.userId } });
    await logChange(tx, actor, { entity: "NextStep", entityId: after.id, caseId: after.applicationId, groupId: after.groupId, action: "update", before: logged(before, before.assignee.name), after: logged(after, before.assignee.name), keep: ["kind"] });
    return after;
  });
}

/** The case's steps and who may be assigned, for its members; null for anyone else. */
export async function caseNextSteps(actor: Actor | null, applicationId: string) {
  // The case's steps and its group's members are the same for every member: read once per write.
  const groups = visibleGroupIds(actor);
  const found = await stepsCache(db, `${applicationId}|${groups.join(",")}`, () => loadCaseSteps(applicationId, groups));
  if (!found) return null;
  const { app, steps, members } = found;
  if (!can(actor, app.groupId, "viewer")) return null;
  return {
    today: todayIn(app.group.timeZone),
    steps: steps.map((s) => ({ ...s, assignee: { ...s.assignee } })),
    members: members.map((m) => ({ ...m })),
    canAssign: can(actor, app.groupId, "editor"),
    userId: actor!.userId,
  };
}

/** The case (if one of `groups` owns it), its steps and its group's members. */
async function loadCaseSteps(applicationId: string, groups: string[]) {
  const app = await db.application.findFirst({ where: { id: applicationId, groupId: { in: groups } }, select: { id: true, groupId: true, group: { select: { timeZone: true } } } });
  if (!app) return null;
  const [steps, members] = await Promise.all([
    db.nextStep.findMany({ where: { applicationId }, orderBy: [{ doneAt: { sort: "desc", nulls: "first" } }, { dueOn: "asc" }, { createdAt: "asc" }], include: { assignee: { select: { id: true, name: true } } } }),
    db.membership.findMany({ where: { groupId: app.groupId }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  return {
    app,
    steps: steps.map((s) => ({ id: s.id, kind: s.kind, description: s.description, dueOn: s.dueOn, done: Boolean(s.doneAt), doneAt: s.doneAt, assignee: s.assignee })),
    members: members.map((m) => m.user),
  };
}
const stepsCache = versionedCache<Awaited<ReturnType<typeof loadCaseSteps>>>(500);
export type CaseNextSteps = NonNullable<Awaited<ReturnType<typeof caseNextSteps>>>;

/** The member's open steps in every group they are in, soonest first. */
export async function myNextSteps(actor: Actor, today: string) {
  const steps = await db.nextStep.findMany({
    where: { assigneeId: actor.userId, doneAt: null, groupId: { in: groupIds(actor) } },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    take: 50,
    select: { id: true, kind: true, description: true, dueOn: true, application: { select: { id: true, title: true, group: { select: { name: true } } } } },
  });
  return steps.map((s) => ({ ...s, overdue: s.dueOn < today }));
}
