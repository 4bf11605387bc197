// Two editors load the same version; one saves, then the other. The second save does not
// silently revert the first: the conflict panel lists only the fields both changed, the form
// comes back holding both edits, and the next save keeps their change and this user's.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createElement as h } from "react";
import type { Actor } from "@/lib/auth/access";
import { makeActor, makeGroup, renderChecked, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { createApplicationAction, updateApplicationAction } from "@/lib/actions/applications";
import { updateAppealAction } from "@/lib/actions/appeals";
import { updateIncidentAction } from "@/lib/actions/incidents";
import { applicationFromRecord, type ApplicationValues } from "@/lib/domain/application-values";
import type { ApplicationConflict } from "@/lib/data/applications";
import { ConflictPanel } from "@/components/applications/ConflictPanel";
import { StageConflict, type StageSnapshot } from "@/components/appeals/StageConflict";

let groupId: string;
let editorA: Actor;
let editorB: Actor;

beforeAll(async () => {
  await loadReference(db);
  groupId = (await makeGroup("merge", "Merge group")).id;
  editorA = await makeActor("Aigerim", [[groupId, "editor"]]);
  editorB = await makeActor("Bota", [[groupId, "editor"]]);
});

async function createCase(): Promise<string> {
  const { redirect, state } = await run(editorA, createApplicationAction, {
    groupId,
    "organizerIds[]": [groupId],
    title: "8 March march",
    city: "Almaty",
    notes: "",
    "applicants.0.fullName": "Aigerim Example",
    "parts.0.form": "march",
    "parts.0.route": "Abay Ave",
    "parts.0.eventDate": "2024-03-08",
    "parts.1.form": "rally",
    "parts.1.place": "Astana Square",
  });
  if (!redirect) throw new Error(JSON.stringify(state));
  return redirect.split("/").pop()!;
}

/** What the edit page loads into the form. */
async function load(id: string): Promise<ApplicationValues> {
  const app = await db.application.findUniqueOrThrow({
    where: { id },
    include: { organizers: { select: { groupId: true } }, applicants: { include: { person: true }, orderBy: { id: "asc" } }, parts: { orderBy: { position: "asc" }, include: { _count: { select: { outcomes: true } } } } },
  });
  return applicationFromRecord(app);
}

/** The form's post: its fields from `values`, its hidden base (the values it was loaded with). */
function post(values: ApplicationValues, base: ApplicationValues, changes: Entries = {}): Entries {
  const e: Entries = {
    id: values.id,
    version: values.version,
    base: JSON.stringify(base),
    "organizerIds[]": values.organizerIds,
    title: values.title,
    authorityId: values.authorityId,
    city: values.city,
    purpose: values.purpose,
    filedOn: values.filedOn,
    filedOnPrecision: values.filedOnPrecision,
    registrationNumber: values.registrationNumber,
    notes: values.notes,
    ...(values.isPublic ? { isPublic: "on" } : {}),
  };
  values.parts.forEach((p, i) => {
    for (const f of ["id", "form", "place", "route", "eventDate", "eventDatePrecision", "startTime", "endTime", "expectedParticipants"] as const) e[`parts.${i}.${f}`] = p[f];
    e[`parts.${i}.equipment[]`] = p.equipment;
  });
  values.applicants.forEach((a, i) => {
    for (const f of ["personId", "fullName", "idNumber", "address", "phone"] as const) e[`applicants.${i}.${f}`] = a[f];
  });
  return { ...e, ...changes };
}

describe("an application saved meanwhile by someone else", () => {
  it("B saves the title, A saves the notes: no true conflict, and A's next save keeps both", async () => {
    const id = await createCase();
    const loaded = await load(id); // A and B both load version 1
    expect(loaded.version).toBe("1");

    const b = await run(editorB, updateApplicationAction, post(loaded, loaded, { title: "B's title", "parts.0.route": "B's route" }));
    expect(b.redirect).toBe(`/applications/${id}`);

    const a = await run(editorA, updateApplicationAction, post(loaded, loaded, { notes: "A's notes", "parts.1.place": "A's square" }));
    expect(a.state?.message).toBe("conflict");
    const conflict = a.state!.conflict as ApplicationConflict;
    expect(conflict.merge!.conflicts).toEqual([]);
    expect(conflict.merge!.theirs.sort()).toEqual(["parts." + loaded.parts[0].id + ".route", "title"].sort());
    expect(conflict.merge!.values).toMatchObject({ title: "B's title", notes: "A's notes", version: "2" });
    expect(conflict.merge!.values.parts.map((p) => [p.route, p.place])).toEqual([
      ["B's route", ""],
      ["", "A's square"],
    ]);
    // Nothing was written by the stale save.
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "B's title", notes: "", version: 2 });

    // The panel lists no field as changed by both, and names what came from them.
    const html = renderChecked(h(ConflictPanel, { current: conflict, merged: conflict.merge!.values }), "en");
    expect(html).toContain("No field was changed by both of you");
    expect(html).toContain('data-theirs-field="title"');
    expect(html).not.toContain("data-conflict-field");
    renderChecked(h(ConflictPanel, { current: conflict, merged: conflict.merge!.values }), "ru");

    // A saves again, as the form now stands: B's title and route, A's notes and place.
    const again = await run(editorA, updateApplicationAction, post(conflict.merge!.values, conflict.merge!.base));
    expect(again.redirect).toBe(`/applications/${id}`);
    const saved = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } } } });
    expect(saved).toMatchObject({ title: "B's title", notes: "A's notes", version: 3 });
    expect(saved.parts.map((p) => [p.route, p.place])).toEqual([
      ["B's route", ""],
      ["", "A's square"],
    ]);
  });

  it("lists a field both changed, with both values, and keeps A's value in the form until A picks", async () => {
    const id = await createCase();
    const loaded = await load(id);
    await run(editorB, updateApplicationAction, post(loaded, loaded, { city: "Astana", notes: "B's notes" }));
    const a = await run(editorA, updateApplicationAction, post(loaded, loaded, { city: "Shymkent", title: "A's title" }));
    const conflict = a.state!.conflict as ApplicationConflict;
    expect(conflict.merge!.conflicts).toEqual([{ field: "city", base: "Almaty", mine: "Shymkent", theirs: "Astana" }]);
    expect(conflict.merge!.values).toMatchObject({ city: "Shymkent", title: "A's title", notes: "B's notes" });
    const html = renderChecked(h(ConflictPanel, { current: conflict, merged: conflict.merge!.values }), "en");
    expect(html).toContain('data-conflict-field="city"');
    expect(html).toMatch(/Theirs:<\/span> Astana/);
    expect(html).toMatch(/Yours:<\/span> Shymkent/);

    // A picks theirs for the city.
    const again = await run(editorA, updateApplicationAction, post(conflict.merge!.values, conflict.merge!.base, { city: "Astana" }));
    expect(again.redirect).toBe(`/applications/${id}`);
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ city: "Astana", title: "A's title", notes: "B's notes" });
  });

  it("a part B added survives A's save", async () => {
    const id = await createCase();
    const loaded = await load(id);
    await run(editorB, updateApplicationAction, post(loaded, loaded, { "parts.2.form": "picket", "parts.2.place": "B's picket" }));
    const a = await run(editorA, updateApplicationAction, post(loaded, loaded, { title: "A's title" }));
    const conflict = a.state!.conflict as ApplicationConflict;
    expect(conflict.merge!.conflicts).toEqual([]);
    expect(conflict.merge!.values.parts.map((p) => p.form)).toEqual(["march", "rally", "picket"]);
    await run(editorA, updateApplicationAction, post(conflict.merge!.values, conflict.merge!.base));
    const saved = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } } } });
    expect(saved.title).toBe("A's title");
    expect(saved.parts.map((p) => p.place)).toEqual(["", "Astana Square", "B's picket"]);
  });
});

