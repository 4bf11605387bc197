// Logging, editing, publishing and finding applications through the server actions, against
// a real SQLite file, with the session mocked.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, renderChecked, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import {
  createApplicationAction,
  deleteApplicationAction,
  setApplicationPublicAction,
  updateApplicationAction,
} from "@/lib/actions/applications";
import { recordAnswerAction } from "@/lib/actions/answers";
import { getCase } from "@/lib/data/cases";
import { listApplications } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { NotFoundError } from "@/lib/errors";

// ───────────────────────────── helpers

async function counts() {
  const [applications, parts, people, applicants, changes, authorities] = await Promise.all([
    db.application.count(),
    db.part.count(),
    db.person.count(),
    db.applicant.count(),
    db.changeLog.count(),
    db.authority.count(),
  ]);
  return { applications, parts, people, applicants, changes, authorities };
}

let groupA: { id: string };
let groupB: { id: string };
let editorA: Actor;
let viewerA: Actor;
let adminA: Actor;
let editorB: Actor;

function marchAndRally(overrides: Entries = {}): Entries {
  return {
    groupId: groupA.id,
    "organizerIds[]": [groupA.id],
    title: "8 March march and rally",
    newAuthorityName: "Akimat of Almaty",
    newAuthorityKind: "akimat",
    newAuthorityCity: "Almaty",
    city: "Almaty",
    purpose: "Women's rights",
    filedOn: "2024-02-12",
    filedOnPrecision: "day",
    registrationNumber: "ZT-2024-001",
    notes: "",
    "applicants.0.fullName": "Aigerim Example",
    "applicants.0.idNumber": "900101400123",
    "applicants.0.address": "Abay 1, Almaty",
    "applicants.0.phone": "+7 701 000 0000",
    "applicants.1.fullName": "Dana Example",
    "applicants.1.idNumber": "",
    "applicants.1.address": "",
    "applicants.1.phone": "",
    "parts.0.form": "march",
    "parts.0.place": "",
    "parts.0.route": "From Abay Square to Astana Square",
    "parts.0.eventDate": "2024-03-08",
    "parts.0.startTime": "11:00",
    "parts.0.endTime": "12:00",
    "parts.0.expectedParticipants": "300",
    "parts.0.equipment[]": ["sound", "vehicles"],
    "parts.1.form": "rally",
    "parts.1.place": "Astana Square",
    "parts.1.route": "",
    "parts.1.eventDate": "2024-03-08",
    "parts.1.startTime": "12:00",
    "parts.1.endTime": "14:00",
    "parts.1.expectedParticipants": "",
    ...overrides,
  };
}

beforeAll(async () => {
  await loadReference(db);
  groupA = await makeGroup("groupa");
  groupB = await makeGroup("groupb");
  editorA = await makeActor("editor-a", [[groupA.id, "editor"]]);
  viewerA = await makeActor("viewer-a", [[groupA.id, "viewer"]]);
  adminA = await makeActor("admin-a", [[groupA.id, "admin"]]);
  editorB = await makeActor("editor-b", [[groupB.id, "editor"]]);
});

beforeEach(() => {
  session.actor = null;
});

// ───────────────────────────── create

