// Coalitions (issue #18): a private case shared with a co-organizing group is read by that
// group's members only once its admin accepted, edited only if edit was granted, and gone
// again on revoke or leave; no other group, no pending invitation and no anonymous reader sees
// anything, and nothing else of the owning group becomes visible. Comments: members only, the
// author's edit window, and "@name" reaching the member by email through a real SMTP server.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ParsedMail } from "mailparser";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, renderChecked, run } from "../support/fixtures";
import { createElement as h, Fragment } from "react";
import { LeaveCaseForm, ShareCaseForm } from "@/components/coalitions/ShareCaseForm";
import { AccessInvitationList } from "@/components/coalitions/AccessInvitations";
import { AddCommentForm, CommentActions } from "@/components/comments/CommentForms";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadActor } from "@/lib/data/users";
import { getCase } from "@/lib/data/cases";
import { listApplications } from "@/lib/data/applications";
import { getDashboard } from "@/lib/data/dashboard";
import { getStats } from "@/lib/data/stats";
import { statsFiltersSchema } from "@/lib/validation/stats";
import { loadMemberCaseFile, MEMBER_SCOPE } from "@/lib/data/case-file";
import { createApiToken } from "@/lib/data/api-tokens";
import { caseAccess, listAccessInvitations } from "@/lib/data/coalitions";
import { COMMENT_EDIT_WINDOW_MS, editComment, listComments } from "@/lib/data/comments";
import { MENTION_KIND, registerCommentJobs } from "@/lib/data/comment-jobs";
import { ENTITY_NAMES } from "@/lib/data/export";
import { erasePerson } from "@/lib/data/erasure";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { acceptCaseAccessAction, addCommentAction, deleteCommentAction, editCommentAction, leaveCaseAccessAction, shareCaseAction } from "@/lib/actions/coalitions";
import { addEventAction } from "@/lib/actions/events";
import { createShareLinkAction } from "@/lib/actions/share-links";
import { setApplicationPublicAction, updateApplicationAction } from "@/lib/actions/applications";
import { applicationFormOptions, getApplicationForEdit } from "@/lib/data/applications";
import { workOnce } from "@/lib/jobs";
import { closeMailTransport } from "@/lib/mail";
import { GET as caseGET } from "@/app/api/v1/applications/[id]/route";
import { GET as openShare } from "@/app/s/[token]/route";
import { NotFoundError } from "@/lib/errors";

const NAME = "Aigerim Privatova";
const NOTE = "NOTE-COALITION strategy";
const OTHER_NOTE = "NOTE-OTHER-CASE";
const TARGET = "Murat Concealed";
const APP_URL = "https://tracker.example.org";

let groupO: string, groupC: string, groupS: string;
let adminO: Actor, editorO: Actor, adminC: Actor, editorC: Actor, viewerC: Actor, editorS: Actor;
let caseId: string, otherCaseId: string, answerId: string;
let smtp: TestSmtp;
let inbox: ParsedMail[] = [];

const fresh = async (a: Actor) => (await loadActor(a.userId))!;
const filters = applicationFiltersSchema.parse({});
const listed = async (a: Actor | null) => (await listApplications(a, filters)).items.map((i) => i.id);
const reads = async (a: Actor | null, id = caseId) =>
  getCase(a, id).then(
    () => true,
    (e) => {
      if (e instanceof NotFoundError) return false;
      throw e;
    },
  );
const share = (access: string, groupId = groupC) => run(adminO, shareCaseAction, { applicationId: caseId, groupId, access });

