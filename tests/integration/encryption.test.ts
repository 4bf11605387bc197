// Personal data encrypted at rest (issue #14): applicants' IIN, address and phone are sealed
// with AES-256-GCM under TRACKER_DATA_KEY before they reach the database; members still see
// them; a copy of the database file reveals none; searching by IIN goes through a keyed hash;
// rows from before encryption are sealed by setup; `npm run rotate-key` moves every row to a
// new key after which the old one is not needed. Runs on SQLite and PostgreSQL.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, run, type Entries } from "../support/fixtures";
import { testDatabaseKind } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { resetLimits } from "@/lib/rate-limit";
import { createApplicationAction } from "@/lib/actions/applications";
import { getCase } from "@/lib/data/cases";
import { listApplications } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { sealPeople } from "@/lib/data/personal";
import { keyRing, open, ringOf, sealedWith } from "@/lib/crypto/fields";
import { databaseUrl, sqliteFilePath } from "@/lib/db-url";

const IIN = "870412300417";
const ADDRESS = "Tole bi 101, flat 12";
const PHONE = "+7 701 555 0199";

let editorA: Actor, viewerA: Actor, editorB: Actor;
let groupA: string;
let caseId: string;

function application(overrides: Entries = {}): Entries {
  return {
    groupId: groupA,
    "organizerIds[]": [groupA],
    title: "Picket for clean air",
    newAuthorityName: "Akimat of Almaty",
    newAuthorityKind: "akimat",
    newAuthorityCity: "Almaty",
    city: "Almaty",
    purpose: "Clean air",
    filedOn: "2025-05-02",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: "",
    "applicants.0.fullName": "Saule Sealed",
    "applicants.0.idNumber": IIN,
    "applicants.0.address": ADDRESS,
    "applicants.0.phone": PHONE,
    "parts.0.form": "picket",
    "parts.0.place": "Republic Square",
    "parts.0.route": "",
    "parts.0.eventDate": "2025-05-20",
    "parts.0.startTime": "11:00",
    "parts.0.endTime": "12:00",
    "parts.0.expectedParticipants": "1",
    ...overrides,
  };
}

type RawPerson = { id: string; idNumber: string; address: string; phone: string; idNumberHash: string };
const rawPeople = () => db.$queryRaw<RawPerson[]>`SELECT "id", "idNumber", "address", "phone", "idNumberHash" FROM "Person" ORDER BY "id"`;

/** Every byte the database keeps on disk (SQLite), after the WAL is folded into the file. */
async function databaseBytes(): Promise<string> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const file = sqliteFilePath(databaseUrl());
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString("latin1")).join("");
}

async function search(actor: Actor | null, q: string) {
  return (await listApplications(actor, applicationFiltersSchema.parse({ q }))).items.map((i) => i.id);
}

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("sealers", "Sealers")).id;
  const groupB = (await makeGroup("others", "Others")).id;
  editorA = await makeActor("Editor A", [[groupA, "editor"]]);
  viewerA = await makeActor("Viewer A", [[groupA, "viewer"]]);
  editorB = await makeActor("Editor B", [[groupB, "editor"]]);
  const { redirect } = await run(editorA, createApplicationAction, application());
  caseId = redirect!.split("/").pop()!;
});

beforeEach(() => {
  resetLimits();
  session.actor = null;
});