describe("logging a new application", () => {
  it("stores the application, its two parts, two private applicants and the change log, and derives the status", async () => {
    const before = await counts();
    const { state, redirect } = await run(editorA, createApplicationAction, marchAndRally());
    expect(state).toBeNull();
    expect(redirect).toMatch(/^\/applications\/[a-z0-9]+$/);
    const id = redirect!.split("/").pop()!;

    const app = await db.application.findUniqueOrThrow({
      where: { id },
      include: { parts: { orderBy: { position: "asc" } }, applicants: { include: { person: true } }, organizers: true, authority: true },
    });
    expect(app.groupId).toBe(groupA.id);
    expect(app.isPublic).toBe(false);
    expect(app.status).toBe("awaiting_answer");
    expect(app.outcome).toBe("no_answer"); // filed in 2024 and unanswered: the deadline has passed in silence
    expect(app.procedure).toBe("approval"); // a march needs approval
    expect(app.requestCount).toBe(1);
    expect(app.createdById).toBe(editorA.userId);
    expect(app.answerDueOn).toBe("2024-02-21"); // 7 working days after 12 Feb 2024
    expect(app.authority?.name).toBe("Akimat of Almaty");
    expect(app.organizers.map((o) => o.groupId)).toEqual([groupA.id]);
    expect(app.parts.map((p) => [p.form, p.route || p.place, p.startTime, p.endTime, p.expectedParticipants, p.equipment])).toEqual([
      ["march", "From Abay Square to Astana Square", "11:00", "12:00", 300, "sound,vehicles"],
      ["rally", "Astana Square", "12:00", "14:00", null, ""],
    ]);
    expect(app.applicants).toHaveLength(2);
    for (const a of app.applicants) {
      expect(a.person.groupId).toBe(groupA.id);
      expect(a.person.isPublic).toBe(false);
    }
    expect(app.applicants.map((a) => a.person.fullName).sort()).toEqual(["Aigerim Example", "Dana Example"]);

    const after = await counts();
    expect(after.applications - before.applications).toBe(1);
    expect(after.parts - before.parts).toBe(2);
    expect(after.people - before.people).toBe(2);
    expect(after.authorities - before.authorities).toBe(1);

    const log = await db.changeLog.findMany({ where: { caseId: id } });
    const byEntity = (e: string) => log.filter((l) => l.entity === e && l.action === "create").length;
    expect(byEntity("Application")).toBe(1);
    expect(byEntity("Part")).toBe(2);
    expect(byEntity("Person")).toBe(2);
    expect(byEntity("Applicant")).toBe(2);
    expect(log.every((l) => l.userId === editorA.userId && l.groupId === groupA.id)).toBe(true);
    // Personal data never reaches the change log in clear.
    const text = log.map((l) => l.after).join("\n");
    expect(text).not.toContain("900101400123");
    expect(text).not.toContain("Abay 1");
    expect(text).not.toContain("701 000");
  });

  it("rejects an invalid form with errors beside the fields and writes nothing", async () => {
    const before = await counts();
    const { state } = await run(
      editorA,
      createApplicationAction,
      marchAndRally({ title: "", "parts.1.startTime": "15:00", "parts.1.endTime": "14:00", filedOn: "2024-02-31", "applicants.0.idNumber": "123" }),
    );
    expect(state?.ok).toBe(false);
    expect(state?.message).toBe("form_invalid");
    expect(state?.errors?.title).toEqual(["required"]);
    expect(state?.errors?.["parts.1.endTime"]).toEqual(["end_before_start"]);
    expect(state?.errors?.filedOn).toEqual(["invalid_date"]);
    expect(state?.errors?.["applicants.0.idNumber"]).toEqual(["invalid"]);
    // What was typed comes back so the form can show it again.
    expect((state?.data?.values as Record<string, unknown>).purpose).toBe("Women's rights");
    expect(await counts()).toEqual(before);
  });

  it("needs at least one part and one organizing group", async () => {
    const before = await counts();
    const entries = marchAndRally({ "organizerIds[]": [] });
    for (const k of Object.keys(entries)) if (k.startsWith("parts.")) delete entries[k];
    const { state } = await run(editorA, createApplicationAction, entries);
    expect(state?.errors?.parts).toEqual(["need_one_part"]);
    expect(state?.errors?.organizerIds).toEqual(["need_one_group"]);
    expect(await counts()).toEqual(before);
  });

  it("ignores applicant and part rows left empty", async () => {
    const { redirect } = await run(
      editorA,
      createApplicationAction,
      marchAndRally({
        "applicants.1.fullName": "",
        "parts.1.form": "",
        "parts.1.place": "",
        "parts.1.eventDate": "",
        "parts.1.startTime": "",
        "parts.1.endTime": "",
      }),
    );
    const id = redirect!.split("/").pop()!;
    expect(await db.part.count({ where: { applicationId: id } })).toBe(1);
    expect(await db.applicant.count({ where: { applicationId: id } })).toBe(1);
  });

  it("forbids a viewer to create, and writes nothing", async () => {
    const before = await counts();
    const { state } = await run(viewerA, createApplicationAction, marchAndRally());
    expect(state?.message).toBe("forbidden");
    expect(await counts()).toEqual(before);
  });

  it("does not let a member of another group file for group A", async () => {
    const before = await counts();
    const { state } = await run(editorB, createApplicationAction, marchAndRally());
    expect(state?.message).toBe("not_found");
    expect(await counts()).toEqual(before);
  });

  it("refuses an anonymous caller", async () => {
    const before = await counts();
    const { state } = await run(null, createApplicationAction, marchAndRally());
    expect(state?.message).toBe("unauthenticated");
    expect(await counts()).toEqual(before);
  });
});

