// Export and import: every entity with its links, no credentials, export → import → export
// gives the same document; a member's download of their own group's data.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { loadReference } from "@/prisma/seed/reference";
import { createApiToken } from "@/lib/data/api-tokens";
import { verifyPassword } from "@/lib/auth/password";
import { resetLimits } from "@/lib/rate-limit";
import { ENTITIES, ENTITY_NAMES, exportData, exportToCsvFiles, exportToJson, type ExportDocument } from "@/lib/data/export";
import { ImportError, importData } from "@/lib/data/import-data";
import { GET as exportGET } from "@/app/api/v1/export/route";
import { freshTestDatabaseFile } from "../support/db";

const cleanup: (() => void)[] = [];
const clients: Db[] = [];
function freshDb(): { client: Db; url: string } {
  const t = freshTestDatabaseFile();
  cleanup.push(() => fs.rmSync(t.dir, { recursive: true, force: true }));
  const client = createPrismaClient(t.url);
  clients.push(client);
  return { client, url: t.url };
}
afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  for (const f of cleanup) f();
});

let kazfem: { id: string; slug: string };
let feminita: { id: string; slug: string };
let member: Actor;
let doc: ExportDocument;

beforeAll(async () => {
  await loadReference(db);
  kazfem = await makeGroup("kazfem", "KazFem", { city: "Almaty" });
  feminita = await makeGroup("feminita", "Feminita");
  member = await makeActor("Aigerim", [[kazfem.id, "admin"]], { email: "aigerim@example.org", passwordHash: "$2b$12$secret-hash-that-must-not-leave", locale: "ru" });
  await makeActor("Dana", [[feminita.id, "viewer"]], { email: "dana@example.org", passwordHash: "$2b$12$another-secret-hash" });
  await createApiToken(member, "script");
  await db.invitation.create({ data: { groupId: kazfem.id, email: "new@example.org", role: "viewer", tokenHash: "invitation-hash", createdById: member.userId, expiresAt: new Date("2030-01-01") } });

  const akimat = await db.authority.create({ data: { name: "Akimat of Almaty", nameRu: "Акимат Алматы", kind: "akimat", city: "Almaty" } });
  const works = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });
  const person = await db.person.create({ data: { groupId: kazfem.id, fullName: "Organizer", idNumber: "900101400123", altNames: "Органайзер" } });
  const app = await db.application.create({
    data: {
      groupId: kazfem.id,
      isPublic: true,
      title: "Women's march «2023»",
      procedure: "approval",
      city: "Almaty",
      authorityId: akimat.id,
      filedOn: "2023-03-20",
      answerDueOn: "2023-03-29",
      notes: 'Quotes "inside", commas, and\na new line',
      createdById: member.userId,
      organizers: { create: [{ groupId: kazfem.id }, { groupId: feminita.id }] },
      applicants: { create: [{ personId: person.id }] },
      parts: { create: [{ form: "march", eventDate: "2024-03-08", expectedParticipants: 300, equipment: "sound", outcome: "refused" }] },
    },
    include: { parts: true },
  });
  const answer = await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: "2023-03-24",
      statedReason: "Ремонтные работы",
      partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] },
      grounds: { create: [{ groundId: works.id, words: "works" }] },
      evidence: { create: [{ stance: "contests", description: "No works seen." }] },
    },
  });
  await db.appealStage.create({
    data: {
      applicationId: app.id,
      kind: "first_instance",
      bodyId: akimat.id,
      hearings: { create: [{ heldOn: "2023-04-12" }] },
      ruling: { create: { decidedOn: "2023-04-21", outcome: "upheld" } },
    },
  });
  await db.event.create({ data: { applicationId: app.id, kind: "not_held" } });
  await db.incident.create({
    data: {
      groupId: kazfem.id,
      kind: "fine",
      title: "Fine",
      amount: 69000,
      currency: "KZT",
      people: { create: [{ personId: person.id }] },
      groups: { create: [{ groupId: kazfem.id }] },
      applications: { create: [{ applicationId: app.id }] },
    },
  });
  const source = await db.source.create({ data: { groupId: kazfem.id, isPublic: true, slug: "fld", title: "FLD" } });
  await db.citation.create({ data: { sourceId: source.id, recordType: "Answer", recordId: answer.id, quote: "refused" } });
  await db.changeLog.create({ data: { userId: member.userId, userName: "Aigerim", groupId: kazfem.id, entity: "Application", entityId: app.id, caseId: app.id, action: "create", after: "{}" } });
  await db.shareLink.create({
    data: { applicationId: app.id, groupId: kazfem.id, tokenHash: "share-hash", sections: "parts", createdById: member.userId, expiresAt: new Date("2030-01-01"), accesses: { create: [{ clientHash: "c", result: "ok" }] } },
  });

  // Feminita's private record: not part of KazFem's download.
  const priv = await db.application.create({
    data: { groupId: feminita.id, title: "Feminita private", procedure: "notification", organizers: { create: [{ groupId: feminita.id }] }, parts: { create: [{ form: "picket" }] } },
  });
  await db.person.create({ data: { groupId: feminita.id, fullName: "Feminita person", idNumber: "920303400789" } });
  await db.changeLog.create({ data: { groupId: feminita.id, entity: "Application", entityId: priv.id, action: "create" } });

  doc = await exportData(db);
});

