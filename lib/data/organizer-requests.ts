import "server-only";
// Naming another group as co-organizer of a record is a request: the record shows that group
// as an organizer only once one of its admins accepts (lib/data/scope ACCEPTED_ORGANIZER).
import { db } from "../db";
import { requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { logChange } from "./audit";

interface RequestRef {
  applicationId: string;
  groupId: string;
}

/** The requests waiting for the group's consent, oldest first, for its admins. */
export async function listOrganizerRequests(actor: Actor, groupId: string) {
  requireRole(actor, groupId, "admin");
  return db.applicationGroup.findMany({
    // A request that also shares the case is answered with the share (lib/data/coalitions).
    where: { groupId, status: "pending", access: "none" },
    orderBy: [{ requestedAt: "asc" }, { applicationId: "asc" }],
    // The title and the requesting group are what the admin consents to; nothing else of a
    // record they may not be able to read.
    select: { applicationId: true, groupId: true, requestedAt: true, application: { select: { title: true, group: { select: { name: true } } } } },
  });
}
export type OrganizerRequest = Awaited<ReturnType<typeof listOrganizerRequests>>[number];

/**
 * The admin's answer. The entry goes into the answering group's own log (not the case's
 * history, which is the owning group's), attributed to the admin.
 */
async function answer(actor: Actor, ref: RequestRef, accept: boolean): Promise<void> {
  requireRole(actor, ref.groupId, "admin");
  await db.$transaction(async (tx) => {
    const before = await tx.applicationGroup.findFirst({ where: { applicationId: ref.applicationId, groupId: ref.groupId, status: "pending" } });
    if (!before) throw new NotFoundError();
    const key = { applicationId_groupId: { applicationId: ref.applicationId, groupId: ref.groupId } };
    const entityId = `${ref.applicationId}:${ref.groupId}`;
    if (accept) {
      const after = await tx.applicationGroup.update({ where: key, data: { status: "accepted" } });
      await logChange(tx, actor, { entity: "ApplicationGroup", entityId, groupId: ref.groupId, action: "update", before, after });
    } else {
      await tx.applicationGroup.delete({ where: key });
      await logChange(tx, actor, { entity: "ApplicationGroup", entityId, groupId: ref.groupId, action: "delete", before });
    }
  });
}

export function acceptOrganizerRequest(actor: Actor, ref: RequestRef): Promise<void> {
  return answer(actor, ref, true);
}

/** Declining removes the link: the other group may ask again. */
export function declineOrganizerRequest(actor: Actor, ref: RequestRef): Promise<void> {
  return answer(actor, ref, false);
}