// ───────────────────────────── access

async function createAsEditor(overrides: Entries = {}): Promise<string> {
  const { redirect, state } = await run(editorA, createApplicationAction, marchAndRally(overrides));
  if (!redirect) throw new Error(`not created: ${JSON.stringify(state)}`);
  return redirect.split("/").pop()!;
}

async function editEntries(id: string, overrides: Entries = {}): Promise<Entries> {
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } }, applicants: { include: { person: true } } } });
  const base = marchAndRally();
  delete base.groupId;
  const entries: Entries = { ...base, id, version: String(app.version) };
  for (const [i, p] of app.parts.entries()) entries[`parts.${i}.id`] = p.id;
  for (const [i, a] of app.applicants.entries()) {
    entries[`applicants.${i}.personId`] = a.personId;
    entries[`applicants.${i}.fullName`] = a.person.fullName;
    entries[`applicants.${i}.idNumber`] = a.person.idNumber;
    entries[`applicants.${i}.address`] = a.person.address;
    entries[`applicants.${i}.phone`] = a.person.phone;
  }
  return { ...entries, ...overrides };
}

describe("who may read and change an application", () => {
  it("hides group A's private application from a member of group B, who cannot change it either", async () => {
    const id = await createAsEditor();
    await expect(getCase(editorB, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCase(null, id)).rejects.toBeInstanceOf(NotFoundError);

    const before = await db.application.findUniqueOrThrow({ where: { id } });
    const logBefore = await db.changeLog.count();
    const edit = await run(editorB, updateApplicationAction, await editEntries(id, { title: "Hijacked" }));
    expect(edit.state?.message).toBe("not_found");
    const pub = await run(editorB, setApplicationPublicAction, { id, isPublic: "on" });
    expect(pub.state?.message).toBe("not_found");
    const del = await run(editorB, deleteApplicationAction, { id, confirm: "on" });
    expect(del.state?.message).toBe("not_found");
    const after = await db.application.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual(before);
    expect(await db.changeLog.count()).toBe(logBefore);
  });

  it("forbids a viewer to edit, publish or delete, and writes nothing", async () => {
    const id = await createAsEditor();
    const before = await db.application.findUniqueOrThrow({ where: { id } });
    const logBefore = await db.changeLog.count();
    expect((await run(viewerA, updateApplicationAction, await editEntries(id, { title: "Changed" }))).state?.message).toBe("forbidden");
    expect((await run(viewerA, setApplicationPublicAction, { id, isPublic: "on" })).state?.message).toBe("forbidden");
    expect((await run(viewerA, deleteApplicationAction, { id, confirm: "on" })).state?.message).toBe("forbidden");
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.changeLog.count()).toBe(logBefore);
    // A viewer still reads the group's own private record.
    expect((await getCase(viewerA, id)).title).toBe(before.title);
  });

  it("shows a published application to an anonymous visitor, without its private applicants", async () => {
    const id = await createAsEditor({ isPublic: "on" });
    const data = await getCase(null, id);
    expect(data.title).toBe("8 March march and rally");
    expect(data.applicants).toEqual([]);
    expect(data.history).toEqual([]);
    expect(data.canEdit).toBe(false);
    const dump = JSON.stringify(data);
    expect(dump).not.toContain("Aigerim");
    expect(dump).not.toContain("Dana Example");
    expect(dump).not.toContain("900101400123");
    // The group's own members see their names.
    const member = await getCase(viewerA, id);
    expect(member.applicants.map((a) => a.person.fullName).sort()).toEqual(["Aigerim Example", "Dana Example"]);
  });

  it("publishes and unpublishes (editor), logging each change", async () => {
    const id = await createAsEditor();
    const pub = await run(editorA, setApplicationPublicAction, { id, isPublic: "on" });
    expect(pub.state).toMatchObject({ ok: true, message: "published" });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).isPublic).toBe(true);
    expect((await getCase(null, id)).id).toBe(id);
    await run(editorA, setApplicationPublicAction, { id });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).isPublic).toBe(false);
    await expect(getCase(null, id)).rejects.toBeInstanceOf(NotFoundError);
    const log = await db.changeLog.findMany({ where: { caseId: id, entity: "Application", action: "update" } });
    expect(log).toHaveLength(2);
  });

  it("deletes only for an admin, and only when confirmed", async () => {
    const id = await createAsEditor();
    expect((await run(editorA, deleteApplicationAction, { id, confirm: "on" })).state?.message).toBe("forbidden");
    const unconfirmed = await run(adminA, deleteApplicationAction, { id });
    expect(unconfirmed.state?.errors?.confirm).toEqual(["required"]);
    expect(await db.application.count({ where: { id } })).toBe(1);
    const ok = await run(adminA, deleteApplicationAction, { id, confirm: "on" });
    expect(ok.redirect).toBe("/applications?deleted=1");
    expect(await db.application.count({ where: { id } })).toBe(0);
    expect(await db.part.count({ where: { applicationId: id } })).toBe(0);
    expect(await db.changeLog.count({ where: { caseId: id, entity: "Application", action: "delete" } })).toBe(1);
  });
});

