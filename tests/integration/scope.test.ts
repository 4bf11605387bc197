// Names that cross groups (issue #11, items 4 and 5): a group or an authority is shown only
// where a record the viewer may read uses it; naming another group as co-organizer waits for
// its admin's consent; linking an incident to another group's case needs read access and
// writes nothing into that case's history.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createElement as h } from "react";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, renderChecked, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { createApplicationAction, updateApplicationAction } from "@/lib/actions/applications";
import { createIncidentAction } from "@/lib/actions/incidents";
import { acceptOrganizerRequestAction, declineOrganizerRequestAction } from "@/lib/actions/organizers";
import { applicationFormOptions, listApplications, listFilterOptions } from "@/lib/data/applications";
import { listAppealBodies } from "@/lib/data/appeals";
import { incidentFilterOptions, getIncidentFormOptions } from "@/lib/data/incidents";
import { getStats, getStatsFilterOptions } from "@/lib/data/stats";
import { getCase } from "@/lib/data/cases";
import { listOrganizerRequests } from "@/lib/data/organizer-requests";
import { exportData } from "@/lib/data/export";
import { caseFor, summaryFor } from "@/lib/api/serialize";
import { buildCaseFile } from "@/lib/data/case-file";
import { SHARE_SECTIONS } from "@/lib/domain/vocabulary";
import { readApplicationFilters } from "@/lib/validation/applications";
import { parseStatsFilters } from "@/lib/validation/stats";
import { OrganizerRequestList } from "@/components/settings/OrganizerRequests";
import { IncidentFilters } from "@/components/incidents/IncidentFilters";

let groupA: string;
let groupB: string;
/** A group with records, none of them public. */
let hidden: string;
let editorA: Actor;
let viewerA: Actor;
let adminA: Actor;
let editorB: Actor;
let adminB: Actor;
let editorAB: Actor;

const SECRET = "BETA-SECRET-AKIMAT";

function application(groupId: string, extra: Entries = {}): Entries {
  return {
    groupId,
    "organizerIds[]": [groupId],
    title: "8 March rally",
    authorityId: "",
    newAuthorityName: "",
    newAuthorityKind: "akimat",
    newAuthorityCity: "",
    city: "Almaty",
    purpose: "",
    filedOn: "2024-02-12",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: "",
    "parts.0.form": "rally",
    "parts.0.place": "Astana Square",
    "parts.0.eventDate": "2024-03-08",
    "parts.0.eventDatePrecision": "day",
    ...extra,
  };
}

async function create(actor: Actor, entries: Entries): Promise<string> {
  const res = await run(actor, createApplicationAction, entries);
  expect(res.redirect, JSON.stringify(res.state)).toMatch(/^\/applications\/\w+$/);
  return res.redirect!.split("/").pop()!;
}

/** A refused, public record of `owner` with these organizer links, for the statistics. */
async function refusedPublicCase(owner: string, organizers: { groupId: string; status: string }[]) {
  const app = await db.application.create({
    data: {
      groupId: owner,
      isPublic: true,
      title: "Refused rally",
      procedure: "notification",
      city: "Almaty",
      filedOn: "2023-02-01",
      status: "answered",
      outcome: "refused",
      organizers: { create: organizers },
      parts: { create: { form: "rally", place: "Square", eventDate: "2023-03-08", outcome: "refused" } },
    },
    include: { parts: true },
  });
  await db.answer.create({ data: { applicationId: app.id, receivedOn: "2023-02-05", outcome: "refused", partOutcomes: { create: { partId: app.parts[0].id, outcome: "refused" } } } });
  return app.id;
}

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("alpha", "Alpha group")).id;
  groupB = (await makeGroup("beta", "Beta group")).id;
  hidden = (await makeGroup("quiet", "Quiet group")).id;
  editorA = await makeActor("editor-a", [[groupA, "editor"]]);
  viewerA = await makeActor("viewer-a", [[groupA, "viewer"]]);
  adminA = await makeActor("admin-a", [[groupA, "admin"]]);
  editorB = await makeActor("editor-b", [[groupB, "editor"]]);
  adminB = await makeActor("admin-b", [[groupB, "admin"]]);
  editorAB = await makeActor("editor-ab", [
    [groupA, "editor"],
    [groupB, "editor"],
  ]);
  const quietEditor = await makeActor("editor-quiet", [[hidden, "editor"]]);
  // Both A and B have published something; the quiet group only private records.
  await db.incident.create({ data: { groupId: groupA, isPublic: true, kind: "fine", title: "A fine", occurredOn: "2023-03-09", city: "Almaty" } });
  await db.incident.create({ data: { groupId: groupB, isPublic: true, kind: "threat", title: "A threat", occurredOn: "2023-03-10", city: "Almaty" } });
  await db.incident.create({ data: { groupId: hidden, isPublic: false, kind: "detention", title: "Quiet detention", occurredOn: "2023-04-01", city: "Almaty" } });
  await create(quietEditor, application(hidden, { title: "Quiet rally" }));
});

