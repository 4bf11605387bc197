import "server-only";
// Coalitions: the owning group's admin shares a case with a co-organizing group (read, or read
// and edit); nothing is shared until one of that group's admins accepts. The share is a
// column of the co-organizer link (ApplicationGroup.access), so a group named as co-organizer
// before this existed gains nothing (access "none"). Who may then read or edit the case is
// decided in lib/auth/access (caseRole, forCase) from the grants loaded with the actor.
import { db } from "../db";
import { versionedCache } from "../db-client";
import { can, canCase, requireRole, visibleGroupIds, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { FieldError } from "../validation/applications";
import type { CaseAccess } from "../validation/coalitions";
import { logChange } from "./audit";
import { visibleGroupsWhere } from "./scope";
import { redactApplicationTitles } from "./visibility";
import type { Locale } from "../i18n/config";

interface Ref {
  applicationId: string;
  groupId: string;
}

const entityId = (r: Ref) => `${r.applicationId}:${r.groupId}`;
const key = (r: Ref) => ({ applicationId_groupId: { applicationId: r.applicationId, groupId: r.groupId } });

/** The case, for an admin of its owning group (a coalition member is never one). */
async function ownedCase(actor: Actor, applicationId: string) {
  return ownerAdminOnly(actor, await db.application.findUnique({ where: { id: applicationId }, select: { id: true, groupId: true } }));
}

/**
 * ownedCase for reads: which group owns a case, read through a cache kept until the next write
 * (the case page asked the database on every view), then the same checks.
 */
async function ownedCaseForRead(actor: Actor, applicationId: string) {
  const app = await ownerCache(db, applicationId, () => db.application.findUnique({ where: { id: applicationId }, select: { id: true, groupId: true } }));
  return { ...ownerAdminOnly(actor, app) };
}

/** Not found unless the caller is a member of the owning group, forbidden unless its admin. */
function ownerAdminOnly<T extends { groupId: string }>(actor: Actor, app: T | null): T {
  if (!app || !actor.memberships.some((m) => m.groupId === app.groupId)) throw new NotFoundError();
  requireRole(actor, app.groupId, "admin");
  return app;
}
const ownerCache = versionedCache<{ id: string; groupId: string } | null>(1000);

/** The groups the owner's admin may share the case with: those the organizer field offers, less the owner. */
export async function coalitionChoices(actor: Actor, applicationId: string) {
  const app = await ownedCaseForRead(actor, applicationId);
  // The same for every admin with the same groups, until the next write (a case page asked on each view).
  const groups = await choicesCache(db, `${visibleGroupIds(actor).join(",")}|${app.groupId}`, () =>
    db.group.findMany({ where: { AND: [visibleGroupsWhere(actor), { id: { not: app.groupId } }] }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  );
  return groups.map((g) => ({ ...g }));
}
const choicesCache = versionedCache<{ id: string; name: string }[]>(500);

/**
 * Shares the case with a group, changes what is shared, or (access "none") revokes it. A new
 * share, or one raised from nothing, waits for the group's admin; read ↔ edit on an accepted
 * share applies at once. A group not yet named as co-organizer is named by the same request.
 */
export async function shareCase(actor: Actor, input: Ref & { access: CaseAccess }): Promise<"invited" | "changed" | "revoked" | "unchanged"> {
  const app = await ownedCase(actor, input.applicationId);
  if (input.groupId === app.groupId) throw new FieldError("groupId", "invalid_choice");
  const ref = { applicationId: app.id, groupId: input.groupId };
  return db.$transaction(async (tx) => {
    const before = await tx.applicationGroup.findUnique({ where: key(ref) });
    if (!before) {
      if (input.access === "none") return "unchanged";
      const offered = await tx.group.count({ where: { AND: [{ id: input.groupId }, visibleGroupsWhere(actor)] } });
      if (!offered) throw new FieldError("groupId", "invalid_choice");
      const after = await tx.applicationGroup.create({
        data: { ...ref, status: "pending", requestedById: actor.userId, access: input.access, accessById: actor.userId },
      });
      await logChange(tx, actor, { entity: "ApplicationGroup", entityId: entityId(ref), caseId: app.id, groupId: app.groupId, action: "create", after });
      return "invited";
    }
    if (before.access === input.access) return "unchanged";
    const raised = before.access === "none";
    const after = await tx.applicationGroup.update({
      where: key(ref),
      data: { access: input.access, accessById: actor.userId, ...(raised || input.access === "none" ? { accessAcceptedAt: null } : {}) },
    });
    await logChange(tx, actor, { entity: "ApplicationGroup", entityId: entityId(ref), caseId: app.id, groupId: app.groupId, action: "update", before, after });
    return input.access === "none" ? "revoked" : raised ? "invited" : "changed";
  });
}

/**
 * Who has access to the case, for anyone who reads it as a member: the owning group, and
 * each group it is shared with (waiting for that group's answer, or accepted). For the owner's
 * admin, also every co-organizer it could share with.
 */
export async function caseAccess(actor: Actor | null, app: { id: string; groupId: string }) {
  if (!canCase(actor, app, "viewer")) return null;
  const rows = await accessCache(db, `${app.id}|${app.groupId}`, () =>
    db.applicationGroup.findMany({
      where: { applicationId: app.id, groupId: { not: app.groupId } },
      select: { groupId: true, status: true, access: true, accessAcceptedAt: true, group: { select: { name: true } } },
      orderBy: { group: { name: "asc" } },
    }),
  );
  const isOwnerAdmin = can(actor, app.groupId, "admin");
  const shared = rows.filter((r) => r.access !== "none");
  return {
    isOwnerAdmin,
    groups: (isOwnerAdmin ? rows : shared).map((r) => ({
      groupId: r.groupId,
      name: r.group.name,
      access: r.access as CaseAccess,
      state: r.access === "none" ? ("none" as const) : r.accessAcceptedAt && r.status === "accepted" ? ("active" as const) : ("pending" as const),
      /** The reader is an admin of this group: they may leave. */
      canLeave: r.access !== "none" && can(actor, r.groupId, "admin"),
    })),
  };
}
export type CaseAccessView = NonNullable<Awaited<ReturnType<typeof caseAccess>>>;
// Who a case is shared with, read once per write; who may see it is decided per caller above.
const accessCache = versionedCache<{ groupId: string; status: string; access: string; accessAcceptedAt: Date | null; group: { name: string } }[]>(500);

/** The shares waiting for the group's admins, oldest first. */
export async function listAccessInvitations(actor: Actor, groupId: string, locale: Locale) {
  requireRole(actor, groupId, "admin");
  const rows = await db.applicationGroup.findMany({
    where: { groupId, access: { in: ["read", "edit"] }, accessAcceptedAt: null },
    orderBy: [{ requestedAt: "asc" }, { applicationId: "asc" }],
    select: { applicationId: true, groupId: true, access: true, application: { select: { id: true, groupId: true, title: true, group: { select: { name: true } } } } },
  });
  // The title is what the admin consents to; a private applicant named in it is cut out.
  const titles = await redactApplicationTitles(actor, rows.map((r) => ({ id: r.application.id, groupId: r.application.groupId, title: r.application.title })), locale);
  return rows.map((r, i) => ({ applicationId: r.applicationId, groupId: r.groupId, access: r.access as CaseAccess, title: titles[i].title, owner: r.application.group.name }));
}
export type AccessInvitation = Awaited<ReturnType<typeof listAccessInvitations>>[number];

/** The invited group's admin accepts: its members read (and, if granted, edit) the case from now on. */
export async function acceptCaseAccess(actor: Actor, ref: Ref): Promise<void> {
  requireRole(actor, ref.groupId, "admin");
  await db.$transaction(async (tx) => {
    const before = await tx.applicationGroup.findFirst({ where: { ...ref, access: { in: ["read", "edit"] }, accessAcceptedAt: null } });
    if (!before) throw new NotFoundError();
    // Accepting the share is also consent to being named as co-organizer.
    const after = await tx.applicationGroup.update({ where: key(ref), data: { status: "accepted", accessAcceptedAt: new Date() } });
    await logChange(tx, actor, { entity: "ApplicationGroup", entityId: entityId(ref), caseId: ref.applicationId, groupId: ref.groupId, action: "update", before, after });
  });
}

/** The invited group's admin declines a share, or leaves one: the group stays co-organizer if it was, without access. */
export async function leaveCaseAccess(actor: Actor, ref: Ref): Promise<void> {
  requireRole(actor, ref.groupId, "admin");
  await db.$transaction(async (tx) => {
    const before = await tx.applicationGroup.findFirst({ where: { ...ref, access: { in: ["read", "edit"] } } });
    if (!before) throw new NotFoundError();
    if (before.status === "pending") {
      // Never a co-organizer: declining the share declines being named too (the owner may ask again).
      await tx.applicationGroup.delete({ where: key(ref) });
      await logChange(tx, actor, { entity: "ApplicationGroup", entityId: entityId(ref), caseId: ref.applicationId, groupId: ref.groupId, action: "delete", before });
      return;
    }
    const after = await tx.applicationGroup.update({ where: key(ref), data: { access: "none", accessAcceptedAt: null } });
    await logChange(tx, actor, { entity: "ApplicationGroup", entityId: entityId(ref), caseId: ref.applicationId, groupId: ref.groupId, action: "update", before, after });
  });
}
