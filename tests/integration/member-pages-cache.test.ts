// Issue #17, members' pages: what a member's list and case page read per view (the cases changed
// since their last visit, whether this visit has anything to clear, the case's next steps) is
// kept until the next write. These tests prove that a write shows at once, that another member
// or group never gets someone else's answer, and that an unchanged case is not written again.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { caseNextSteps } from "@/lib/data/next-steps";
import { recordCaseVisit, casesChangedSinceVisit } from "@/lib/data/case-visits";
import { assignNextStepAction } from "@/lib/actions/next-steps";
import { updateEventAction } from "@/lib/actions/events";
import { listComments } from "@/lib/data/comments";
import { listShareLinks } from "@/lib/data/share-links";
import { caseAccess, coalitionChoices } from "@/lib/data/coalitions";
import { makeActor, makeGroup, run } from "../support/fixtures";

beforeAll(async () => {
  await loadReference(db);
});

let seq = 0;
async function cast(label: string) {
  const group = await makeGroup(`mp-${label}-${++seq}`, `Group ${label}`);
  const editor = await makeActor(`mp-editor-${label}-${seq}`, [[group.id, "editor"]], { locale: "en" });
  const viewer = await makeActor(`mp-viewer-${label}-${seq}`, [[group.id, "viewer"]], { locale: "ru" });
  const otherGroup = await makeGroup(`mp-o-${label}-${seq}`);
  const outsider = await makeActor(`mp-outsider-${label}-${seq}`, [[otherGroup.id, "editor"]]);
  const kase = await db.application.create({ data: { groupId: group.id, title: `Case ${label}`, procedure: "notification", filedOn: "2026-02-02", parts: { create: [{ form: "rally" }] } } });
  const event = await db.event.create({ data: { applicationId: kase.id, kind: "other", occurredOn: "2026-03-05", description: "First" } });
  return { group, editor, viewer, outsider, kase, event };
}

