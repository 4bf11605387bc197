// Reprisals and incidents: fines with amounts, linked people, groups and applications,
// visible only as the owner group decides.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, render, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { createIncidentAction, deleteIncidentAction, updateIncidentAction } from "@/lib/actions/incidents";
import { getIncident, getIncidentFormOptions, listIncidents } from "@/lib/data/incidents";
import { getCase } from "@/lib/data/cases";
import { createElement as h } from "react";
import { CaseIncidents } from "@/components/incidents/CaseIncidents";
import { IncidentDetail } from "@/components/incidents/IncidentDetail";
import { IncidentForm } from "@/components/incidents/IncidentForm";
import { IncidentFilters } from "@/components/incidents/IncidentFilters";

let groupA: string;
let groupB: string;
let groupC: string;
let editorA: Actor;
let viewerA: Actor;
let editorB: Actor;
let activist: string;
let application: string;

function fine(extra: Entries = {}): Entries {
  return {
    groupId: groupA,
    kind: "fine",
    title: "Organizers fined after the 8 March rally",
    occurredOn: "2022-03-15",
    occurredOnPrecision: "day",
    city: "Almaty",
    place: "Administrative court",
    description: "Fined for organizing an 'unauthorized' rally.",
    amount: "66000",
    currency: "kzt",
    perpetrator: "Almaty police",
    "people[]": [activist],
    newPeople: "",
    "groups[]": [groupA, groupC],
    "applications[]": [application],
    ...extra,
  };
}

async function incidentCounts() {
  const [incidents, people, groups, apps, persons] = await Promise.all([
    db.incident.count(),
    db.incidentPerson.count(),
    db.incidentGroup.count(),
    db.incidentApplication.count(),
    db.person.count(),
  ]);
  return { incidents, people, groups, apps, persons };
}

beforeAll(async () => {
  groupA = (await makeGroup("feminita", "Feminita")).id;
  groupB = (await makeGroup("other", "Other group")).id;
  groupC = (await makeGroup("kazfem", "KazFem")).id;
  // A group is named only where a record the viewer may read uses it: KazFem has published one.
  await db.application.create({ data: { groupId: groupC, isPublic: true, title: "KazFem's published rally", procedure: "notification" } });
  editorA = await makeActor("editor-a", [[groupA, "editor"]]);
  viewerA = await makeActor("viewer-a", [[groupA, "viewer"]]);
  editorB = await makeActor("editor-b", [[groupB, "editor"]]);
  activist = (await db.person.create({ data: { groupId: groupA, fullName: "Activist One" } })).id;
  application = (await db.application.create({ data: { groupId: groupA, title: "8 March rally", procedure: "notification", filedOn: "2022-02-21" } })).id;
});

beforeEach(() => {
  session.actor = null;
});

