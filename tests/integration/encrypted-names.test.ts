// Names encrypted at rest where a group chooses (issue 14): with "encrypt people's names" on,
// the group's people's names and other spellings are sealed like ID numbers, earlier history
// no longer shows them, and new people are sealed as they are written; members see them and
// find the case by a name (keyed word hashes, across scripts); outsiders still cannot find the
// group's records through them; another group's names are untouched; key rotation keeps them
// readable and findable; turning it off stores them plain again. SQLite and PostgreSQL.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, run, type Entries } from "../support/fixtures";
import { testDatabaseKind } from "../support/db";
import { dumpAllTables } from "../support/dump";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { resetLimits } from "@/lib/rate-limit";
import { createApplicationAction, setApplicationPublicAction } from "@/lib/actions/applications";
import { createIncidentAction } from "@/lib/actions/incidents";
import { setGroupEncryptNamesAction } from "@/lib/actions/person-names";
import { getCase } from "@/lib/data/cases";
import { getStats } from "@/lib/data/stats";
import { statsFiltersSchema } from "@/lib/validation/stats";
import { applicationsWhere } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { getIncident } from "@/lib/data/incidents";
import { exportData, exportToJson } from "@/lib/data/export";
import { peopleNotOnCurrentKey, sealPeople } from "@/lib/data/personal";
import { isSealed, sealedWith, ringOf } from "@/lib/crypto/fields";
import { databaseUrl, sqliteFilePath } from "@/lib/db-url";

const NAME = "Zhanar Saparovna-Hiddenkyzy";
const CYRILLIC = "Жанар"; // the same first name, as a Russian text writes it
const INCIDENT_NAME = "Madina Secretbekova";
const LATER_NAME = "Zarina Afterwardsova";
const OTHER_NAME = "Bota Plainbekova";
const SECRETS = ["Saparovna", "Hiddenkyzy", "Secretbekova", "Afterwardsova"];

let adminA: Actor, editorA: Actor, editorB: Actor;
let groupA: string, groupB: string;
let caseA: string, caseB: string, incidentA: string;

function application(groupId: string, title: string, applicant: string, overrides: Entries = {}): Entries {
  return {
    groupId,
    "organizerIds[]": [groupId],
    title,
    newAuthorityName: "Akimat of Almaty",
    newAuthorityKind: "akimat",
    newAuthorityCity: "Almaty",
    city: "Almaty",
    purpose: "",
    filedOn: "2025-06-02",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: "",
    "applicants.0.fullName": applicant,
    "applicants.0.idNumber": "",
    "applicants.0.address": "",
    "applicants.0.phone": "",
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

async function create(actor: Actor, entries: Entries): Promise<string> {
  const { redirect, state } = await run(actor, createApplicationAction, entries);
  if (!redirect) throw new Error(JSON.stringify(state));
  return redirect.split("/").pop()!;
}

// The list's own where clause (its cached pages would outlive the direct edits below).
const search = async (actor: Actor | null, q: string) => (await db.application.findMany({ where: applicationsWhere(actor, applicationFiltersSchema.parse({ q })), select: { id: true }, orderBy: { id: "asc" } })).map((i) => i.id);
const setEncrypt = (actor: Actor, on: boolean) => run(actor, setGroupEncryptNamesAction, { groupId: groupA, encryptNames: on ? "on" : "off" });

async function sqliteBytes(): Promise<string> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const file = sqliteFilePath(databaseUrl());
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("utf8")).join("");
}

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("quiet", "Quiet Group")).id;
  groupB = (await makeGroup("loud", "Loud Group")).id;
  adminA = await makeActor("Admin A", [[groupA, "admin"]]);
  editorA = await makeActor("Editor A", [[groupA, "editor"]]);
  editorB = await makeActor("Editor B", [[groupB, "editor"]]);
  caseA = await create(editorA, application(groupA, "Picket at the dam", NAME));
  caseB = await create(editorB, application(groupB, "Picket at the river", OTHER_NAME));
  const { redirect } = await run(editorA, createIncidentAction, { groupId: groupA, kind: "detention", title: "Detention after the picket", occurredOn: "2025-06-20", occurredOnPrecision: "day", newPeople: INCIDENT_NAME, "applications[]": [caseA] });
  incidentA = redirect!.split("/").pop()!;
});