beforeEach(() => {
  session.actor = null;
});

describe("group names", () => {
  it("the anonymous incidents filter lists only groups a published record uses", async () => {
    const { groups } = await incidentFilterOptions(null);
    const names = groups.map((g) => g.name);
    expect(names).toContain("Alpha group");
    expect(names).toContain("Beta group");
    expect(names).not.toContain("Quiet group");
    // And the rendered filter does not name it either.
    const html = renderChecked(h(IncidentFilters, { values: {}, ...(await incidentFilterOptions(null)) }), "en");
    expect(html).toContain("Beta group");
    expect(html).not.toContain("Quiet group");
    // Its own members still see it.
    const quiet = await db.user.findFirstOrThrow({ where: { name: "editor-quiet" } });
    const quietActor = { userId: quiet.id, name: quiet.name, email: quiet.email, isOperator: false, memberships: [{ groupId: hidden, role: "editor" as const, groupName: "Quiet group", groupSlug: "quiet" }] };
    expect((await incidentFilterOptions(quietActor)).groups.map((g) => g.name)).toContain("Quiet group");
  });

  it("other groups' forms, filters and statistics do not name a group with only private records", async () => {
    for (const list of [
      (await applicationFormOptions(editorB)).groups,
      (await getIncidentFormOptions(editorB, groupB)).groups,
      (await listFilterOptions(null)).groups,
      (await listFilterOptions(editorB)).groups,
      (await getStatsFilterOptions(null)).groups,
    ]) {
      expect(list.map((g) => g.name)).not.toContain("Quiet group");
    }
    // Nor can it be named as organizer by an id the form never offered.
    const res = await run(editorB, createApplicationAction, application(groupB, { "organizerIds[]": [groupB, hidden] }));
    expect(res.state).toMatchObject({ ok: false, errors: { organizerIds: ["invalid_choice"] } });
  });
});

