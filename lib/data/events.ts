import "server-only";
import { db, type Tx } from "../db";
import { memberCasesWhere, requireCaseRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import type { AddEventInput, EventInput, UpdateEventInput } from "../validation/events";
import { logChange } from "./audit";
import { recomputeCase } from "./case-state";

function eventData(input: EventInput) {
  return {
    kind: input.kind,
    occurredOn: input.occurredOn,
    occurredOnPrecision: input.occurredOn ? input.occurredOnPrecision : "unknown",
    description: input.description,
    // Only the kinds where officials speak or people turn up keep these; a stale value from a
    // kind changed in the form would otherwise linger unseen.
    statedReason: input.kind === "pressure_withdraw" || input.kind === "meeting_officials" || input.kind === "other" ? input.statedReason : "",
    participants: input.kind === "held" || input.kind === "terminated" || input.kind === "other" ? input.participants : null,
  };
}

async function editableEvent(tx: Tx, actor: Actor, eventId: string) {
  const event = await tx.event.findFirst({
    where: { id: eventId, application: memberCasesWhere(actor) },
    include: { application: { select: { id: true, groupId: true, title: true } } },
  });
  if (!event) throw new NotFoundError();
  requireCaseRole(actor, event.application, "editor");
  return event;
}

/** Records what happened; held and withdrawn events close the case (recomputed here). */
export async function addEvent(actor: Actor, input: AddEventInput) {
  return db.$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { id: input.applicationId, ...memberCasesWhere(actor) }, select: { id: true, groupId: true } });
    if (!app) throw new NotFoundError();
    requireCaseRole(actor, app, "editor");
    const event = await tx.event.create({ data: { applicationId: app.id, ...eventData(input) } });
    await logChange(tx, actor, { entity: "Event", entityId: event.id, caseId: app.id, groupId: app.groupId, action: "create", after: event });
    await recomputeCase(tx, app.id);
    return event;
  });
}

export async function updateEvent(actor: Actor, input: UpdateEventInput) {
  return db.$transaction(async (tx) => {
    const before = await editableEvent(tx, actor, input.id);
    const { application, ...plain } = before;
    const { count } = await tx.event.updateMany({ where: { id: before.id, application: { groupId: application.groupId } }, data: eventData(input) });
    if (count !== 1) throw new NotFoundError();
    const after = await tx.event.findUniqueOrThrow({ where: { id: before.id } });
    await logChange(tx, actor, { entity: "Event", entityId: before.id, caseId: application.id, groupId: application.groupId, action: "update", before: plain, after });
    await recomputeCase(tx, application.id);
    return after;
  });
}

export async function deleteEvent(actor: Actor, eventId: string) {
  return db.$transaction(async (tx) => {
    const event = await editableEvent(tx, actor, eventId);
    const { application, ...plain } = event;
    await tx.event.deleteMany({ where: { id: event.id, application: { groupId: application.groupId } } });
    await logChange(tx, actor, { entity: "Event", entityId: event.id, caseId: application.id, groupId: application.groupId, action: "delete", before: plain });
    await recomputeCase(tx, application.id);
    return { applicationId: application.id };
  });
}

/** The application an event form belongs to, for an editor of its group. */
export async function getEventFormContext(actor: Actor, applicationId: string) {
  const app = await db.application.findFirst({ where: { id: applicationId, ...memberCasesWhere(actor) }, select: { id: true, title: true, groupId: true } });
  if (!app) throw new NotFoundError();
  requireCaseRole(actor, app, "editor");
  return app;
}

export function getEventForEdit(actor: Actor, eventId: string) {
  return editableEvent(db, actor, eventId);
}
