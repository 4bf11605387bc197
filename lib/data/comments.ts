import "server-only";
// Members' comments on a case, its answers and its appeal stages. Members only — the owning
// group and coalition groups with access (lib/auth/access caseRole) — so no reader of a share
// link, a published page, the API or an export ever gets them: nothing but this module reads
// the Comment table, and it asks caseRole first. Each author edits their own comment for
// EDIT_WINDOW_MS after writing it, and may delete it at any time; every change is logged.
import { db, type Tx } from "../db";
import { versionedCache } from "../db-client";
import { canCase, caseGrant, memberCasesWhere, requireCaseRole, type Actor } from "../auth/access";
import { ForbiddenError, NotFoundError } from "../errors";
import { FieldError } from "../validation/applications";
import type { CommentSubject } from "../validation/coalitions";
import { mentionedIn, type Mentionable } from "../domain/mentions";
import { logChange } from "./audit";
import { enqueueMentions } from "./comment-jobs";

/** How long after writing it an author may still change a comment. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60_000;

export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + COMMENT_EDIT_WINDOW_MS);
}

/**
 * What the change log keeps of a comment: who wrote it, on what, when — not its words, so a
 * deleted comment is gone and the text lives in one place only.
 */
function logged(c: { subjectType: string; subjectId: string; authorGroupName: string }) {
  return { subjectType: c.subjectType, subjectId: c.subjectId, authorGroupName: c.authorGroupName };
}

/** The case's comments for a member, oldest first; nothing for anyone else. */
export async function listComments(actor: Actor | null, app: { id: string; groupId: string }, now = new Date()) {
  if (!actor || !canCase(actor, app, "viewer")) return [];
  // Read once per write for every member who may see them (a case page read them on each view).
  const rows = await commentsCache(db, app.id, () => db.comment.findMany({ where: { applicationId: app.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
  return rows.map((c) => {
    const own = c.authorId === actor.userId;
    return {
      id: c.id,
      subjectType: c.subjectType as CommentSubject,
      subjectId: c.subjectId,
      authorName: c.authorName,
      authorGroupName: c.authorGroupName,
      body: c.body,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      canEdit: own && editableUntil(c.createdAt) > now,
      canDelete: own,
    };
  });
}
export type CommentView = Awaited<ReturnType<typeof listComments>>[number];
const commentsCache = versionedCache<Awaited<ReturnType<typeof db.comment.findMany>>>(500);

/** The case, for someone who may comment on it: a member of its group or of a coalition group with access. */
async function commentableCase(tx: Tx, actor: Actor, applicationId: string) {
  const app = await tx.application.findFirst({ where: { id: applicationId, ...memberCasesWhere(actor) }, select: { id: true, groupId: true, group: { select: { name: true } } } });
  if (!app) throw new NotFoundError();
  requireCaseRole(actor, app, "viewer");
  return app;
}

/** The record a comment is on must be this case's. */
async function checkSubject(tx: Tx, applicationId: string, type: CommentSubject, id: string) {
  const found =
    type === "application"
      ? id === applicationId
      : type === "answer"
        ? (await tx.answer.count({ where: { id, applicationId } })) > 0
        : (await tx.appealStage.count({ where: { id, applicationId } })) > 0;
  if (!found) throw new FieldError("subjectId", "invalid_choice");
}

/** Everyone who may read the case: the owning group's members and those of coalition groups with accepted access. */
export async function caseReaders(tx: Tx, app: { id: string; groupId: string }): Promise<Mentionable[]> {
  const coalition = await tx.applicationGroup.findMany({
    where: { applicationId: app.id, status: "accepted", access: { in: ["read", "edit"] }, accessAcceptedAt: { not: null } },
    select: { groupId: true },
  });
  const users = await tx.user.findMany({
    where: { lockedAt: null, memberships: { some: { groupId: { in: [app.groupId, ...coalition.map((c) => c.groupId)] } } } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  return users.map((u) => ({ userId: u.id, name: u.name, email: u.email }));
}

async function mention(tx: Tx, actor: Actor, app: { id: string; groupId: string }, commentId: string, body: string) {
  const readers = await caseReaders(tx, app);
  const named = mentionedIn(body, readers).filter((id) => id !== actor.userId);
  await enqueueMentions(tx, { commentId, applicationId: app.id, groupId: app.groupId, authorName: actor.name, userIds: named });
}

export async function addComment(actor: Actor, input: { applicationId: string; subjectType: CommentSubject; subjectId: string; body: string }): Promise<string> {
  return db.$transaction(async (tx) => {
    const app = await commentableCase(tx, actor, input.applicationId);
    await checkSubject(tx, app.id, input.subjectType, input.subjectId);
    // The group the author speaks for: their membership of the owning group, else the coalition group.
    const own = actor.memberships.find((m) => m.groupId === app.groupId);
    const via = own ? null : caseGrant(actor, app);
    const comment = await tx.comment.create({
      data: {
        applicationId: app.id,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        authorId: actor.userId,
        authorName: actor.name,
        authorGroupId: own ? app.groupId : via!.viaGroupId,
        authorGroupName: own ? app.group.name : via!.viaGroupName,
        body: input.body,
      },
    });
    await logChange(tx, actor, { entity: "Comment", entityId: comment.id, caseId: app.id, groupId: app.groupId, action: "create", after: logged(comment) });
    await mention(tx, actor, app, comment.id, comment.body);
    return comment.id;
  });
}

/** The author's own comment, on a case they may still read. */
async function ownComment(tx: Tx, actor: Actor, id: string) {
  const comment = await tx.comment.findFirst({ where: { id, application: memberCasesWhere(actor) }, include: { application: { select: { id: true, groupId: true } } } });
  if (!comment || !canCase(actor, comment.application, "viewer")) throw new NotFoundError();
  if (comment.authorId !== actor.userId) throw new ForbiddenError();
  return comment;
}

export async function editComment(actor: Actor, input: { id: string; body: string }, now = new Date()): Promise<string> {
  return db.$transaction(async (tx) => {
    const before = await ownComment(tx, actor, input.id);
    if (editableUntil(before.createdAt) <= now) throw new FieldError("_form", "comment_edit_closed");
    if (before.body === input.body) return before.applicationId;
    const { application, ...plain } = before;
    const after = await tx.comment.update({ where: { id: before.id }, data: { body: input.body, editedAt: now } });
    await logChange(tx, actor, { entity: "Comment", entityId: before.id, caseId: application.id, groupId: application.groupId, action: "update", before: { ...logged(plain), editedAt: plain.editedAt }, after: { ...logged(after), editedAt: after.editedAt } });
    // Someone newly named hears of it; the job's key keeps those named before from hearing twice.
    await mention(tx, actor, application, before.id, after.body);
    return before.applicationId;
  });
}

export async function deleteComment(actor: Actor, id: string): Promise<string> {
  return db.$transaction(async (tx) => {
    const before = await ownComment(tx, actor, id);
    const { application, ...plain } = before;
    await tx.comment.delete({ where: { id: before.id } });
    await logChange(tx, actor, { entity: "Comment", entityId: before.id, caseId: application.id, groupId: application.groupId, action: "delete", before: logged(plain) });
    return before.applicationId;
  });
}