describe("authorities typed by one group", () => {
  let secretId: string;

  beforeAll(async () => {
    await create(editorB, application(groupB, { title: "Beta's private rally", newAuthorityName: SECRET, newAuthorityCity: "Almaty" }));
    secretId = (await db.authority.findFirstOrThrow({ where: { name: SECRET } })).id;
    // Group A files with an akimat of its own, so its export has one authority to carry.
    await create(editorA, application(groupA, { title: "Alpha's rally", newAuthorityName: "Akimat of Almaty", newAuthorityCity: "Almaty" }));
  });

  it("stay out of another group's form, filter and statistics options", async () => {
    const names = (list: { name: string }[]) => list.map((a) => a.name);
    expect(names((await applicationFormOptions(editorA)).authorities)).not.toContain(SECRET);
    expect(names(await listAppealBodies(editorA))).not.toContain(SECRET);
    expect(names((await listFilterOptions(editorA)).authorities)).not.toContain(SECRET);
    expect(names((await listFilterOptions(null)).authorities)).not.toContain(SECRET);
    expect(names((await getStatsFilterOptions(editorA)).authorities)).not.toContain(SECRET);
    expect(names((await getStatsFilterOptions(null)).authorities)).not.toContain(SECRET);
    // Group B, whose record uses it, has it everywhere.
    expect(names((await applicationFormOptions(editorB)).authorities)).toContain(SECRET);
    expect(names(await listAppealBodies(editorB))).toContain(SECRET);
    expect(names((await listFilterOptions(editorB)).authorities)).toContain(SECRET);
    expect(names((await getStatsFilterOptions(editorB)).authorities)).toContain(SECRET);
  });

  it("cannot be chosen by id from a form that never offered it", async () => {
    const before = await db.application.count();
    const res = await run(editorA, createApplicationAction, application(groupA, { authorityId: secretId }));
    expect(res.state).toMatchObject({ ok: false, errors: { authorityId: ["invalid_choice"] } });
    expect(await db.application.count()).toBe(before);
  });

  it("stay out of another group's export, and are in their own group's", async () => {
    const exportA = await exportData(db, { groupId: groupA });
    expect(exportA.entities.authorities.map((a) => a.name)).toEqual(["Akimat of Almaty"]);
    expect(JSON.stringify(exportA)).not.toContain(SECRET);
    const exportB = await exportData(db, { groupId: groupB });
    expect(exportB.entities.authorities.map((a) => a.name)).toEqual([SECRET]);
  });

  it("are everyone's once a published record uses them", async () => {
    const app = await db.application.findFirstOrThrow({ where: { authorityId: secretId } });
    await db.application.update({ where: { id: app.id }, data: { isPublic: true } });
    try {
      expect((await applicationFormOptions(editorA)).authorities.map((a) => a.name)).toContain(SECRET);
      expect((await listFilterOptions(null)).authorities.map((a) => a.name)).toContain(SECRET);
    } finally {
      await db.application.update({ where: { id: app.id }, data: { isPublic: false } });
    }
  });
});

