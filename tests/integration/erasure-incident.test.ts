// Erasing a person who appears only on an incident (issue #14): a detained participant named
// on an incident, never an applicant, is erased by a group admin from the incident's edit
// page. Afterwards the values are in no table, no export (JSON, CSV, the group's download),
// no change-log entry and nothing the app printed; the log says an erasure happened (who,
// when) without them; the incident and the case it is linked to stay whole with "[erased]".
// Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, renderChecked, run, type Entries } from "../support/fixtures";
import { testDatabaseKind } from "../support/db";
import { dumpAllTables } from "../support/dump";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { createElement as h } from "react";
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { resetLimits } from "@/lib/rate-limit";
import { createIncidentAction, updateIncidentAction } from "@/lib/actions/incidents";
import { erasePersonAction } from "@/lib/actions/erasure";
import { erasableIncidentPeople } from "@/lib/data/erasure";
import { getIncident } from "@/lib/data/incidents";
import { getCase } from "@/lib/data/cases";
import { exportData, exportToCsvFiles, exportToJson } from "@/lib/data/export";
import { exportGroupForMember } from "@/lib/api/group-export";
import { ErasePersonForms } from "@/components/applications/ErasePersonForm";
import { HistoryList } from "@/components/cases/HistoryList";
import { databaseUrl, sqliteFilePath } from "@/lib/db-url";

const NAME = "Aigerim Detainedova";
const ALT = "Айгерим Задержанова";
const WITNESS = "Dana Witnessova";
const VALUES = [NAME, "Detainedova", ALT, "Задержанова"];

let adminA: Actor, editorA: Actor, adminB: Actor;
let groupA: string;
let caseId: string;
let incidentId: string;
let personId: string;
let witnessId: string;
const printed: string[] = [];
const spies: { mockRestore: () => void }[] = [];

function incident(overrides: Entries = {}): Entries {
  return {
    groupId: groupA,
    kind: "detention",
    title: `Detention of ${NAME} at the picket`,
    occurredOn: "2025-03-08",
    occurredOnPrecision: "day",
    city: "Almaty",
    place: "Republic square",
    description: `${NAME} was taken to the district police station; ${WITNESS} saw it.`,
    perpetrator: "District police",
    newPeople: `${NAME}\n${WITNESS}`,
    "applications[]": [caseId],
    ...overrides,
  };
}

const erase = (actor: Actor, entries: Entries = {}) => run(actor, erasePersonAction, { personId, incidentId, confirm: "on", ...entries });

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let s = "";
  for await (const c of chunks) s += c;
  return s;
}

beforeAll(async () => {
  // Whatever the app prints while erasing is a log too.
  for (const m of ["log", "info", "warn", "error", "debug"] as const) {
    const orig = console[m].bind(console);
    spies.push(vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(" "));
      orig(...args);
    }));
  }
  await loadReference(db);
  groupA = (await makeGroup("detentions", "Detentions")).id;
  const groupB = (await makeGroup("elsewhere", "Elsewhere")).id;
  adminA = await makeActor("Admin A", [[groupA, "admin"]]);
  editorA = await makeActor("Editor A", [[groupA, "editor"]]);
  adminB = await makeActor("Admin B", [[groupB, "admin"]]);
  const app = await db.application.create({
    data: { groupId: groupA, title: "Picket of 8 March", procedure: "notification", city: "Almaty", organizers: { create: { groupId: groupA } }, parts: { create: { form: "picket", place: "Republic square" } } },
  });
  caseId = app.id;
  const created = await run(editorA, createIncidentAction, incident());
  if (!created.redirect) throw new Error(JSON.stringify(created.state));
  incidentId = created.redirect.split("/").pop()!;
  const people = await db.incidentPerson.findMany({ where: { incidentId }, include: { person: true } });
  personId = people.find((l) => l.person.fullName === NAME)!.personId;
  witnessId = people.find((l) => l.person.fullName === WITNESS)!.personId;
  // An edit, so the change log holds the name in an update's before and after; a Russian
  // spelling in our translation and in the person's other spellings.
  const row = await db.incident.findUniqueOrThrow({ where: { id: incidentId } });
  const edit: Entries = { ...incident({ description: `${NAME} was held for 3 hours.`, newPeople: "", "people[]": [personId, witnessId] }), id: incidentId, version: String(row.version) };
  delete edit.groupId;
  const updated = await run(editorA, updateIncidentAction, edit);
  if (!updated.redirect) throw new Error(JSON.stringify(updated.state));
  await db.incident.update({ where: { id: incidentId }, data: { titleRu: `Задержание: ${ALT}`, descriptionRu: `${ALT} задержана.` } });
  await db.person.update({ where: { id: personId }, data: { altNames: ALT, roleTitle: "Participant", roleTitleRu: "Участница" } });
});

afterAll(() => {
  for (const s of spies) s.mockRestore();
});

beforeEach(() => {
  resetLimits();
  session.actor = null;
  session.locale = "en";
});