describe("recording an incident", () => {
  it("refuses a fine without an amount beside the field, and writes nothing", async () => {
    const before = await incidentCounts();
    const res = await run(editorA, createIncidentAction, fine({ amount: "", currency: "" }));
    expect(res.state).toMatchObject({ ok: false, message: "form_invalid", errors: { amount: ["required"] } });
    expect(res.state?.data?.values).toMatchObject({ title: "Organizers fined after the 8 March rally" });
    expect(await incidentCounts()).toEqual(before);
  });

  it("stores a fine of 66000 KZT linked to a person, two groups and the application", async () => {
    const res = await run(editorA, createIncidentAction, fine({ newPeople: "Second Organizer\n  \nSecond Organizer" }));
    expect(res.redirect).toMatch(/^\/incidents\/\w+$/);
    const id = res.redirect!.split("/").pop()!;
    const incident = await db.incident.findUniqueOrThrow({ where: { id }, include: { people: { include: { person: true } }, groups: true, applications: true } });
    expect(incident).toMatchObject({ kind: "fine", amount: 66000, currency: "KZT", groupId: groupA, isPublic: false, createdById: editorA.userId });
    expect(incident.groups.map((g) => g.groupId).sort()).toEqual([groupA, groupC].sort());
    expect(incident.applications.map((a) => a.applicationId)).toEqual([application]);
    const names = incident.people.map((p) => p.person.fullName).sort();
    expect(names).toEqual(["Activist One", "Second Organizer"]);
    // A name typed in the form becomes a private person of the incident's group.
    const added = incident.people.find((p) => p.person.fullName === "Second Organizer")!.person;
    expect(added).toMatchObject({ groupId: groupA, isPublic: false });

    const log = await db.changeLog.findMany({ where: { entityId: id } });
    expect(log.map((l) => l.entity).sort()).toEqual(["Incident", "IncidentApplication"]);
    expect(log.find((l) => l.entity === "IncidentApplication")!.caseId).toBe(application);
  });

  it("records a reprisal tied to no application", async () => {
    const res = await run(editorA, createIncidentAction, fine({ kind: "threat", title: "Threat of expulsion from university", amount: "", currency: "", "applications[]": [] }));
    const id = res.redirect!.split("/").pop()!;
    const incident = await db.incident.findUniqueOrThrow({ where: { id }, include: { applications: true } });
    expect(incident).toMatchObject({ kind: "threat", amount: null, currency: "" });
    expect(incident.applications).toEqual([]);
  });

  it("keeps a viewer out, and refuses links the group could not have chosen", async () => {
    const before = await incidentCounts();
    expect((await run(viewerA, createIncidentAction, fine())).state).toMatchObject({ ok: false, message: "forbidden" });
    const foreignPerson = (await db.person.create({ data: { groupId: groupB, fullName: "Someone else's contact" } })).id;
    const foreignApp = (await db.application.create({ data: { groupId: groupB, title: "Private to B", procedure: "notification" } })).id;
    expect((await run(editorA, createIncidentAction, fine({ "people[]": [foreignPerson] }))).state).toMatchObject({ ok: false, message: "not_found" });
    // A case the editor cannot read is refused beside its field (issue #11, item 5).
    expect((await run(editorA, createIncidentAction, fine({ "applications[]": [foreignApp] }))).state).toMatchObject({ ok: false, errors: { applications: ["application_not_readable"] } });
    expect((await run(editorB, createIncidentAction, fine())).state).toMatchObject({ ok: false, message: "not_found" });
    const after = await incidentCounts();
    expect({ ...after, persons: after.persons - 1 }).toEqual(before);
  });
});