describe("naming another group as co-organizer", () => {
  let caseId: string;

  beforeAll(async () => {
    caseId = await create(editorB, application(groupB, { title: "Beta names Alpha", "organizerIds[]": [groupB, groupA], isPublic: "on" }));
  });

  it("is a pending request, attributed to who asked, shown as organizer nowhere", async () => {
    const rows = await db.applicationGroup.findMany({ where: { applicationId: caseId }, orderBy: { groupId: "asc" } });
    expect(rows.find((r) => r.groupId === groupB)).toMatchObject({ status: "accepted" });
    expect(rows.find((r) => r.groupId === groupA)).toMatchObject({ status: "pending", requestedById: editorB.userId });
    expect(rows.find((r) => r.groupId === groupA)!.requestedAt).toBeInstanceOf(Date);

    const data = await getCase(null, caseId);
    expect(data.organizers.map((o) => o.group.name)).toEqual(["Beta group"]);
    expect(caseFor(null, data).organizers.map((o) => o.name)).toEqual(["Beta group"]);
    const file = buildCaseFile(data, { sections: [...SHARE_SECTIONS], includePersonal: false, includeNotes: false }, "en", [], new Date("2024-06-01"));
    expect(JSON.stringify(file)).not.toContain("Alpha group");

    const list = await listApplications(null, readApplicationFilters({}));
    const item = list.items.find((i) => i.id === caseId)!;
    expect(item.organizers.map((o) => o.group.name)).toEqual(["Beta group"]);
    expect(summaryFor(item, new URL("http://tracker.test")).organizers.map((o) => o.name)).toEqual(["Beta group"]);
    // Filtering by Alpha as organizer does not find it.
    const byAlpha = await listApplications(null, readApplicationFilters({ group: groupA }));
    expect(byAlpha.items.map((i) => i.id)).not.toContain(caseId);
  });

  it("does not count for the requested group in the statistics until accepted", async () => {
    const statsCase = await refusedPublicCase(groupB, [
      { groupId: groupB, status: "accepted" },
      { groupId: hidden, status: "pending" },
    ]);
    const all = await getStats(null, parseStatsFilters({}).filters);
    const byGroup = all.refusalsBy.group.map((r) => r.label);
    expect(byGroup).toContain("Beta group");
    expect(byGroup).not.toContain("Quiet group");
    const quiet = await getStats(null, parseStatsFilters({ group: hidden }).filters);
    expect(quiet.refusals.total).toBe(0);
    expect((await getStatsFilterOptions(null)).groups.map((g) => g.name)).not.toContain("Quiet group");
    await db.applicationGroup.update({ where: { applicationId_groupId: { applicationId: statsCase, groupId: hidden } }, data: { status: "accepted" } });
    expect((await getStats(null, parseStatsFilters({ group: hidden }).filters)).refusals.total).toBe(1);
    await db.application.delete({ where: { id: statsCase } });
  });

  it("is listed for the requested group's admins, and only for them", async () => {
    const requests = await listOrganizerRequests(adminA, groupA);
    expect(requests.map((r) => ({ id: r.applicationId, title: r.application.title, from: r.application.group.name }))).toContainEqual({ id: caseId, title: "Beta names Alpha", from: "Beta group" });
    await expect(listOrganizerRequests(editorA, groupA)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listOrganizerRequests(adminB, groupA)).rejects.toMatchObject({ code: "not_found" });
    const row = { applicationId: caseId, groupId: groupA, title: "Beta names Alpha", requestingGroup: "Beta group", requestedOn: "1 Dec 2026" };
    for (const locale of ["en", "ru"] as const) {
      const html = renderChecked(h(OrganizerRequestList, { requests: [row] }), locale);
      expect(html).toContain("Beta names Alpha");
      // Plain posts: they work before JavaScript loads.
      expect(html.match(/<form[^>]*>/g)?.length).toBe(2);
      expect(renderChecked(h(OrganizerRequestList, { requests: [] }), locale)).toContain(locale === "en" ? "None." : "Нет.");
    }
  });

  it("is accepted by an admin of the requested group, not by anyone else", async () => {
    const payload = { applicationId: caseId, groupId: groupA };
    for (const [who, expected] of [
      [viewerA, "forbidden"],
      [editorA, "forbidden"],
      [adminB, "not_found"],
      [editorB, "not_found"],
      [null, "unauthenticated"],
    ] as const) {
      const res = await run(who, acceptOrganizerRequestAction, payload);
      expect(res.state).toMatchObject({ ok: false, message: expected });
    }
    expect(await db.applicationGroup.findUniqueOrThrow({ where: { applicationId_groupId: payload } })).toMatchObject({ status: "pending" });
    expect((await getCase(null, caseId)).organizers.map((o) => o.group.name)).toEqual(["Beta group"]);

    const res = await run(adminA, acceptOrganizerRequestAction, payload);
    expect(res.state).toMatchObject({ ok: true, message: "organizer_accepted" });
    expect(await db.applicationGroup.findUniqueOrThrow({ where: { applicationId_groupId: payload } })).toMatchObject({ status: "accepted" });
    expect((await getCase(null, caseId)).organizers.map((o) => o.group.name).sort()).toEqual(["Alpha group", "Beta group"]);
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "ApplicationGroup", entityId: `${caseId}:${groupA}` } });
    expect(log).toMatchObject({ userId: adminA.userId, groupId: groupA, action: "update", caseId: null });
    // Accepting twice finds nothing to accept.
    expect((await run(adminA, acceptOrganizerRequestAction, payload)).state).toMatchObject({ ok: false, message: "not_found" });
    // A later save of the form by the owning group keeps the accepted link as it is.
    const app = await db.application.findUniqueOrThrow({ where: { id: caseId } });
    const saved = await run(editorB, updateApplicationAction, { ...application(groupB, { title: "Beta names Alpha", "organizerIds[]": [groupB, groupA], isPublic: "on" }), id: caseId, version: String(app.version) });
    expect(saved.redirect).toBe(`/applications/${caseId}`);
    expect(await db.applicationGroup.findUniqueOrThrow({ where: { applicationId_groupId: payload } })).toMatchObject({ status: "accepted" });
  });

  it("is declined by an admin of the requested group, which removes it", async () => {
    const other = await create(editorB, application(groupB, { title: "Beta asks again", "organizerIds[]": [groupB, groupA] }));
    const payload = { applicationId: other, groupId: groupA };
    expect((await run(editorA, declineOrganizerRequestAction, payload)).state).toMatchObject({ ok: false, message: "forbidden" });
    expect(await db.applicationGroup.count({ where: payload })).toBe(1);
    const res = await run(adminA, declineOrganizerRequestAction, payload);
    expect(res.state).toMatchObject({ ok: true, message: "organizer_declined" });
    expect(await db.applicationGroup.count({ where: payload })).toBe(0);
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "ApplicationGroup", entityId: `${other}:${groupA}` } });
    expect(log).toMatchObject({ userId: adminA.userId, groupId: groupA, action: "delete" });
  });

  it("stands at once for a group the editor edits for", async () => {
    const id = await create(editorAB, application(groupB, { title: "Joint rally", "organizerIds[]": [groupB, groupA] }));
    const rows = await db.applicationGroup.findMany({ where: { applicationId: id } });
    expect(rows.map((r) => r.status)).toEqual(["accepted", "accepted"]);
  });
});