describe("erasing a person an incident names", () => {
  it("is offered on the incident's edit page to the group's admin only, and refused to others; nothing changes", async () => {
    expect((await erasableIncidentPeople(adminA, incidentId)).map((p) => p.fullName).sort()).toEqual([NAME, WITNESS].sort());
    await expect(erasableIncidentPeople(editorA, incidentId)).rejects.toThrow();
    await expect(erasableIncidentPeople(adminB, incidentId)).rejects.toThrow();
    for (const locale of ["en", "ru", "kk"] as const) {
      const html = renderChecked(h(ErasePersonForms, { incidentId, people: await erasableIncidentPeople(adminA, incidentId), erased: false }), locale);
      expect(html).toContain(`name="incidentId" value="${incidentId}"`);
      expect(html).toContain(`name="personId" value="${personId}"`);
      expect(html).not.toContain('name="applicationId"');
    }
    expect(renderChecked(h(ErasePersonForms, { incidentId, people: [], erased: false }), "ru")).toContain("Ни одного человека, упомянутого в этом инциденте");

    const before = await dumpAllTables();
    expect(before).toContain(NAME);
    for (const who of [editorA, adminB]) {
      const refused = await erase(who);
      expect(refused.redirect).toBeNull();
      expect(refused.state?.ok).toBe(false);
    }
    const unticked = await erase(adminA, { confirm: "" });
    expect(unticked.redirect).toBeNull();
    expect(unticked.state?.errors?.confirm).toEqual(["required"]);
    // Neither page named, or both: nothing to go back to, nothing erased.
    const nowhere = await run(adminA, erasePersonAction, { personId, confirm: "on" });
    expect(nowhere.redirect).toBeNull();
    expect(nowhere.state?.ok).toBe(false);
    const both = await erase(adminA, { applicationId: caseId });
    expect(both.redirect).toBeNull();
    expect(await dumpAllTables()).toBe(before);
  });

  it("removes the values from every table, export and log; the incident and its case stay whole", async () => {
    printed.length = 0;
    const { redirect } = await erase(adminA);
    expect(redirect).toBe(`/incidents/${incidentId}/edit?erased=1`);

    const dump = await dumpAllTables();
    for (const v of VALUES) expect(dump, v).not.toContain(v);
    expect(dump).toContain(WITNESS); // only the person asked for
    expect(dump).not.toContain("Участница");

    const doc = await exportData(db);
    const json = exportToJson(doc);
    for (const v of VALUES) expect(json, v).not.toContain(v);
    const csv = Object.values(exportToCsvFiles(doc)).join("\n");
    for (const v of VALUES) expect(csv, v).not.toContain(v);
    const mine = await exportGroupForMember(adminA, "detentions");
    const download = (await collect(mine.json())) + (await collect(mine.csv("people"))) + (await collect(mine.csv("incidents"))) + (await collect(mine.csv("changeLog")));
    expect(download).toContain("[erased]");
    for (const v of VALUES) expect(download, v).not.toContain(v);
    for (const v of VALUES) expect(printed.join("\n"), v).not.toContain(v);

    // The incident is whole: both people, its texts with "[erased]" where the name was.
    const seen = await getIncident(adminA, incidentId, "ru");
    expect(seen.people.map((p) => p.fullName).sort()).toEqual(["[erased]", WITNESS].sort());
    expect(seen.title).toBe("Detention of [erased] at the picket");
    const raw = await db.incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(raw).toMatchObject({ description: "[erased] was held for 3 hours.", titleRu: "Задержание: [erased]", descriptionRu: "[erased] задержана." });
    expect(await db.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({ fullName: "[erased]", altNames: "", roleTitle: "", roleTitleRu: "" });

    // The log: that it happened, by whom, when; in the history of the case the incident is linked to.
    const entries = await db.changeLog.findMany({ where: { entity: "Person", entityId: personId, action: "erase" } });
    expect(entries.length).toBe(2); // the group's, and the linked case's
    for (const e of entries) {
      expect(e.userName).toBe("Admin A");
      expect(Date.now() - e.at.getTime()).toBeLessThan(60_000);
    }
    const c = await getCase(adminA, caseId);
    expect(c.incidents[0].title).toBe("Detention of [erased] at the picket");
    const html = renderChecked(h(HistoryList, { history: c.history }), "en");
    expect(html).toContain("erased the personal data of a person");
    // The incident's earlier history reads "[erased]" where the name was.
    const earlier = await db.changeLog.findMany({ where: { entity: "Incident", entityId: incidentId } });
    expect(earlier.some((e) => e.before.includes("[erased] was taken"))).toBe(true);

    // No longer offered; erasing again is refused.
    expect((await erasableIncidentPeople(adminA, incidentId)).map((p) => p.fullName)).toEqual([WITNESS]);
    const again = await erase(adminA);
    expect(again.redirect).toBeNull();
    expect(again.state?.ok).toBe(false);
  });

  it("leaves no trace of the erased name in the SQLite file's bytes either", async () => {
    if (testDatabaseKind() === "postgres") return; // PostgreSQL's pages are the server's; the tables above are what a dump holds
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const file = sqliteFilePath(databaseUrl());
    const bytes = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("utf8")).join("");
    expect(bytes).toContain(WITNESS);
    for (const v of VALUES) expect(bytes, v).not.toContain(v);
  });
});