// ───────────────────────────── edit

describe("editing an application", () => {
  it("saves changes, keeps parts by id, adds and removes parts, and bumps the version", async () => {
    const id = await createAsEditor();
    const before = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } } } });
    const entries = await editEntries(id, {
      title: "March, rally and picket",
      "parts.0.route": "A shorter route",
      "parts.1.form": "picket",
      "parts.1.place": "Akimat building",
      "parts.1.startTime": "10:00",
      "parts.1.endTime": "11:00",
    });
    delete entries["parts.1.id"]; // the rally row replaced by a new picket row
    const { redirect, state } = await run(editorA, updateApplicationAction, entries);
    expect(state).toBeNull();
    expect(redirect).toBe(`/applications/${id}`);
    const after = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } } } });
    expect(after.title).toBe("March, rally and picket");
    expect(after.version).toBe(before.version + 1);
    expect(after.parts.map((p) => p.form)).toEqual(["march", "picket"]);
    expect(after.parts[0].id).toBe(before.parts[0].id);
    expect(after.parts[0].route).toBe("A shorter route");
    expect(await db.part.count({ where: { id: before.parts[1].id } })).toBe(0);
    const log = await db.changeLog.findMany({ where: { caseId: id, action: { not: "create" } } });
    expect(log.map((l) => `${l.entity}:${l.action}`).sort()).toEqual(["Application:update", "Part:delete", "Part:update"]);
    const appLog = log.find((l) => l.entity === "Application")!;
    expect(JSON.parse(appLog.before).title).toBe("8 March march and rally");
    expect(JSON.parse(appLog.after).title).toBe("March, rally and picket");
  });

  it("on a version conflict returns 'conflict' with the current record and overwrites nothing", async () => {
    const id = await createAsEditor();
    const stale = await editEntries(id);
    const first = await run(editorA, updateApplicationAction, { ...stale, title: "First save" });
    expect(first.redirect).toBe(`/applications/${id}`);
    const logBefore = await db.changeLog.count();

    const second = await run(editorA, updateApplicationAction, { ...stale, title: "Second save", "parts.0.route": "Changed" });
    expect(second.state?.ok).toBe(false);
    expect(second.state?.message).toBe("conflict");
    expect(second.state?.conflict).toMatchObject({ title: "First save", version: 2 });
    expect((second.state?.data?.values as Record<string, unknown>).title).toBe("Second save");
    const now = await db.application.findUniqueOrThrow({ where: { id }, include: { parts: { orderBy: { position: "asc" } } } });
    expect(now.title).toBe("First save");
    expect(now.parts[0].route).toBe("From Abay Square to Astana Square");
    expect(await db.changeLog.count()).toBe(logBefore);
  });

  it("will not delete a part the authority has answered", async () => {
    const id = await createAsEditor();
    const parts = await db.part.findMany({ where: { applicationId: id }, orderBy: { position: "asc" } });
    const answered = await run(editorA, recordAnswerAction, {
      applicationId: id,
      receivedOn: "2024-02-20",
      "outcomes.0.partId": parts[0].id,
      "outcomes.0.outcome": "approved",
    });
    expect(answered.redirect).toContain(`/applications/${id}`);
    const entries = await editEntries(id);
    for (const k of Object.keys(entries)) if (k.startsWith("parts.0.")) delete entries[k];
    // Renumber the remaining row as the browser would.
    for (const k of Object.keys(entries)) {
      if (k.startsWith("parts.1.")) {
        entries[k.replace("parts.1.", "parts.0.")] = entries[k];
        delete entries[k];
      }
    }
    const { state } = await run(editorA, updateApplicationAction, entries);
    expect(state?.errors?.parts).toEqual(["part_has_outcomes"]);
    expect(await db.part.count({ where: { applicationId: id } })).toBe(2);
  });

  it("updates, adds and unlinks applicants", async () => {
    const id = await createAsEditor();
    const entries = await editEntries(id);
    const aigerimIndex = entries["applicants.0.fullName"] === "Aigerim Example" ? 0 : 1;
    const other = 1 - aigerimIndex;
    entries[`applicants.${aigerimIndex}.phone`] = "+7 702 111 1111";
    const removedPerson = entries[`applicants.${other}.personId`] as string;
    for (const f of ["personId", "fullName", "idNumber", "address", "phone"]) entries[`applicants.${other}.${f}`] = "";
    entries["applicants.2.fullName"] = "New Person";
    const { redirect } = await run(editorA, updateApplicationAction, entries);
    expect(redirect).toBe(`/applications/${id}`);
    const app = await db.application.findUniqueOrThrow({ where: { id }, include: { applicants: { include: { person: true } } } });
    expect(app.applicants.map((a) => a.person.fullName).sort()).toEqual(["Aigerim Example", "New Person"]);
    expect(app.applicants.find((a) => a.person.fullName === "Aigerim Example")!.person.phone).toBe("+7 702 111 1111");
    expect(await db.person.count({ where: { id: removedPerson } })).toBe(1); // unlinked, not erased
  });
});