describe("an appeal stage saved meanwhile by someone else", () => {
  it("B saves the case number, A saves the notes: A's next save keeps both; a field both changed is listed", async () => {
    const id = await createCase();
    const stage = await db.appealStage.create({ data: { applicationId: id, kind: "complaint", filedOn: "2024-04-01", filedOnPrecision: "day", bodyName: "Higher akimat", caseNumber: "" } });
    const loaded: Record<string, string> = {
      id: stage.id,
      version: "1",
      applicationId: id,
      kind: "complaint",
      filedOn: "2024-04-01",
      filedOnPrecision: "day",
      bodyId: "",
      bodyName: "Higher akimat",
      caseNumber: "",
      authorityArguments: "",
      notes: "",
    };
    const post = (values: Record<string, string>, base: Record<string, string>, changes: Entries = {}): Entries => {
      const { applicationId, ...fields } = values;
      void applicationId;
      return { ...fields, base: JSON.stringify(base), ...changes };
    };
    expect((await run(editorB, updateAppealAction, post(loaded, loaded, { caseNumber: "3a-123/2024", bodyName: "Court" }))).redirect).toContain(id);
    const a = await run(editorA, updateAppealAction, post(loaded, loaded, { notes: "A's notes", bodyName: "Akimat of the region" }));
    expect(a.state?.message).toBe("conflict");
    const merge = (a.state!.conflict as { merge: { values: Record<string, string>; base: Record<string, string>; conflicts: { field: string; mine: string; theirs: string }[]; theirs: string[] } }).merge;
    expect(merge.conflicts).toEqual([{ field: "bodyName", base: "Higher akimat", mine: "Akimat of the region", theirs: "Court" }]);
    expect(merge.theirs).toEqual(["caseNumber"]);
    expect(merge.values).toMatchObject({ caseNumber: "3a-123/2024", notes: "A's notes", bodyName: "Akimat of the region", version: "2" });
    for (const locale of ["en", "ru"] as const) {
      const html = renderChecked(h(StageConflict, { current: a.state!.conflict as StageSnapshot, bodies: [] }), locale);
      expect(html).toContain('data-conflict-field="bodyName"');
      expect(html).toContain('data-theirs-field="caseNumber"');
    }

    const again = await run(editorA, updateAppealAction, post({ ...loaded, ...merge.values }, merge.base));
    expect(again.redirect).toContain(id);
    expect(await db.appealStage.findUniqueOrThrow({ where: { id: stage.id } })).toMatchObject({ caseNumber: "3a-123/2024", notes: "A's notes", bodyName: "Akimat of the region", version: 3 });
  });
});