beforeAll(async () => {
  smtp = await startTestSmtp((m) => inbox.push(m));
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Tracker <tracker@example.org>";
  process.env.APP_URL = APP_URL;
  delete process.env.TELEGRAM_BOT_TOKEN;
  registerCommentJobs();

  groupO = (await makeGroup("owners", "Owners")).id;
  groupC = (await makeGroup("coalition", "Coalition group")).id;
  groupS = (await makeGroup("strangers", "Strangers")).id;
  adminO = await makeActor("Owner Admin", [[groupO, "admin"]]);
  editorO = await makeActor("Dana Owner", [[groupO, "editor"]], { email: "dana@owners.test", locale: "ru" });
  adminC = await makeActor("Coalition Admin", [[groupC, "admin"]]);
  editorC = await makeActor("Coalition Editor", [[groupC, "editor"]]);
  viewerC = await makeActor("Coalition Viewer", [[groupC, "viewer"]]);
  editorS = await makeActor("Stranger Editor", [[groupS, "editor"]]);
  // Group C has a published record, so the owner's forms may name it (lib/data/scope).
  await db.application.create({ data: { groupId: groupC, isPublic: true, title: "Coalition's own public picket", procedure: "notification", city: "Almaty" } });

  const app = await db.application.create({
    data: {
      groupId: groupO,
      isPublic: false,
      title: `March filed by ${NAME}`,
      procedure: "approval",
      city: "Almaty",
      filedOn: "2026-02-20",
      notes: NOTE,
      status: "awaiting_answer",
      answerDueOn: "2099-01-01",
      parts: { create: [{ form: "march", route: "Abay Avenue", eventDate: "2026-03-08", position: 0 }] },
    },
  });
  caseId = app.id;
  const person = await db.person.create({ data: { groupId: groupO, fullName: NAME, idNumber: "880202300456" } });
  await db.applicant.create({ data: { applicationId: caseId, personId: person.id } });
  answerId = (await db.answer.create({ data: { applicationId: caseId, receivedOn: "2026-02-27", statedReason: "The square is booked.", outcome: "refused" } })).id;
  // A published incident of the owning group, linked to the case, naming a private person: its
  // people stay the incident's business, not the coalition's.
  const incident = await db.incident.create({ data: { groupId: groupO, isPublic: true, kind: "detention", title: `Detention of ${TARGET}`, occurredOn: "2026-03-08" } });
  const target = await db.person.create({ data: { groupId: groupO, fullName: TARGET } });
  await db.incidentApplication.create({ data: { incidentId: incident.id, applicationId: caseId } });
  await db.incidentPerson.create({ data: { incidentId: incident.id, personId: target.id } });
  otherCaseId = (await db.application.create({ data: { groupId: groupO, isPublic: false, title: "Another private case", procedure: "approval", notes: OTHER_NOTE } })).id;
});

afterAll(async () => {
  closeMailTransport();
  await smtp.close();
});

beforeEach(() => {
  session.actor = null;
  session.locale = "en";
});