beforeEach(async () => {
  session.actor = null;
  await resetLimits();
});

describe("export", () => {
  it("writes every entity with its declared columns, and no credentials", () => {
    for (const e of ENTITIES) {
      expect(doc.entities[e.name].length, e.name).toBeGreaterThan(0);
      for (const row of doc.entities[e.name]) expect(Object.keys(row), e.name).toEqual([...e.columns]);
    }
    const text = exportToJson(doc);
    expect(text).not.toMatch(/passwordHash|tokenHash|secret-hash|invitation-hash|share-hash/);
    expect(Object.keys(doc.entities)).not.toEqual(expect.arrayContaining(["apiTokens", "invitations", "shareLinks"]));
    expect(doc.entities.users.map((u) => u.email)).toEqual(expect.arrayContaining(["aigerim@example.org", "dana@example.org"]));
    expect(doc.scope).toEqual({ groupId: null, groupSlug: null });
  });

  it("is deterministic", async () => {
    expect(exportToJson(await exportData(db))).toBe(exportToJson(doc));
  });

  it("writes one CSV file per entity that reads back to the same rows", () => {
    const files = exportToCsvFiles(doc);
    expect(Object.keys(files)).toEqual(ENTITY_NAMES.map((n) => `${n}.csv`));
    const apps = Papa.parse<Record<string, string>>(files["applications.csv"], { header: true, skipEmptyLines: true });
    expect(apps.meta.fields).toEqual([...ENTITIES.find((e) => e.name === "applications")!.columns]);
    expect(apps.data).toHaveLength(doc.entities.applications.length);
    const march = apps.data.find((r) => r.title === "Women's march «2023»")!;
    expect(march.notes).toBe('Quotes "inside", commas, and\na new line');
    expect(march.isPublic).toBe("true");
    expect(march.authorityId).not.toBe("");
  });
});