describe("an incident saved meanwhile by someone else", () => {
  it("B links a group and fixes the title, A writes the description: A's next save keeps all three", async () => {
    const other = await makeGroup("merge-other", "Other group");
    // A group may be named on an incident only where a record the editor may read uses it.
    await db.application.create({ data: { groupId: other.id, isPublic: true, title: "Other group's published rally", procedure: "notification" } });
    const incident = await db.incident.create({ data: { groupId, kind: "fine", title: "Fine", occurredOn: "2024-03-08", occurredOnPrecision: "day", amount: 69000, currency: "KZT", groups: { create: [{ groupId }] } } });
    const loaded: Record<string, string> = {
      id: incident.id,
      version: "1",
      kind: "fine",
      title: "Fine",
      occurredOn: "2024-03-08",
      occurredOnPrecision: "day",
      city: "",
      place: "",
      description: "",
      amount: "69000",
      currency: "KZT",
      perpetrator: "",
      newPeople: "",
      isPublic: "",
    };
    const baseOf = (values: Record<string, string>, groups: string[]) => ({ ...values, people: [], groups, applications: [] });
    const post = (values: Record<string, string>, groups: string[], base: unknown, changes: Entries = {}): Entries => ({ ...values, "groups[]": groups, base: JSON.stringify(base), ...changes });
    const base = baseOf(loaded, [groupId]);
    expect((await run(editorB, updateIncidentAction, post(loaded, [groupId, other.id], base, { title: "Fine of 69,000 KZT" }))).redirect).toContain(incident.id);
    const a = await run(editorA, updateIncidentAction, post(loaded, [groupId], base, { description: "Fined for the picket." }));
    expect(a.state?.message).toBe("conflict");
    const merge = (a.state!.conflict as { merge: { values: Record<string, string>; base: Record<string, string>; conflicts: unknown[]; theirs: string[] } }).merge;
    expect(merge.conflicts).toEqual([]);
    expect(merge.theirs.sort()).toEqual(["groups", "title"]);
    expect(merge.values).toMatchObject({ title: "Fine of 69,000 KZT", description: "Fined for the picket.", version: "2" });

    const { groups, people, applications, ...scalars } = merge.values;
    void people;
    void applications;
    const again = await run(editorA, updateIncidentAction, post({ ...loaded, ...scalars }, groups.split(","), merge.base));
    expect(again.redirect).toContain(incident.id);
    const saved = await db.incident.findUniqueOrThrow({ where: { id: incident.id }, include: { groups: true } });
    expect(saved).toMatchObject({ title: "Fine of 69,000 KZT", description: "Fined for the picket.", version: 3 });
    expect(saved.groups.map((g) => g.groupId).sort()).toEqual([groupId, other.id].sort());
  });
});