describe("linking an incident to another group's case", () => {
  function incident(applications: string[]): Entries {
    return { groupId: groupA, kind: "threat", title: "Threat after the rally", occurredOn: "2024-03-10", occurredOnPrecision: "day", "applications[]": applications };
  }

  it("is refused beside the field when the case cannot be read, and writes nothing", async () => {
    const privateOfB = await create(editorB, application(groupB, { title: "Beta's unpublished rally" }));
    const before = await Promise.all([db.incident.count(), db.incidentApplication.count(), db.changeLog.count()]);
    const res = await run(editorA, createIncidentAction, incident([privateOfB]));
    expect(res.state).toMatchObject({ ok: false, message: "form_invalid", errors: { applications: ["application_not_readable"] } });
    expect(await Promise.all([db.incident.count(), db.incidentApplication.count(), db.changeLog.count()])).toEqual(before);
    expect(await db.changeLog.count({ where: { caseId: privateOfB, userId: editorA.userId } })).toBe(0);
  });

  it("links a published case of another group without writing into its history", async () => {
    const publicOfB = await create(editorB, application(groupB, { title: "Beta's published rally", isPublic: "on" }));
    const ownOfA = await create(editorA, application(groupA, { title: "Alpha's own rally" }));
    const historyBefore = await db.changeLog.count({ where: { caseId: publicOfB } });
    const res = await run(editorA, createIncidentAction, incident([publicOfB, ownOfA]));
    expect(res.redirect).toMatch(/^\/incidents\/\w+$/);
    const id = res.redirect!.split("/").pop()!;
    expect((await db.incidentApplication.findMany({ where: { incidentId: id } })).map((l) => l.applicationId).sort()).toEqual([publicOfB, ownOfA].sort());
    expect(await db.changeLog.count({ where: { caseId: publicOfB } })).toBe(historyBefore);
    const links = await db.changeLog.findMany({ where: { entity: "IncidentApplication", entityId: id } });
    expect(links.map((l) => l.caseId).sort()).toEqual([null, ownOfA].sort((a, b) => String(a).localeCompare(String(b))));
    expect(links.every((l) => l.groupId === groupA)).toBe(true);
  });
});
