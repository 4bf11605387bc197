// Erasing a person on request (issue #14): a group admin erases an applicant; afterwards the
// erased values are in no table, no export and no change-log entry, the log says that an
// erasure happened (who, when) without them, and the case stays whole showing "[erased]".
// Runs on SQLite and PostgreSQL.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, renderChecked, run, type Entries } from "../support/fixtures";
import { testDatabaseKind } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { createElement as h } from "react";
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { resetLimits } from "@/lib/rate-limit";
import { createApplicationAction, updateApplicationAction } from "@/lib/actions/applications";
import { erasePersonAction } from "@/lib/actions/erasure";
import { erasableApplicants } from "@/lib/data/erasure";
import { getCase } from "@/lib/data/cases";
import { exportData, exportToJson } from "@/lib/data/export";
import { ErasePersonForms } from "@/components/applications/ErasePersonForm";
import { HistoryList } from "@/components/cases/HistoryList";
import { databaseUrl, sqliteFilePath } from "@/lib/db-url";
import { dumpAllTables } from "../support/dump";

const NAME = "Zhanar Forgetme";
const NEW_NAME = "Zhanar Forgetme-Akhmetova";
const ALT = "Жанар Забудьменя";
const IIN = "920815400321";
const ADDRESS = "Satpayev 30, flat 7";
const PHONE = "+7 702 444 9911";
const VALUES = [NAME, "Forgetme", ALT, "Забудьменя", IIN, ADDRESS, PHONE];

let adminA: Actor, editorA: Actor, editorB: Actor;
let groupA: string;
let caseId: string;
let personId: string;

function application(overrides: Entries = {}): Entries {
  return {
    groupId: groupA,
    "organizerIds[]": [groupA],
    title: `Picket against the dam (applicant ${NAME})`,
    newAuthorityName: "Akimat of Almaty",
    newAuthorityKind: "akimat",
    newAuthorityCity: "Almaty",
    city: "Almaty",
    purpose: "Keep the river",
    filedOn: "2025-06-02",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: `Call ${NAME} at ${PHONE} before filing.`,
    "applicants.0.fullName": NAME,
    "applicants.0.idNumber": IIN,
    "applicants.0.address": ADDRESS,
    "applicants.0.phone": PHONE,
    "applicants.1.fullName": "Other Applicant",
    "applicants.1.idNumber": "",
    "applicants.1.address": "",
    "applicants.1.phone": "",
    "parts.0.form": "picket",
    "parts.0.place": "Dam square",
    "parts.0.route": "",
    "parts.0.eventDate": "2025-06-20",
    "parts.0.startTime": "11:00",
    "parts.0.endTime": "12:00",
    "parts.0.expectedParticipants": "1",
    ...overrides,
  };
}

const erase = (actor: Actor, entries: Entries = {}) => run(actor, erasePersonAction, { personId, applicationId: caseId, confirm: "on", ...entries });

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("rivers", "Rivers")).id;
  const groupB = (await makeGroup("others", "Others")).id;
  adminA = await makeActor("Admin A", [[groupA, "admin"]]);
  editorA = await makeActor("Editor A", [[groupA, "editor"]]);
  editorB = await makeActor("Editor B", [[groupB, "editor"]]);
  const { redirect, state } = await run(editorA, createApplicationAction, application());
  if (!redirect) throw new Error(JSON.stringify(state));
  caseId = redirect.split("/").pop()!;
  const app = await db.application.findUniqueOrThrow({ where: { id: caseId }, include: { applicants: { include: { person: true }, orderBy: { id: "asc" } }, parts: true } });
  personId = app.applicants.find((a) => a.person.fullName === NAME)!.personId;
  // A renaming, so the change log holds the name in an update's before and after.
  const edit: Entries = { ...application({ "applicants.0.fullName": NEW_NAME }), id: caseId, version: String(app.version), "parts.0.id": app.parts[0].id };
  delete edit.groupId;
  for (const [i, a] of app.applicants.entries()) edit[`applicants.${i}.personId`] = a.personId;
  const updated = await run(editorA, updateApplicationAction, edit);
  if (!updated.redirect) throw new Error(JSON.stringify(updated.state));
  await db.person.update({ where: { id: personId }, data: { altNames: ALT } });
  // The authority's answer and an incident quote the person.
  await db.answer.create({ data: { applicationId: caseId, receivedOn: "2025-06-09", outcome: "refused", statedReason: `Dear ${NAME} (IIN ${IIN}), the square is busy.` } });
  const incident = await db.incident.create({ data: { groupId: groupA, kind: "detention", title: `Detention of ${ALT}`, occurredOn: "2025-06-20", description: `${NAME} was held.` } });
  await db.incidentPerson.create({ data: { incidentId: incident.id, personId } });
  await db.incidentApplication.create({ data: { incidentId: incident.id, applicationId: caseId } });
});