describe("import", () => {
  it("loads an export into a new database (replacing setup's reference data); exporting again gives the same document", async () => {
    const target = freshDb().client;
    await loadReference(target); // what setup leaves in a new database
    const counts = await importData(target, JSON.parse(exportToJson(doc)));
    expect(counts.applications).toBe(doc.entities.applications.length);
    const again = await exportData(target);
    expect(exportToJson(again)).toBe(exportToJson(doc));
  });

  it("gives imported users a password nothing matches", async () => {
    const target = freshDb().client;
    await importData(target, doc);
    const users = await target.user.findMany();
    expect(users).toHaveLength(2);
    for (const u of users) {
      expect(u.passwordHash).not.toMatch(/secret/);
      expect(await verifyPassword("", u.passwordHash)).toBe(false);
      expect(await verifyPassword(u.passwordHash, u.passwordHash)).toBe(false);
    }
    expect(await target.apiToken.count()).toBe(0);
  });

  it("refuses a database that already holds records, and changes nothing", async () => {
    const target = freshDb().client;
    await importData(target, doc);
    const before = await target.application.count();
    await expect(importData(target, doc)).rejects.toThrow(ImportError);
    await expect(importData(target, doc)).rejects.toThrow(/not empty/);
    expect(await target.application.count()).toBe(before);
  });

  it("refuses what is not an export", async () => {
    const target = freshDb().client;
    await expect(importData(target, { format: "something-else" })).rejects.toThrow(/not an export/);
    await expect(importData(target, { ...doc, version: 2 })).rejects.toThrow(ImportError);
    expect(await target.group.count()).toBe(0);
  });

  it("round-trips through the npm scripts", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-export-"));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const tsx = path.resolve("node_modules/.bin/tsx");
    const run = (url: string, args: string[]) =>
      execFileSync(tsx, args, { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const first = path.join(dir, "first.json");
    const second = path.join(dir, "second.json");
    run(process.env.DATABASE_URL!, ["scripts/export.ts", "--format", "json", "--out", first]);
    const target = freshDb();
    expect(run(target.url, ["scripts/import.ts", first])).toMatch(/records loaded/);
    run(target.url, ["scripts/export.ts", "--format", "json", "--out", second]);
    expect(fs.readFileSync(second, "utf8")).toBe(fs.readFileSync(first, "utf8"));
    expect(() => run(target.url, ["scripts/import.ts", first])).toThrow(/not empty/);
    run(target.url, ["scripts/export.ts", "--format", "csv", "--out", path.join(dir, "csv")]);
    // One CSV per entity, and the manifest of attached documents (npm run export writes it beside them).
    expect(fs.readdirSync(path.join(dir, "csv")).sort()).toEqual([...ENTITY_NAMES.map((n) => `${n}.csv`), "documents.json"].sort());
  }, 120_000);
});

describe("GET /api/v1/export (a member's own group)", () => {
  const req = (q: string, token?: string) => new Request(`http://tracker.test/api/v1/export?${q}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("gives a member their group's records and nothing of other groups' private ones", async () => {
    session.actor = member;
    const res = await exportGET(req(`group=${kazfem.slug}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/kazfem-export-\d{4}-\d{2}-\d{2}\.json/);
    const group = (await res.json()) as ExportDocument;
    expect(group.scope).toEqual({ groupId: kazfem.id, groupSlug: "kazfem" });
    expect(group.entities.applications.map((a) => a.title)).toEqual(["Women's march «2023»"]);
    expect(group.entities.people.map((p) => p.fullName)).toEqual(["Organizer"]);
    expect(group.entities.users.map((u) => u.email)).toEqual(["aigerim@example.org"]);
    expect(group.entities.changeLog.every((c) => c.groupId === kazfem.id)).toBe(true);
    expect(JSON.stringify(group)).not.toMatch(/Feminita private|920303400789|passwordHash/);
    // Co-organizer groups are named so the links hold; the group's data imports on its own.
    expect(group.entities.groups.map((g) => g.slug).sort()).toEqual(["feminita", "kazfem"]);
    const target = freshDb().client;
    await importData(target, group);
    expect(exportToJson(await exportData(target))).toBe(exportToJson({ ...group, scope: { groupId: null, groupSlug: null } }));
  });

  it("serves one entity as CSV", async () => {
    session.actor = member;
    const res = await exportGET(req(`group=${kazfem.slug}&format=csv&entity=answers`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(await res.text()).toContain("Ремонтные работы");
    expect((await exportGET(req(`group=${kazfem.slug}&format=csv&entity=passwords`))).status).toBe(400);
    expect((await exportGET(req(`group=${kazfem.slug}&format=csv`))).status).toBe(400);
  });

  it("accepts a member's API token made with the export scope (a read-only one is 403)", async () => {
    const { token } = await createApiToken(member, "backup job", { scopes: ["read", "export"] });
    expect((await exportGET(req(`group=${kazfem.slug}`, token))).status).toBe(200);
    const { token: readOnly } = await createApiToken(member, "reader");
    const refused = await exportGET(req(`group=${kazfem.slug}`, readOnly));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("missing_scope");
  });

  it("is 401 without credentials and 404 for a group one is not in", async () => {
    const anon = await exportGET(req(`group=${kazfem.slug}`));
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBe("members_only");
    session.actor = member;
    expect((await exportGET(req(`group=${feminita.slug}`))).status).toBe(404);
    expect((await exportGET(req("group=nope"))).status).toBe(404);
    expect((await exportGET(req(""))).status).toBe(400);
  });
});