describe("sharing a case with a co-organizing group", () => {
  it("shows nothing before the invitation, nor while it waits, to the invited group; the admin sees it to accept, its applicant cut out", async () => {
    expect(await reads(editorC)).toBe(false);
    expect(await listed(editorC)).not.toContain(caseId);

    const r = await share("read");
    expect(r.state).toMatchObject({ ok: true, message: "share_invited" });
    editorC = await fresh(editorC);
    expect(editorC.caseGrants).toEqual([]);
    expect(await reads(editorC)).toBe(false);
    expect(await listed(editorC)).not.toContain(caseId);

    const waiting = await listAccessInvitations(adminC, groupC, "en");
    expect(waiting).toEqual([{ applicationId: caseId, groupId: groupC, access: "read", title: "March filed by [withheld]", owner: "Owners" }]);
    // The owner's members see that it waits.
    expect((await caseAccess(adminO, { id: caseId, groupId: groupO }))?.groups).toEqual([expect.objectContaining({ groupId: groupC, access: "read", state: "pending" })]);
  });

  it("refuses an invitation from anyone but the owner's admin, and to a group the form does not offer", async () => {
    expect((await run(editorO, shareCaseAction, { applicationId: caseId, groupId: groupS, access: "read" })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editorC, shareCaseAction, { applicationId: caseId, groupId: groupC, access: "edit" })).state).toMatchObject({ ok: false, message: "not_found" });
    const r = await share("read", groupS);
    expect(r.state).toMatchObject({ ok: false, errors: { groupId: ["invalid_choice"] } });
    expect(await db.applicationGroup.count({ where: { applicationId: caseId, groupId: groupS } })).toBe(0);
    const bad = await share("everything");
    expect(bad.state).toMatchObject({ ok: false, errors: { access: ["invalid_choice"] } });
  });

  it("lets only the invited group's admin accept", async () => {
    expect((await run(editorC, acceptCaseAccessAction, { applicationId: caseId, groupId: groupC })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(adminO, acceptCaseAccessAction, { applicationId: caseId, groupId: groupC })).state).toMatchObject({ ok: false, message: "not_found" });
    const r = await run(adminC, acceptCaseAccessAction, { applicationId: caseId, groupId: groupC });
    expect(r.state).toMatchObject({ ok: true, message: "access_accepted" });
  });

  it("once accepted, the group's members read the case as the owner's members do: page, list, dashboard, API, case file", async () => {
    editorC = await fresh(editorC);
    viewerC = await fresh(viewerC);
    const data = await getCase(editorC, caseId);
    expect(data.isMember).toBe(true);
    expect(data.isOwnerMember).toBe(false);
    expect(data.viaGroupName).toBe("Coalition group");
    expect(data.canEdit).toBe(false);
    expect(data.notes).toBe(NOTE);
    expect(data.title).toBe(`March filed by ${NAME}`);
    expect(data.applicants.map((a) => a.person.fullName)).toEqual([NAME]);
    expect(data.incidents[0].title).toBe("Detention of [withheld]");
    expect(data.incidents[0].people).toEqual([]);
    expect((await getCase(editorO, caseId)).incidents[0].title).toBe(`Detention of ${TARGET}`);
    expect(await reads(viewerC)).toBe(true);

    expect(await listed(editorC)).toContain(caseId);
    expect((await listApplications(editorC, filters)).items.find((i) => i.id === caseId)?.title).toBe(`March filed by ${NAME}`);
    expect((await getDashboard(editorC)).statusCounts.awaiting_answer).toBe(1);
    const year2026 = async (a: Actor | null) => (await getStats(a, statsFiltersSchema.parse({}))).outcomes.find((r) => r.year === "2026")?.total ?? 0;
    expect(await year2026(editorC)).toBe(1);
    expect(await year2026(editorS)).toBe(0);
    expect(await year2026(null)).toBe(0);

    const token = (await createApiToken(editorC, "coalition script")).token;
    const res = await caseGET(new Request(`http://tracker.test/api/v1/applications/${caseId}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: caseId }) });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(NAME);
    expect(body).toContain(NOTE);

    const file = await loadMemberCaseFile(editorC, caseId, MEMBER_SCOPE, "en");
    expect(JSON.stringify(file)).toContain(NAME);
  });

  it("reaches nothing else of the owning group: not its other cases, not its share links, not publishing", async () => {
    expect(await reads(editorC, otherCaseId)).toBe(false);
    expect(await listed(editorC)).not.toContain(otherCaseId);
    expect(JSON.stringify(await listApplications(editorC, filters))).not.toContain(OTHER_NOTE);
    expect((await run(editorC, createShareLinkAction, { applicationId: caseId, expiresInDays: "7", "sections[]": ["answers"] })).state?.ok).toBe(false);
    expect(await db.shareLink.count({ where: { applicationId: caseId } })).toBe(0);
  });

  it("shows nothing to another group, to its API token, or to an anonymous visitor", async () => {
    for (const who of [editorS, null]) {
      expect(await reads(who)).toBe(false);
      expect(await listed(who)).not.toContain(caseId);
    }
    // The dashboard's deadlines too (its own OR once replaced the visibility condition).
    expect(JSON.stringify(await getDashboard(editorS))).not.toContain(caseId);
    expect(JSON.stringify(await getDashboard(await makeActor("No Group", [])))).not.toContain(caseId);
    const token = (await createApiToken(editorS, "stranger script")).token;
    const res = await caseGET(new Request(`http://tracker.test/api/v1/applications/${caseId}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: caseId }) });
    expect(res.status).toBe(404);
    expect(await caseAccess(editorS, { id: caseId, groupId: groupO })).toBeNull();
  });

  it("with read access refuses every edit; with edit access the group's editors edit and the history names their group", async () => {
    const event = { applicationId: caseId, kind: "other", occurredOn: "2026-03-01", occurredOnPrecision: "day", description: "Meeting with the akimat" };
    expect((await run(editorC, addEventAction, event)).state).toMatchObject({ ok: false, message: "forbidden" });

    const r = await share("edit");
    // Read → edit on an accepted share applies at once.
    expect(r.state).toMatchObject({ ok: true, message: "share_changed" });
    editorC = await fresh(editorC);
    viewerC = await fresh(viewerC);
    expect((await getCase(editorC, caseId)).canEdit).toBe(true);
    expect((await getCase(viewerC, caseId)).canEdit).toBe(false);
    expect((await run(viewerC, addEventAction, event)).state).toMatchObject({ ok: false, message: "forbidden" });

    const saved = await run(editorC, addEventAction, event);
    expect(saved.state?.ok ?? saved.redirect).toBeTruthy();
    const log = await db.changeLog.findFirstOrThrow({ where: { caseId, entity: "Event" } });
    expect(log).toMatchObject({ userName: "Coalition Editor", groupId: groupO, viaGroupId: groupC, viaGroupName: "Coalition group" });
    // The edit form: what the case names stays offered (an authority only the owner's private
    // records use), the save keeps it, and the organizers stay the owner's to change.
    const akimat = await db.authority.create({ data: { name: "Akimat of Coalitionville", kind: "akimat", city: "Coalitionville" } });
    await db.application.update({ where: { id: caseId }, data: { authorityId: akimat.id } });
    const record = await getApplicationForEdit(editorC, caseId);
    expect((await applicationFormOptions(editorC, record)).authorities.map((a) => a.id)).toContain(akimat.id);
    const part = record.parts[0];
    const updated = await run(editorC, updateApplicationAction, {
      id: caseId,
      version: String(record.version),
      organizerIds: [groupO],
      title: record.title,
      authorityId: akimat.id,
      city: "Almaty",
      purpose: "Walk for equal pay",
      filedOn: "2026-02-20",
      filedOnPrecision: "day",
      registrationNumber: "",
      notes: NOTE,
      "parts.0.id": part.id,
      "parts.0.form": "march",
      "parts.0.route": "Abay Avenue",
      "parts.0.eventDate": "2026-03-08",
      "parts.0.eventDatePrecision": "day",
    });
    expect(updated.redirect, JSON.stringify(updated.state)).toBe(`/applications/${caseId}`);
    const after = await db.application.findUniqueOrThrow({ where: { id: caseId }, include: { organizers: true } });
    expect(after).toMatchObject({ purpose: "Walk for equal pay", authorityId: akimat.id });
    expect(after.organizers.map((o) => o.groupId)).toEqual([groupC]);
    // Publishing stays the owning group's.
    expect((await run(editorC, setApplicationPublicAction, { id: caseId, isPublic: "true" })).state?.ok).not.toBe(true);
    expect((await db.application.findUniqueOrThrow({ where: { id: caseId } })).isPublic).toBe(false);
  });

  it("is gone at once when the owner revokes it, and after the invited group leaves", async () => {
    expect((await share("none")).state).toMatchObject({ ok: true, message: "share_revoked" });
    editorC = await fresh(editorC);
    expect(await reads(editorC)).toBe(false);
    expect(await listed(editorC)).not.toContain(caseId);
    expect((await run(editorC, addEventAction, { applicationId: caseId, kind: "other", description: "late" })).state).toMatchObject({ ok: false, message: "not_found" });

    // Shared again, it waits for the admin again.
    expect((await share("read")).state).toMatchObject({ ok: true, message: "share_invited" });
    expect(await reads(await fresh(editorC))).toBe(false);
    await run(adminC, acceptCaseAccessAction, { applicationId: caseId, groupId: groupC });
    expect(await reads(await fresh(editorC))).toBe(true);

    expect((await run(adminC, leaveCaseAccessAction, { applicationId: caseId, groupId: groupC })).state).toMatchObject({ ok: true, message: "access_left" });
    expect(await reads(await fresh(editorC))).toBe(false);
  });

  it("gives a co-organizer named before coalitions existed nothing (access none)", async () => {
    const app = await db.application.create({ data: { groupId: groupO, isPublic: false, title: "Old co-organized case", procedure: "approval", organizers: { create: [{ groupId: groupC, status: "accepted" }] } } });
    const c = await fresh(editorC);
    expect(await reads(c, app.id)).toBe(false);
  });
});

describe("comments", () => {
  beforeAll(async () => {
    await share("read");
    await run(adminC, acceptCaseAccessAction, { applicationId: caseId, groupId: groupC });
    editorC = await fresh(editorC);
  });

  it("members of both groups write; '@name' emails the member named, with a link and no personal data", async () => {
    inbox = [];
    const r = await run(editorC, addCommentAction, { applicationId: caseId, subject: `answer:${answerId}`, body: `@Dana Owner, ${NAME} agreed to testify.` });
    expect(r.state).toMatchObject({ ok: true, message: "comment_added" });
    expect(await db.job.count({ where: { kind: MENTION_KIND } })).toBe(1);
    await workOnce({ db });
    expect(inbox).toHaveLength(1);
    const m = inbox[0];
    expect((Array.isArray(m.to) ? m.to : [m.to!]).flatMap((a) => a.value.map((v) => v.address))).toEqual(["dana@owners.test"]);
    expect(m.subject).toBe("Coalition Editor упомянул(а) вас в комментарии");
    expect(m.text).toContain(`${APP_URL}/applications/${caseId}#comments`);
    expect(m.text).not.toContain(NAME);
    expect(m.text).not.toContain("March filed");

    const list = await listComments(editorO, { id: caseId, groupId: groupO });
    expect(list).toEqual([expect.objectContaining({ subjectType: "answer", subjectId: answerId, authorName: "Coalition Editor", authorGroupName: "Coalition group", canEdit: false, canDelete: false })]);
    const log = await db.changeLog.findFirstOrThrow({ where: { caseId, entity: "Comment" } });
    expect(log.viaGroupName).toBe("Coalition group");
  });

  it("are never shown outside the members: another group, anonymous, the case data, a share link, the group's export", async () => {
    expect(await listComments(editorS, { id: caseId, groupId: groupO })).toEqual([]);
    expect(await listComments(null, { id: caseId, groupId: groupO })).toEqual([]);
    expect((await run(editorS, addCommentAction, { applicationId: caseId, subject: `application:${caseId}`, body: "hello" })).state).toMatchObject({ ok: false, message: "not_found" });
    expect(JSON.stringify(await getCase(editorO, caseId))).not.toContain("agreed to testify");
    const link = await run(editorO, createShareLinkAction, { applicationId: caseId, expiresInDays: "7", "sections[]": ["parts", "answers", "appeals", "events"] });
    expect(link.state?.ok, JSON.stringify(link.state)).toBe(true);
    const token = String(link.state!.data!.path).replace("/s/", "");
    const page = await (await openShare(new Request(`http://localhost/s/${token}`), { params: Promise.resolve({ token: token! }) })).text();
    expect(page).toContain("The square is booked.");
    expect(page).not.toContain("agreed to testify");
    // The export lists its tables by name; comments are not one of them.
    expect(ENTITY_NAMES.join(",")).not.toMatch(/comment/i);
  });

  it("are edited by their author within the window, read-only after it, and deleted by their author only", async () => {
    await run(editorO, addCommentAction, { applicationId: caseId, subject: `application:${caseId}`, body: "First thought" });
    const mine = (await listComments(editorO, { id: caseId, groupId: groupO })).find((c) => c.body === "First thought")!;
    expect(mine.canEdit).toBe(true);
    expect((await run(editorC, editCommentAction, { id: mine.id, body: "hijacked" })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editorO, editCommentAction, { id: mine.id, body: "" })).state).toMatchObject({ ok: false, errors: { body: ["required"] } });
    expect((await run(editorO, editCommentAction, { id: mine.id, body: "Second thought" })).state).toMatchObject({ ok: true, message: "comment_saved" });
    const row = await db.comment.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row.body).toBe("Second thought");
    expect(row.editedAt).not.toBeNull();

    const later = new Date(row.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS + 1000);
    await expect(editComment(editorO, { id: mine.id, body: "Too late" }, later)).rejects.toMatchObject({ key: "comment_edit_closed" });
    expect((await listComments(editorO, { id: caseId, groupId: groupO }, later)).find((c) => c.id === mine.id)?.canEdit).toBe(false);

    expect((await run(editorC, deleteCommentAction, { id: mine.id })).state).toMatchObject({ ok: false, message: "forbidden" });
    expect((await run(editorO, deleteCommentAction, { id: mine.id })).state).toMatchObject({ ok: true, message: "comment_deleted" });
    expect(await db.comment.count({ where: { id: mine.id } })).toBe(0);
    expect(await db.changeLog.count({ where: { entity: "Comment", entityId: mine.id } })).toBe(3);
  });

  it("lose an erased person's name like every other text of the case", async () => {
    const person = await db.person.findFirstOrThrow({ where: { groupId: groupO, fullName: NAME } });
    await erasePerson(adminO, person.id);
    const bodies = (await db.comment.findMany({ where: { applicationId: caseId } })).map((c) => c.body);
    expect(bodies.join("\n")).not.toContain(NAME);
    expect(bodies.join("\n")).toContain("[erased] agreed to testify");
  });

  it("are closed to a coalition group once its access is revoked", async () => {
    await share("none");
    const c = await fresh(editorC);
    expect(await listComments(c, { id: caseId, groupId: groupO })).toEqual([]);
    expect((await run(c, addCommentAction, { applicationId: caseId, subject: `application:${caseId}`, body: "still here?" })).state).toMatchObject({ ok: false, message: "not_found" });
  });
});

describe("the forms", () => {
  it("are written in English, Russian and Kazakh, every string in the catalogue", () => {
    const all = h(
      Fragment,
      null,
      h(ShareCaseForm, { applicationId: "a1", groups: [{ id: "g1", name: "Feminita" }], current: { g1: "read" } }),
      h(LeaveCaseForm, { applicationId: "a1", groupId: "g1" }),
      h(AccessInvitationList, { invitations: [{ applicationId: "a1", groupId: "g1", access: "edit", title: "March", owner: "KazFem" }] }),
      h(AddCommentForm, { applicationId: "a1", subjects: [{ value: "application:a1", label: "On the case" }], example: "Dana" }),
      h(CommentActions, { id: "c1", body: "A thought", canEdit: true, until: "18:00" }),
    );
    const en = renderChecked(all, "en");
    expect(en).toContain("Feminita (Read)");
    expect(en).toContain("KazFem shares «March» with your group: reads and edits.");
    expect(en).toContain("You can edit it until 18:00.");
    expect(renderChecked(all, "ru")).toContain("KazFem открывает вашей группе дело «March»: читает и редактирует.");
    expect(renderChecked(all, "kk")).toContain("Пікір қосу");
  });
});