beforeEach(() => {
  resetLimits();
  session.actor = null;
  session.locale = "en";
});

describe("erasing a person on request", () => {
  it("is for an admin of the person's group, with the box ticked; otherwise nothing changes", async () => {
    const before = await dumpAllTables();
    expect(before).toContain(NAME);
    for (const who of [editorB, editorA]) {
      const refused = await erase(who);
      expect(refused.redirect).toBeNull();
      expect(refused.state?.ok).toBe(false);
    }
    const unticked = await erase(adminA, { confirm: "" });
    expect(unticked.redirect).toBeNull();
    expect(unticked.state?.errors?.confirm).toEqual(["required"]);
    expect(await dumpAllTables()).toBe(before);
    // The admin's edit page offers the group's applicants.
    expect((await erasableApplicants(adminA, caseId)).map((p) => p.fullName).sort()).toEqual(["Other Applicant", NEW_NAME]);
    const html = renderChecked(h(ErasePersonForms, { applicationId: caseId, people: await erasableApplicants(adminA, caseId), erased: false }), "ru");
    expect(html).toContain("Стереть персональные данные");
  });

  it("removes the values from every table, the export and the change log, and keeps the case whole", async () => {
    const { redirect } = await erase(adminA);
    expect(redirect).toBe(`/applications/${caseId}/edit?erased=1`);

    const dump = await dumpAllTables();
    for (const v of [...VALUES, NEW_NAME]) expect(dump, v).not.toContain(v);
    const exported = exportToJson(await exportData(db));
    for (const v of [...VALUES, NEW_NAME]) expect(exported, v).not.toContain(v);

    // The case is whole: both applicants, the answer, the incident; the erased one reads "[erased]".
    const c = await getCase(adminA, caseId);
    expect(c.applicants.map((a) => a.person.fullName).sort()).toEqual(["Other Applicant", "[erased]"]);
    expect(c.applicants.find((a) => a.personId === personId)!.person).toMatchObject({ idNumber: "", address: "", phone: "", altNames: "" });
    expect(c.title).toBe("Picket against the dam (applicant [erased])");
    expect(c.answers[0].statedReason).toBe("Dear [erased] (IIN [erased]), the square is busy.");
    expect(c.incidents[0].title).toBe("Detention of [erased]");

    // The log keeps that it happened, by whom and when, without the values.
    const entries = await db.changeLog.findMany({ where: { entity: "Person", entityId: personId, action: "erase" } });
    expect(entries.length).toBeGreaterThanOrEqual(2); // the group's, and the case's
    for (const e of entries) {
      expect(e.userName).toBe("Admin A");
      expect(Date.now() - e.at.getTime()).toBeLessThan(60_000);
      expect(`${e.before}${e.after}`).not.toMatch(/Forgetme|920815/);
    }
    const history = c.history.filter((e) => e.action === "erase");
    expect(history).toHaveLength(1);
    const html = renderChecked(h(HistoryList, { history: c.history }), "en");
    expect(html).toContain("erased the personal data of a person");
    // Earlier entries are still there, with "[erased]" where the name was.
    const renamed = c.history.find((e) => e.entity === "Person" && e.action === "update")!;
    expect(JSON.parse(renamed.before)).toMatchObject({ fullName: "[erased]" });
    expect(JSON.parse(renamed.after)).toMatchObject({ fullName: "[erased]" });

    // Nor is the person found by IIN any more; erasing again is refused.
    expect(await erasableApplicants(adminA, caseId)).toEqual([expect.objectContaining({ fullName: "Other Applicant" })]);
    const again = await erase(adminA);
    expect(again.redirect).toBeNull();
    expect(again.state?.ok).toBe(false);
  });

  it("leaves no trace of the erased name in the SQLite file's bytes either", async () => {
    if (testDatabaseKind() === "postgres") return; // PostgreSQL's pages are the server's; the tables above are what a dump holds
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const file = sqliteFilePath(databaseUrl());
    const bytes = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("utf8")).join("");
    expect(bytes).toContain("Other Applicant");
    for (const v of [NAME, IIN, ALT]) expect(bytes, v).not.toContain(v);
  });
});