describe("editing an incident", () => {
  it("replaces the links and bumps the version; a stale version is a conflict", async () => {
    const res = await run(editorA, createIncidentAction, fine());
    const id = res.redirect!.split("/").pop()!;
    const edited = await run(editorA, updateIncidentAction, { ...fine({ "groups[]": [groupC], "people[]": [], "applications[]": [], amount: "70000" }), id, version: "1" });
    expect(edited.redirect).toBe(`/incidents/${id}`);
    const now = await db.incident.findUniqueOrThrow({ where: { id }, include: { people: true, groups: true, applications: true } });
    expect(now).toMatchObject({ amount: 70000, version: 2 });
    expect(now.groups.map((g) => g.groupId)).toEqual([groupC]);
    expect(now.people).toEqual([]);
    expect(now.applications).toEqual([]);
    const unlinked = await db.changeLog.findFirst({ where: { entity: "IncidentApplication", entityId: id, action: "delete" } });
    expect(unlinked?.caseId).toBe(application);

    const stale = await run(editorA, updateIncidentAction, { ...fine(), id, version: "1" });
    expect(stale.state).toMatchObject({ ok: false, message: "conflict" });
  });

  it("does not let another group touch it (not found), even with the right id and version", async () => {
    const res = await run(editorA, createIncidentAction, fine());
    const id = res.redirect!.split("/").pop()!;
    const upd = await run(editorB, updateIncidentAction, { ...fine({ groupId: groupB, title: "Hijacked", "people[]": [], "applications[]": [] }), id, version: "1" });
    expect(upd.state).toMatchObject({ ok: false, message: "not_found" });
    const del = await run(editorB, deleteIncidentAction, { id });
    expect(del.state).toMatchObject({ ok: false, message: "not_found" });
    expect(await db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Organizers fined after the 8 March rally", version: 1 });
  });

  it("deletes an incident with its links", async () => {
    const res = await run(editorA, createIncidentAction, fine());
    const id = res.redirect!.split("/").pop()!;
    expect((await run(editorA, deleteIncidentAction, { id })).redirect).toBe("/incidents");
    expect(await db.incident.count({ where: { id } })).toBe(0);
    expect(await db.incidentGroup.count({ where: { incidentId: id } })).toBe(0);
  });
});

describe("reading incidents", () => {
  it("shows a private incident only to its group; a public one to everyone, without private names", async () => {
    const res = await run(editorA, createIncidentAction, fine({ title: "Detention after the picket", kind: "detention", amount: "", currency: "", city: "Shymkent", occurredOn: "2021-06-01" }));
    const id = res.redirect!.split("/").pop()!;
    expect((await listIncidents(editorA, { kind: "detention", city: "Shymkent", year: "2021" })).rows.map((r) => r.id)).toEqual([id]);
    expect((await listIncidents(editorA, { q: "picket" })).rows.map((r) => r.id)).toContain(id);
    expect((await listIncidents(editorA, { group: groupC, year: "2021" })).rows.map((r) => r.id)).toEqual([id]);
    expect((await listIncidents(editorB, { kind: "detention" })).rows).toEqual([]);
    expect((await listIncidents(null, { kind: "detention" })).rows).toEqual([]);
    await expect(getIncident(editorB, id)).rejects.toMatchObject({ code: "not_found" });

    await db.incident.update({ where: { id }, data: { isPublic: true } });
    const source = await db.source.create({ data: { groupId: groupA, isPublic: true, slug: "report-2021", title: "Report" } });
    await db.citation.create({ data: { sourceId: source.id, recordType: "Incident", recordId: id, quote: "Two organizers were detained." } });
    const seenByStranger = await getIncident(null, id);
    expect(seenByStranger.people).toEqual([]);
    expect(seenByStranger.hiddenPeople).toBe(1);
    expect(seenByStranger.applications).toEqual([]); // the application is private to group A
    expect(seenByStranger.citations.map((c) => c.quote)).toEqual(["Two organizers were detained."]);
    expect(seenByStranger.canEdit).toBe(false);
    const seenByMember = await getIncident(viewerA, id);
    expect(seenByMember.people.map((p) => p.fullName)).toEqual(["Activist One"]);
    expect(seenByMember.applications.map((a) => a.id)).toEqual([application]);
  });
});

describe("incident pages", () => {
  it("render the case's incidents, the detail, the form and the filters in both languages", async () => {
    const res = await run(editorA, createIncidentAction, fine({ title: "Fine for the 2022 rally" }));
    const id = res.redirect!.split("/").pop()!;
    const data = await getCase(editorA, application);
    const onCase = render(h(CaseIncidents, { data }));
    expect(onCase).toContain("Fine for the 2022 rally");
    expect(onCase).toMatch(/66,000/);
    expect(onCase).toContain(`/incidents/new?application=${application}`);
    expect(render(h(CaseIncidents, { data }), "ru")).toContain("Инциденты и преследование");

    const detail = render(h(IncidentDetail, { incident: await getIncident(editorA, id) }));
    expect(detail).toContain("Activist One");
    expect(detail).toContain("KazFem");
    expect(detail).toContain(`/applications/${application}`);

    const options = await getIncidentFormOptions(editorA, groupA);
    const initial = { id: "", version: "", groupId: groupA, kind: "fine", title: "", occurredOn: "", occurredOnPrecision: "day", city: "", place: "", description: "", amount: "", currency: "KZT", perpetrator: "", newPeople: "", isPublic: "" };
    const form = render(h(IncidentForm, { action: createIncidentAction, initial, links: { people: [activist], groups: [groupA], applications: [] }, options, cancelHref: "/incidents" }));
    expect(form).toContain("Activist One");
    expect(form).toContain("8 March rally");
    expect(render(h(IncidentForm, { action: createIncidentAction, initial, links: { people: [], groups: [], applications: [] }, options, cancelHref: "/" }), "ru")).toContain("Затронутые группы");
    expect(render(h(IncidentFilters, { values: { kind: "fine" }, years: ["2022"], cities: ["Almaty"], groups: [{ id: groupA, name: "Feminita" }] }))).toContain("Feminita");
  });
});