// ───────────────────────────── find

describe("listApplications", () => {
  const filters = (input: Record<string, string>) => applicationFiltersSchema.parse(input);
  let picket2019: string;
  let march2021: string;
  let rally2021: string;

  beforeAll(async () => {
    await db.changeLog.deleteMany();
    await db.application.deleteMany();
    picket2019 = await createAsEditor({
      title: "Picket against violence",
      filedOn: "2019-11-01",
      city: "Shymkent",
      newAuthorityName: "Akimat of Shymkent",
      newAuthorityCity: "Shymkent",
      "parts.0.form": "picket",
      "parts.0.route": "",
      "parts.0.place": "Central park",
      "parts.0.eventDate": "2019-11-25",
      "parts.1.form": "",
      "parts.1.place": "",
      "parts.1.eventDate": "",
      "parts.1.startTime": "",
      "parts.1.endTime": "",
      isPublic: "on",
    });
    march2021 = await createAsEditor({ title: "Women's march", filedOn: "2021-02-20", "parts.1.form": "", "parts.1.place": "", "parts.1.eventDate": "", "parts.1.startTime": "", "parts.1.endTime": "" });
    rally2021 = await createAsEditor({
      title: "Rally for equality",
      filedOn: "2021-09-01",
      registrationNumber: "ZT-777",
      "parts.0.form": "rally",
      "parts.0.route": "",
      "parts.0.place": "Gandhi park",
      "parts.1.form": "",
      "parts.1.place": "",
      "parts.1.eventDate": "",
      "parts.1.startTime": "",
      "parts.1.endTime": "",
    });
    // Answers: the 2019 picket refused for works, the 2021 march refused because the place was taken.
    for (const [id, code, reason] of [
      [picket2019, "works", "Repair works are planned in the park"],
      [march2021, "place_taken", "The route is already booked by another civil society actor"],
    ] as const) {
      const part = await db.part.findFirstOrThrow({ where: { applicationId: id } });
      const r = await run(editorA, recordAnswerAction, {
        applicationId: id,
        receivedOn: "2021-02-25",
        statedReason: reason,
        "outcomes.0.partId": part.id,
        "outcomes.0.outcome": "refused",
        "grounds[]": [code],
      });
      expect(r.redirect).toBeTruthy();
    }
  });

  const ids = (r: Awaited<ReturnType<typeof listApplications>>) => r.items.map((i) => i.id);

  it("filters by assembly form", async () => {
    expect(ids(await listApplications(editorA, filters({ form: "rally" })))).toEqual([rally2021]);
    expect(ids(await listApplications(editorA, filters({ form: "march" })))).toEqual([march2021]);
  });

  it("filters by refusal ground", async () => {
    expect(ids(await listApplications(editorA, filters({ ground: "place_taken" })))).toEqual([march2021]);
    expect(ids(await listApplications(editorA, filters({ ground: "works" })))).toEqual([picket2019]);
    expect(ids(await listApplications(editorA, filters({ ground: "security_threat" })))).toEqual([]);
  });

  it("filters by year of filing, city and outcome", async () => {
    expect(ids(await listApplications(editorA, filters({ year: "2021" })))).toEqual([rally2021, march2021]);
    expect(ids(await listApplications(editorA, filters({ year: "2019", city: "Shymkent" })))).toEqual([picket2019]);
    expect(ids(await listApplications(editorA, filters({ outcome: "refused" }))).sort()).toEqual([picket2019, march2021].sort());
    expect(ids(await listApplications(editorA, filters({ status: "awaiting_answer" })))).toEqual([rally2021]);
  });

  it("searches title, registration number and the stated reasons", async () => {
    expect(ids(await listApplications(editorA, filters({ q: "equality" })))).toEqual([rally2021]);
    expect(ids(await listApplications(editorA, filters({ q: "ZT-777" })))).toEqual([rally2021]);
    expect(ids(await listApplications(editorA, filters({ q: "Civil Society actor" })))).toEqual([march2021]);
    expect(ids(await listApplications(editorA, filters({ q: "100%" })))).toEqual([]);
  });

  it("shows anonymous visitors and other groups only public records", async () => {
    expect(ids(await listApplications(null, filters({})))).toEqual([picket2019]);
    expect(ids(await listApplications(editorB, filters({})))).toEqual([picket2019]);
    expect(ids(await listApplications(editorA, filters({ visibility: "private" }))).sort()).toEqual([march2021, rally2021].sort());
  });

  it("sorts and paginates", async () => {
    const p1 = await listApplications(editorA, filters({ pageSize: "2", page: "1" }));
    expect(p1).toMatchObject({ total: 3, pageCount: 2, page: 1 });
    expect(ids(p1)).toEqual([rally2021, march2021]); // newest filing first
    const p2 = await listApplications(editorA, filters({ pageSize: "2", page: "2" }));
    expect(ids(p2)).toEqual([picket2019]);
    const byTitle = await listApplications(editorA, filters({ sort: "title" }));
    expect(byTitle.items.map((i) => i.title)).toEqual(["Picket against violence", "Rally for equality", "Women's march"]);
    expect(p1.items[0].requestCount).toBe(1);
  });

  it("parses URLSearchParams and rejects bad values", () => {
    const f = applicationFiltersSchema.parse(new URLSearchParams("form=march&year=2021&page=3&q=%20works%20"));
    expect(f).toMatchObject({ form: "march", year: 2021, page: 3, pageSize: 25, q: "works", sort: "filed" });
    expect(applicationFiltersSchema.safeParse({ form: "parade" }).success).toBe(false);
    expect(applicationFiltersSchema.safeParse({ pageSize: "1000" }).success).toBe(false);
  });
});