beforeEach(() => {
  resetLimits();
  session.actor = null;
  session.locale = "en";
});

describe("encrypting a group's people's names", () => {
  it("is for the group's admins only; refused, nothing changes", async () => {
    const before = await dumpAllTables();
    for (const who of [editorA, editorB]) {
      const r = await setEncrypt(who, true);
      expect(r.state?.ok).toBe(false);
    }
    expect(await dumpAllTables()).toBe(before);
    expect(before).toContain("Hiddenkyzy"); // plain until the group chooses
  });

  it("seals every name of the group, masks them in the history; members see and find them; the other group is untouched", async () => {
    const r = await setEncrypt(adminA, true);
    expect(r.state).toMatchObject({ ok: true, message: "names_encrypted" });
    // A person added afterwards is sealed as written.
    await create(editorA, application(groupA, "Second picket", LATER_NAME));

    const dump = await dumpAllTables();
    for (const s of SECRETS) expect(dump, s).not.toContain(s);
    expect(dump).toContain(OTHER_NAME);
    const rows = await db.$queryRawUnsafe<{ fullName: string; groupId: string; nameHashes: string }[]>(`SELECT "fullName", "groupId", "nameHashes" FROM "Person"`);
    for (const p of rows.filter((p) => p.groupId === groupA)) {
      expect(isSealed(p.fullName)).toBe(true);
      expect(p.nameHashes).toMatch(/^ ([0-9a-f]{32} )+$/);
    }
    expect(rows.find((p) => p.groupId === groupB)).toMatchObject({ fullName: OTHER_NAME, nameHashes: "" });
    if (testDatabaseKind() === "sqlite") {
      const bytes = await sqliteBytes();
      for (const s of SECRETS) expect(bytes, s).not.toContain(s);
      expect(bytes).toContain(OTHER_NAME);
    }

    // Members read them as before: the case, the incident, their export.
    const c = await getCase(editorA, caseA);
    expect(c.applicants.map((a) => a.person.fullName)).toEqual([NAME]);
    expect((await getIncident(editorA, incidentA, "en")).people.map((p) => p.fullName)).toEqual([INCIDENT_NAME]);
    const exported = exportToJson(await exportData(db, { groupId: groupA }));
    expect(exported).toContain(NAME);
    expect(exported).not.toContain("nameHashes"); // the server's search aid, made with its key
    expect(exported).toMatch(/"encryptNames":\s*true/); // an import into another server keeps the choice
    // The history says a person was added, not who.
    const logged = await db.changeLog.findMany({ where: { entity: "Person", groupId: groupA } });
    expect(logged.length).toBeGreaterThanOrEqual(3);
    for (const e of logged) expect(`${e.before}${e.after}`).not.toMatch(/Hiddenkyzy|Secretbekova|Afterwardsova/);
    expect(logged.some((e) => e.after.includes("[personal data]"))).toBe(true);

    // A member finds the case by any word of a name, in either script; an outsider does not.
    expect(await search(editorA, "Hiddenkyzy")).toEqual([caseA]);
    expect(await search(editorA, "saparovna-hiddenkyzy")).toEqual([caseA]);
    expect(await search(editorA, CYRILLIC)).toEqual([caseA]);
    expect(await search(editorA, "Afterwardsova")).toHaveLength(1);
    expect(await search(editorA, "Nobodyova")).toEqual([]);
    expect(await search(editorB, "Hiddenkyzy")).toEqual([]);
    expect(await search(editorB, OTHER_NAME)).toEqual([caseB]); // the other group: plain, as before
  });

  it("still keeps an outsider from finding a published case through a private person's name", async () => {
    // A title quoting the applicant (a title is not a name field: it stays plain).
    await db.application.update({ where: { id: caseA }, data: { title: `Picket of Hiddenkyzy at the dam` } });
    await run(editorA, setApplicationPublicAction, { id: caseA, isPublic: "on" });
    expect((await db.application.findUniqueOrThrow({ where: { id: caseA } })).isPublic).toBe(true);
    expect(await search(null, "Picket of")).toEqual([caseA]); // published: anyone finds it by its title …
    expect(await search(null, "Hiddenkyzy")).toEqual([]); // … but not by the private person's name in it
    expect(await search(editorB, "Hiddenkyzy")).toEqual([]);
    expect(await search(editorA, "Hiddenkyzy")).toEqual([caseA]);
    // Nor do the statistics quote a refusal's wording that names them (a reused wording).
    const part = await db.part.findFirstOrThrow({ where: { applicationId: caseA } });
    for (const receivedOn of ["2023-05-05", "2024-05-05"]) {
      await db.answer.create({ data: { applicationId: caseA, receivedOn, statedReason: `Dear ${NAME}, the square is under repair.`, outcome: "refused", partOutcomes: { create: [{ partId: part.id, outcome: "refused" }] } } });
    }
    const reused = async (actor: Actor | null) => (await getStats(actor, statsFiltersSchema.parse({}))).pretext.reusedReasons.map((r) => r.text);
    expect(await reused(editorA)).toContain(`Dear ${NAME}, the square is under repair.`);
    for (const actor of [null, editorB]) expect(JSON.stringify(await getStats(actor, statsFiltersSchema.parse({})))).not.toContain("Hiddenkyzy");
    await db.answer.deleteMany({ where: { applicationId: caseA } });
    await db.application.update({ where: { id: caseA }, data: { title: "Picket at the dam", isPublic: false } });
  });

  it("survives npm run rotate-key: re-sealed under the new key, still read and found", async () => {
    const oldKey = process.env.TRACKER_DATA_KEY!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-rotate-names-"));
    const envFile = path.join(dir, ".env.local");
    fs.writeFileSync(envFile, `TRACKER_DATA_KEY=${oldKey}\n`, { mode: 0o600 });
    const env = { ...process.env, TRACKER_ENV_FILE: envFile, TRACKER_DATA_KEY: "" } as NodeJS.ProcessEnv;
    delete env.TRACKER_DATA_KEY_OLD;
    try {
      execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/rotate-key.ts"], { env, encoding: "utf8" });
      const newKey = /^TRACKER_DATA_KEY=(.+)$/m.exec(fs.readFileSync(envFile, "utf8"))![1];
      const kid = ringOf(newKey).current.id;
      const rows = await db.$queryRawUnsafe<{ fullName: string; altNames: string; groupId: string }[]>(`SELECT "fullName", "altNames", "groupId" FROM "Person"`);
      for (const p of rows.filter((p) => p.groupId === groupA)) expect(sealedWith(p.fullName)).toBe(kid);
      process.env.TRACKER_DATA_KEY = newKey;
      expect(await peopleNotOnCurrentKey(db)).toBe(0);
      expect((await getCase(editorA, caseA)).applicants[0].person.fullName).toBe(NAME);
      expect(await search(editorA, "Hiddenkyzy")).toEqual([caseA]);
    } finally {
      // Back under the key this test process holds, as rotate-key would move them.
      const newKey = /^TRACKER_DATA_KEY=(.+)$/m.exec(fs.readFileSync(envFile, "utf8"))?.[1];
      process.env.TRACKER_DATA_KEY = oldKey;
      if (newKey && newKey !== oldKey) {
        process.env.TRACKER_DATA_KEY_OLD = newKey;
        await sealPeople(db);
        delete process.env.TRACKER_DATA_KEY_OLD;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("turned off, stores the names plain again", async () => {
    expect((await setEncrypt(adminA, false)).state).toMatchObject({ ok: true, message: "names_plain" });
    const rows = await db.$queryRawUnsafe<{ fullName: string; groupId: string; nameHashes: string }[]>(`SELECT "fullName", "groupId", "nameHashes" FROM "Person"`);
    expect(rows.filter((p) => p.groupId === groupA).map((p) => p.fullName).sort()).toEqual([INCIDENT_NAME, NAME, LATER_NAME].sort());
    expect(rows.every((p) => p.nameHashes === "")).toBe(true);
    expect(await search(editorA, "Hiddenkyzy")).toEqual([caseA]);
  });
});
