// A threatened group takes all its data out: 5,000 applications (with parts, applicants and
// organizers) export in one piece through the API, the JSON is complete, and it imports into
// a new database that exports the same document again.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fs from "node:fs";
import { session } from "../support/session";
import { makeActor, makeGroup } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { createPrismaClient, type Db } from "@/lib/db-client";
import type { Actor } from "@/lib/auth/access";
import { entityToCsv, exportData, exportToJson, type ExportDocument } from "@/lib/data/export";
import { importData } from "@/lib/data/import-data";
import { GET as exportGET } from "@/app/api/v1/export/route";
import { freshTestDatabaseFile } from "../support/db";

const N = 5000;
let group: { id: string; slug: string };
let member: Actor;
const target = freshTestDatabaseFile();
let targetClient: Db;

beforeAll(async () => {
  group = await makeGroup("large", "Large group");
  const other = await makeGroup("other", "Other group");
  member = await makeActor("Member", [[group.id, "viewer"]]);
  const person = await db.person.create({ data: { groupId: group.id, fullName: "Applicant" } });
  const ids = Array.from({ length: N }, (_, i) => `app-${String(i).padStart(5, "0")}`);
  for (let i = 0; i < N; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.application.createMany({ data: chunk.map((id, j) => ({ id, groupId: group.id, title: `Application ${i + j}`, procedure: "notification", city: "Almaty" })) });
    await db.part.createMany({ data: chunk.map((id) => ({ applicationId: id, form: "picket" })) });
    await db.applicationGroup.createMany({ data: chunk.map((id) => ({ applicationId: id, groupId: group.id })) });
    await db.applicant.createMany({ data: chunk.map((id) => ({ applicationId: id, personId: person.id })) });
  }
  await db.application.create({ data: { groupId: other.id, title: "Not theirs", procedure: "notification" } });
  targetClient = createPrismaClient(target.url);
}, 120_000);

afterAll(async () => {
  await targetClient.$disconnect();
  fs.rmSync(target.dir, { recursive: true, force: true });
});

describe("a group's export with 5,000 applications", () => {
  it("succeeds through the API, is complete, and round-trips through import", async () => {
    session.actor = member;
    const res = await exportGET(new Request(`http://tracker.test/api/v1/export?group=${group.slug}`));
    expect(res.status).toBe(200);
    const text = await res.text();
    const doc = JSON.parse(text) as ExportDocument;
    expect(doc.entities.applications).toHaveLength(N);
    expect(doc.entities.parts).toHaveLength(N);
    expect(doc.entities.applicants).toHaveLength(N);
    expect(doc.entities.applicationGroups).toHaveLength(N);
    expect(new Set(doc.entities.applications.map((a) => a.id)).size).toBe(N);
    expect(text).not.toContain("Not theirs");
    // The streamed text is the same document the in-memory export gives.
    expect(text).toBe(exportToJson(await exportData(db, { groupId: group.id })));

    await importData(targetClient, doc);
    expect(await targetClient.application.count()).toBe(N);
    expect(exportToJson(await exportData(targetClient))).toBe(exportToJson({ ...doc, scope: { groupId: null, groupSlug: null } }));
  }, 180_000);

  it("serves one entity as CSV with every row", async () => {
    session.actor = member;
    const res = await exportGET(new Request(`http://tracker.test/api/v1/export?group=${group.slug}&format=csv&entity=applications`));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark spreadsheets need
    const text = new TextDecoder().decode(bytes); // drops the mark
    expect(text.split("\r\n")).toHaveLength(N + 2); // header, N rows, the final line end
    expect(text).toBe(`${entityToCsv("applications", (await exportData(db, { groupId: group.id })).entities.applications)}`);
  }, 60_000);
});