describe("a member's pages between writes", () => {
  it("a case opened again with nothing new is not written again; a change by someone else marks it at once, the next visit clears it", async () => {
    const { group, editor, viewer, outsider, kase, event } = await cast("visit");
    const earlier = new Date(Date.now() - 60_000);
    await recordCaseVisit(viewer, kase.id, group.id, earlier);
    // Opened again, nothing changed since: the first visit stands.
    await recordCaseVisit(viewer, kase.id, group.id);
    await recordCaseVisit(viewer, kase.id, group.id);
    const seen = await db.caseVisit.findUniqueOrThrow({ where: { userId_applicationId: { userId: viewer.userId, applicationId: kase.id } } });
    expect(seen.seenAt.getTime()).toBe(earlier.getTime());
    expect([...(await casesChangedSinceVisit(viewer, [kase.id]))]).toEqual([]);

    // The editor changes the case: the viewer's list marks it on the very next read.
    const saved = await run(editor, updateEventAction, { id: event.id, kind: "other", occurredOn: "2026-03-05", occurredOnPrecision: "day", description: "Second" });
    expect(saved.redirect).toContain(kase.id);
    expect([...(await casesChangedSinceVisit(viewer, [kase.id]))]).toEqual([kase.id]);
    // The editor's own change is not news to the editor; nobody outside the group is told.
    expect([...(await casesChangedSinceVisit(editor, [kase.id]))]).toEqual([]);
    expect([...(await casesChangedSinceVisit(outsider, [kase.id]))]).toEqual([]);

    // The viewer opens the case: the visit is recorded and the mark is gone.
    await recordCaseVisit(viewer, kase.id, group.id);
    const after = await db.caseVisit.findUniqueOrThrow({ where: { userId_applicationId: { userId: viewer.userId, applicationId: kase.id } } });
    expect(after.seenAt.getTime()).toBeGreaterThan(earlier.getTime());
    expect([...(await casesChangedSinceVisit(viewer, [kase.id]))]).toEqual([]);
    // A reader outside the group still leaves no visit behind.
    await recordCaseVisit(outsider, kase.id, group.id);
    expect(await db.caseVisit.count({ where: { userId: outsider.userId } })).toBe(0);
  });

  it("a step assigned shows on the case's panel at once; each member gets their own rights, outsiders nothing", async () => {
    const { editor, viewer, outsider, kase } = await cast("steps");
    const before = await caseNextSteps(viewer, kase.id);
    expect(before?.steps).toEqual([]);
    expect(before?.canAssign).toBe(false);

    await run(editor, assignNextStepAction, { applicationId: kase.id, kind: "other", description: "Call the lawyer", assigneeId: viewer.userId, dueOn: "2099-05-04" });
    expect(await db.nextStep.count({ where: { applicationId: kase.id } })).toBe(1);
    const forViewer = await caseNextSteps(viewer, kase.id);
    expect(forViewer?.steps.map((s) => [s.kind, s.assignee.name])).toEqual([["other", (await db.user.findUniqueOrThrow({ where: { id: viewer.userId } })).name]]);
    expect(forViewer?.userId).toBe(viewer.userId);
    expect(forViewer?.canAssign).toBe(false);
    const forEditor = await caseNextSteps(editor, kase.id);
    expect(forEditor?.userId).toBe(editor.userId);
    expect(forEditor?.canAssign).toBe(true);
    expect(forEditor?.steps).toHaveLength(1);
    expect(await caseNextSteps(outsider, kase.id)).toBeNull();
    expect(await caseNextSteps(null, kase.id)).toBeNull();

    // What one caller gets is theirs: changing it does not change the next caller's.
    forEditor!.steps[0].assignee.name = "changed";
    expect((await caseNextSteps(viewer, kase.id))?.steps[0].assignee.name).not.toBe("changed");
  });

  it("a case's comments, share links and shares: a write shows at once; each caller still gets only what they may see", async () => {
    const { group, editor, viewer, outsider, kase } = await cast("panels");
    const app = { id: kase.id, groupId: group.id };
    expect(await listComments(viewer, app)).toEqual([]);
    expect(await listShareLinks(viewer, kase.id)).toEqual([]);
    expect((await caseAccess(viewer, app))?.groups).toEqual([]);

    await db.comment.create({ data: { applicationId: kase.id, subjectId: kase.id, authorId: editor.userId, authorName: "Editor", authorGroupId: group.id, body: "First note" } });
    await db.shareLink.create({ data: { applicationId: kase.id, groupId: group.id, tokenHash: `mp-${seq}-${Date.now()}`, sections: "summary", createdById: editor.userId, expiresAt: new Date(Date.now() + 86_400_000) } });
    const otherGroup = await makeGroup(`mp-share-${seq}`, "Partner group");
    await db.applicationGroup.create({ data: { applicationId: kase.id, groupId: otherGroup.id, status: "pending", access: "read", requestedById: editor.userId, accessById: editor.userId } });

    // The editor's comment is theirs to change; the viewer reads it.
    expect((await listComments(editor, app)).map((c) => [c.body, c.canDelete])).toEqual([["First note", true]]);
    expect((await listComments(viewer, app)).map((c) => [c.body, c.canDelete])).toEqual([["First note", false]]);
    expect(await listShareLinks(viewer, kase.id)).toHaveLength(1);
    expect((await caseAccess(viewer, app))?.groups.map((g) => g.name)).toEqual(["Partner group"]);

    // Outside the group: nothing, as before the cache.
    expect(await listComments(outsider, app)).toEqual([]);
    expect(await listComments(null, app)).toEqual([]);
    await expect(listShareLinks(outsider, kase.id)).rejects.toThrow();
    expect(await caseAccess(outsider, app)).toBeNull();
  });

  it("the groups an admin may share a case with: only its owning group's admins get them, read again after a write as it is now", async () => {
    const { group, editor, outsider, kase } = await cast("choices");
    const admin = await makeActor(`mp-admin-choices-${seq}`, [[group.id, "admin"]]);
    const partner = await makeGroup(`mp-partner-${seq}`, `Partner ${seq}`);
    const adminOfBoth = await makeActor(`mp-admin-both-${seq}`, [[group.id, "admin"], [partner.id, "viewer"]]);
    expect((await coalitionChoices(adminOfBoth, kase.id)).map((g) => g.name)).toContain(`Partner ${seq}`);
    expect((await coalitionChoices(adminOfBoth, kase.id)).map((g) => g.id)).not.toContain(group.id);
    // Read twice (the second from the cache): an editor of the group, or an admin elsewhere, still gets nothing.
    for (let i = 0; i < 2; i++) {
      await expect(coalitionChoices(editor, kase.id)).rejects.toThrow();
      await expect(coalitionChoices(outsider, kase.id)).rejects.toThrow();
      expect(await coalitionChoices(admin, kase.id)).toEqual(expect.any(Array));
    }
    // The case deleted: the next read says so at once.
    await db.application.delete({ where: { id: kase.id } });
    await expect(coalitionChoices(admin, kase.id)).rejects.toThrow();
  });
});