describe("personal data at rest", () => {
  it("stores the IIN, address and phone only as ciphertext and keyed hashes, and shows them to members", async () => {
    const [p] = await rawPeople();
    for (const [v, plain] of [[p.idNumber, IIN], [p.address, ADDRESS], [p.phone, PHONE]]) {
      expect(v).toMatch(/^v1:[0-9a-f]{8}:/);
      expect(v).not.toContain(plain);
    }
    expect(p.idNumberHash).not.toBe("");
    expect(p.idNumberHash).not.toContain(IIN);

    const seen = await getCase(viewerA, caseId);
    expect(seen.applicants.map((a) => a.person)).toEqual([expect.objectContaining({ fullName: "Saule Sealed", idNumber: IIN, address: ADDRESS, phone: PHONE })]);
    // Another group's member never saw them, and does not now.
    const outside = await getCase(editorB, caseId).catch(() => null);
    expect(JSON.stringify(outside ?? "")).not.toContain(IIN);
  });

  it("leaves no plaintext IIN, address or phone in the database's files", async () => {
    if (testDatabaseKind() === "postgres") {
      // PostgreSQL: what a dump (or a stolen disk) holds is what SELECT returns raw.
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "Person"`);
      const dump = JSON.stringify(rows);
      for (const s of [IIN, ADDRESS, PHONE, "870412"]) expect(dump).not.toContain(s);
      return;
    }
    const bytes = await databaseBytes();
    expect(bytes).toContain("Saule Sealed"); // the file is read right: the name is not sealed
    for (const s of [IIN, ADDRESS, PHONE, "Tole bi", "555 0199"]) expect(bytes, s).not.toContain(s);
  });

  it("finds the case by IIN for a member (through the hash) and never for another group", async () => {
    expect(await search(viewerA, IIN)).toEqual([caseId]);
    expect(await search(viewerA, "8704 1230 0417")).toEqual([caseId]);
    expect(await search(viewerA, "870412300418")).toEqual([]);
    expect(await search(editorB, IIN)).toEqual([]);
    expect(await search(null, IIN)).toEqual([]);
  });

  it("does not let an outsider find a published record through a private person's sealed phone or IIN in its text", async () => {
    const person = await db.person.findFirstOrThrow({ where: { groupId: groupA } });
    const app = await db.application.create({
      data: { groupId: groupA, isPublic: true, title: "Published picket", procedure: "notification", purpose: `Call the organizer at 8 701 555 0199, IIN ${IIN}.`, filedOn: "2025-05-03" },
    });
    await db.applicant.create({ data: { applicationId: app.id, personId: person.id } });
    for (const q of ["8 701 555 0199", "701 555 0199", IIN]) {
      expect(await search(null, q), q).toEqual([]);
      expect(await search(editorB, q), q).toEqual([]);
      expect(await search(viewerA, q), q).toContain(app.id);
    }
    expect(await search(null, "Published picket")).toEqual([app.id]);
    await db.applicant.deleteMany({ where: { applicationId: app.id } });
    await db.application.delete({ where: { id: app.id } });
  });

  it("recognizes a repeat applicant by the hash of the IIN: one person, not two", async () => {
    const { redirect } = await run(editorA, createApplicationAction, application({ title: "Second picket", "applicants.0.fullName": "Saule S." }));
    expect(redirect).toMatch(/\/applications\//);
    expect(await db.person.count({ where: { groupId: groupA } })).toBe(1);
  });

  it("seals rows written before encryption (an older database) and leaves sealed ones as they are", async () => {
    const id = "plainperson0000000000001";
    await db.$executeRaw`INSERT INTO "Person" ("id", "groupId", "isPublic", "fullName", "idNumber", "address", "phone", "updatedAt") VALUES (${id}, ${groupA}, ${false}, ${"Old Row"}, ${"650101300222"}, ${"Abay 5"}, ${"+7 777 111 2233"}, ${new Date()})`;
    const before = await rawPeople();
    expect(before.find((r) => r.id === id)!.idNumber).toBe("650101300222");

    expect(await sealPeople(db)).toBe(1);
    const after = await rawPeople();
    const old = after.find((r) => r.id === id)!;
    expect(old.idNumber).toMatch(/^v1:/);
    expect(old.address).toMatch(/^v1:/);
    expect(old.phone).toMatch(/^v1:/);
    // Already-sealed rows were not rewritten (same ciphertext), and a second run changes nothing.
    for (const r of before.filter((r) => r.id !== id)) expect(after.find((a) => a.id === r.id)).toEqual(r);
    expect(await sealPeople(db)).toBe(0);
    expect(await db.person.findUniqueOrThrow({ where: { id } })).toMatchObject({ idNumber: "650101300222", address: "Abay 5", phone: "+7 777 111 2233" });
  });
});

describe("npm run rotate-key", () => {
  it("re-seals every row under a new key: the data stays readable, and afterwards the old key is not needed", async () => {
    const oldKey = process.env.TRACKER_DATA_KEY!;
    const oldKid = keyRing().current.id;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-rotate-"));
    const envFile = path.join(dir, ".env.local");
    fs.writeFileSync(envFile, `NEXTAUTH_SECRET=keep-me\nTRACKER_DATA_KEY=${oldKey}\n`, { mode: 0o600 });
    const env = { ...process.env, TRACKER_ENV_FILE: envFile, TRACKER_DATA_KEY: "" } as NodeJS.ProcessEnv;
    delete env.TRACKER_DATA_KEY_OLD;
    const out = execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/rotate-key.ts"], { env, encoding: "utf8" });
    expect(out).toMatch(/re-sealed 2 people/);

    const saved = fs.readFileSync(envFile, "utf8");
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
    expect(saved).toContain("NEXTAUTH_SECRET=keep-me");
    expect(saved).not.toContain(oldKey);
    expect(saved).not.toContain("TRACKER_DATA_KEY_OLD");
    const newKey = /^TRACKER_DATA_KEY=(.+)$/m.exec(saved)![1];
    expect(newKey).not.toBe(oldKey);

    // Every stored value is now under the new key; the old key opens none of them.
    const newRing = ringOf(newKey);
    for (const r of await rawPeople()) {
      for (const [f, v] of Object.entries({ idNumber: r.idNumber, address: r.address, phone: r.phone })) {
        expect(sealedWith(v)).toBe(newRing.current.id);
        expect(() => open(v, f, ringOf(oldKey))).toThrow();
      }
    }
    expect(newRing.current.id).not.toBe(oldKid);

    // The app with the new key alone: the member sees the values and finds the case by IIN.
    process.env.TRACKER_DATA_KEY = newKey;
    try {
      const seen = await getCase(viewerA, caseId);
      expect(seen.applicants[0].person).toMatchObject({ idNumber: IIN, address: ADDRESS, phone: PHONE });
      expect(await search(viewerA, IIN)).toContain(caseId);
    } finally {
      process.env.TRACKER_DATA_KEY = oldKey;
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // And with the old key alone, nothing opens any more.
    const readIin = async () => (await db.person.findFirstOrThrow({ where: { groupId: groupA, idNumber: { not: "" } } })).idNumber;
    await expect(readIin()).rejects.toThrow(/not in TRACKER_DATA_KEY/);
  });
});

describe("npm run setup", () => {
  // A SQLite database of its own, in the PostgreSQL pass too: what setup does to a fresh
  // server's files is what is tested.
  it("generates TRACKER_DATA_KEY into a 0600 .env.local, and seals rows an older version stored in clear", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-setup-key-"));
    const envFile = path.join(dir, ".env.local");
    const dbFile = path.join(dir, "tracker.db");
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, TRACKER_ENV_FILE: envFile, TRACKER_DATA_KEY: "" } as NodeJS.ProcessEnv;
    const setup = () => execFileSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/setup.ts"], { env, encoding: "utf8" });
    try {
      expect(setup()).toMatch(/generated TRACKER_DATA_KEY/);
      expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
      const key = /^TRACKER_DATA_KEY=(.+)$/m.exec(fs.readFileSync(envFile, "utf8"))![1];
      expect(Buffer.from(key, "base64")).toHaveLength(32);

      // A row as a version before encryption wrote it.
      const { default: Database } = await import("better-sqlite3");
      const sqlite = new Database(dbFile);
      const group = sqlite.prepare(`SELECT "id" FROM "Group" LIMIT 1`).get() as { id: string } | undefined;
      const groupId = group?.id ?? "oldgroup";
      if (!group) sqlite.prepare(`INSERT INTO "Group" ("id", "slug", "name", "createdAt") VALUES (?, ?, ?, ?)`).run(groupId, "old", "Old", Date.now());
      sqlite.prepare(`INSERT INTO "Person" ("id", "groupId", "fullName", "idNumber", "address", "phone", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`).run("oldrow", groupId, "Old Row", "710101300999", "Old street 1", "+7 700 999 0000", Date.now());
      sqlite.close();

      const out = setup();
      expect(out).not.toMatch(/generated TRACKER_DATA_KEY/); // the key is kept
      expect(out).toMatch(/sealed the personal data of 1 people/);
      const check = new Database(dbFile, { readonly: true });
      const row = check.prepare(`SELECT "idNumber", "address", "phone" FROM "Person" WHERE "id" = 'oldrow'`).get() as Record<string, string>;
      check.close();
      expect(Object.values(row).every((v) => sealedWith(v) === ringOf(key).current.id)).toBe(true);
      expect(open(row.idNumber, "idNumber", ringOf(key))).toBe("710101300999");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