// ───────────────────────────── the pages' pieces render with real data, in both languages

describe("the case page and the forms render", () => {
  it("shows the header, deadline, parts, answer, timeline, sources and history of a case", async () => {
    const { createElement: h } = await import("react");
    const { CaseHeader } = await import("@/components/cases/CaseHeader");
    const { DeadlineBox } = await import("@/components/cases/DeadlineBox");
    const { PartsList } = await import("@/components/cases/PartsList");
    const { AnswersSection } = await import("@/components/cases/AnswerCard");
    const { Timeline } = await import("@/components/cases/Timeline");
    const { SourcesList } = await import("@/components/cases/CitationLinks");
    const { HistoryList } = await import("@/components/cases/HistoryList");
    const { ApplicantsList } = await import("@/components/cases/ApplicantsList");

    const id = await createAsEditor({ filedOn: "2025-02-03", "parts.0.eventDate": "2025-03-08", "parts.1.eventDate": "2025-03-08" });
    const parts = await db.part.findMany({ where: { applicationId: id }, orderBy: { position: "asc" } });
    await run(editorA, recordAnswerAction, {
      applicationId: id,
      receivedOn: "2025-02-10",
      statedReason: "The square is booked for a city festival.",
      "outcomes.0.partId": parts[0].id,
      "outcomes.0.outcome": "refused",
      "outcomes.1.partId": parts[1].id,
      "outcomes.1.outcome": "approved",
      "grounds[]": ["place_taken"],
      "evidence.0.stance": "contests",
      "evidence.0.observedOn": "2025-03-08",
      "evidence.0.description": "The square was empty.",
    });
    const answer = await db.answer.findFirstOrThrow({ where: { applicationId: id } });
    const source = await db.source.create({ data: { groupId: groupA.id, isPublic: true, slug: "press-release-2025", title: "Press release" } });
    const citation = await db.citation.create({ data: { sourceId: source.id, recordType: "Answer", recordId: answer.id, quote: "the akimat refused the march" } });

    const data = await getCase(editorA, id);
    for (const locale of ["en", "ru"] as const) {
      const html = renderChecked(
        h("div", null, [
          h(CaseHeader, { key: 1, data }),
          h(DeadlineBox, { key: 2, deadline: data.deadline, status: data.status, today: "2025-02-11" }),
          h(PartsList, { key: 3, data }),
          h(AnswersSection, { key: 4, data }),
          h(Timeline, { key: 5, data }),
          h(ApplicantsList, { key: 6, data }),
          h(SourcesList, { key: 7, citations: data.citations }),
          h(HistoryList, { key: 8, history: data.history }),
        ]),
        locale,
      );
      expect(html).toContain("8 March march and rally");
      expect(html).toContain("<blockquote");
      expect(html).toContain("The square is booked for a city festival.");
      expect(html).toContain(`/sources/press-release-2025#c-${citation.id}`);
      expect(html).toContain('data-note="61-np"'); // place taken, refused, no alternative offered
      expect(html).toContain(`href="/applications/${id}/answers/${answer.id}/edit"`);
      expect(html).toContain('data-deadline="2025-05-12"'); // complaint: 3 months after 10 Feb 2025 is Sat 10 May, moved to Monday
      expect(html).toContain('data-timeline="filed"');
      expect(html).toContain('data-timeline="evidence"');
      expect(html).toContain('data-history="create"');
      expect(html).toContain("Aigerim Example");
    }

    // An anonymous visitor of the published case: no edit links, no history, no names.
    await run(editorA, setApplicationPublicAction, { id, isPublic: "on" });
    const pub = await getCase(null, id);
    const html = renderChecked(h("div", null, [h(CaseHeader, { key: 1, data: pub }), h(AnswersSection, { key: 2, data: pub }), h(ApplicantsList, { key: 3, data: pub })]), "en");
    expect(html).not.toContain("/edit");
    expect(html).not.toContain("Aigerim");
    expect(html).toContain("The square is booked for a city festival.");
  });

  it("renders the application form with the filing check, and the answer form", async () => {
    const { createElement: h } = await import("react");
    const { ApplicationForm } = await import("@/components/applications/ApplicationForm");
    const { AnswerForm } = await import("@/components/answers/AnswerForm");
    const { applicationFromRecord } = await import("@/components/applications/values");
    const { emptyAnswer } = await import("@/components/answers/values");
    const { toClockData } = await import("@/components/applications/clock");
    const { loadClock } = await import("@/lib/data/rules");
    const { applicationFormOptions, getApplicationForEdit } = await import("@/lib/data/applications");
    const { answerFormContext } = await import("@/lib/data/answers");

    const id = await createAsEditor({ filedOn: "2024-02-26", "parts.0.eventDate": "2024-03-08", "parts.1.eventDate": "2024-03-08" });
    const app = await getApplicationForEdit(editorA, id);
    const options = await applicationFormOptions(editorA);
    const clock = toClockData(await loadClock());
    for (const locale of ["en", "ru"] as const) {
      const html = renderChecked(
        h(ApplicationForm, { mode: "edit", action: updateApplicationAction, options, clock, initial: applicationFromRecord(app), ownerName: "GROUPA", cancelHref: `/applications/${id}` }),
        locale,
      );
      expect(html).toContain('name="parts.1.form"');
      expect(html).toContain('name="applicants.0.idNumber"');
      expect(html).toContain('name="version" value="1"');
      // 26 Feb → 8 Mar 2024: 8 working days, fewer than the 10 an approval needs.
      expect(html).toContain('data-filing-check="late"');
      expect(html).toContain('data-answer-due="2024-03-06"');
    }
    const ctx = await answerFormContext(editorA, id);
    const html = renderChecked(h(AnswerForm, { mode: "create", action: recordAnswerAction, parts: ctx.app.parts, grounds: ctx.grounds, initial: emptyAnswer(id, ctx.app.parts.map((p) => p.id)), cancelHref: "/" }), "ru");
    expect(html).toContain('name="outcomes.1.outcome"');
    expect(html).toContain('name="grounds[]"');
    expect(html).toContain('value="no_reason"');
  });
});
