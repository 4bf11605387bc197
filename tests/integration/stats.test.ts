// The statistics against a small history whose figures were worked out by hand (see the
// comments next to each expectation).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { computeStats, getStats, getStatsFilterOptions } from "@/lib/data/stats";
import type { Actor } from "@/lib/auth/access";
import type { StatsFigures } from "@/lib/validation/stats";
import { statsFiguresSchema } from "@/lib/validation/stats";
import { GET as csvGET } from "@/app/(public)/stats/csv/[table]/route";
import { makeActor, makeGroup } from "../support/fixtures";

// No test signs in (session.actor stays null): the CSV route is called as an anonymous visitor.
vi.mock("@/lib/auth/session", () => import("../support/session"));

interface PartSpec {
  form: string;
  eventDate?: string;
  outcome: string; // the part's current outcome, as recomputeCase leaves it
}
interface AnswerSpec {
  receivedOn?: string;
  outcomes: Record<number, string>; // part index → outcome in this answer
  grounds?: string[];
  statedReason?: string;
  alternativeOffered?: boolean;
  evidence?: ("contests" | "supports")[];
}
interface CaseSpec {
  title: string;
  groupId: string;
  organizers?: string[];
  isPublic?: boolean;
  city: string;
  authorityId: string;
  filedOn?: string;
  filedOnPrecision?: string;
  filedBefore?: string;
  answerDueOn?: string;
  requestCount?: number;
  parts: PartSpec[];
  answers?: AnswerSpec[];
  appeals?: { kind: string; filedOn: string; ruling?: string }[];
}

async function makeCase(spec: CaseSpec) {
  const grounds = new Map((await db.refusalGround.findMany()).map((g) => [g.code, g.id]));
  const app = await db.application.create({
    data: {
      title: spec.title,
      groupId: spec.groupId,
      isPublic: spec.isPublic ?? true,
      procedure: "approval",
      city: spec.city,
      authorityId: spec.authorityId,
      filedOn: spec.filedOn ?? null,
      filedOnPrecision: spec.filedOnPrecision ?? "day",
      filedBefore: spec.filedBefore ?? null,
      answerDueOn: spec.answerDueOn ?? null,
      requestCount: spec.requestCount ?? 1,
      organizers: { create: (spec.organizers ?? [spec.groupId]).map((groupId) => ({ groupId })) },
    },
  });
  const parts: { id: string }[] = [];
  for (const [i, p] of spec.parts.entries()) {
    parts.push(await db.part.create({ data: { applicationId: app.id, position: i, form: p.form, eventDate: p.eventDate ?? null, outcome: p.outcome } }));
  }
  for (const a of spec.answers ?? []) {
    await db.answer.create({
      data: {
        applicationId: app.id,
        receivedOn: a.receivedOn ?? null,
        receivedOnPrecision: a.receivedOn ? "day" : "unknown",
        statedReason: a.statedReason ?? "",
        alternativeOffered: a.alternativeOffered ?? false,
        partOutcomes: { create: Object.entries(a.outcomes).map(([i, outcome]) => ({ partId: parts[Number(i)].id, outcome })) },
        grounds: { create: (a.grounds ?? []).map((code) => ({ groundId: grounds.get(code)! })) },
        evidence: { create: (a.evidence ?? []).map((stance) => ({ stance, description: `organizers observed (${stance})` })) },
      },
    });
  }
  for (const s of spec.appeals ?? []) {
    await db.appealStage.create({
      data: { applicationId: app.id, kind: s.kind, filedOn: s.filedOn, ...(s.ruling ? { ruling: { create: { outcome: s.ruling, decidedOn: s.filedOn } } } : {}) },
    });
  }
  return app;
}

let kazfem: string, feminita: string, almaty: string, shymkent: string;
let member: Actor;

beforeAll(async () => {
  await loadReference(db);
  kazfem = (await makeGroup("kazfem", "KazFem")).id;
  feminita = (await makeGroup("feminita", "Feminita")).id;
  almaty = (await db.authority.create({ data: { name: "Akimat of Almaty", nameRu: "Акимат Алматы", kind: "akimat", city: "Almaty" } })).id;
  shymkent = (await db.authority.create({ data: { name: "Akimat of Shymkent", kind: "akimat", city: "Shymkent" } })).id;
  member = await makeActor("Member", [[feminita, "viewer"]], { email: "m@example.org" });

  // 2021: a march and a rally, both refused by one answer citing two grounds; the stated
  // works were contested by organizers on the day; complaint upheld, then the court overturned.
  await makeCase({
    title: "Women's march 2021",
    groupId: kazfem,
    city: "Almaty",
    authorityId: almaty,
    filedOn: "2021-02-20",
    answerDueOn: "2021-03-03",
    parts: [
      { form: "march", eventDate: "2021-03-08", outcome: "refused" },
      { form: "rally", eventDate: "2021-03-08", outcome: "refused" },
    ],
    answers: [{ receivedOn: "2021-02-25", outcomes: { 0: "refused", 1: "refused" }, grounds: ["works", "place_taken"], statedReason: "Repair works on the route", evidence: ["contests"] }],
    appeals: [
      { kind: "complaint", filedOn: "2021-03-01", ruling: "upheld" },
      { kind: "first_instance", filedOn: "2021-04-01", ruling: "overturned" },
    ],
  });
  // 2021: a second request months later: the rally approved with limits, the march refused;
  // answered late (after the deadline and after the planned date); court claim pending.
  await makeCase({
    title: "Second request 2021",
    groupId: kazfem,
    city: "Almaty",
    authorityId: almaty,
    filedOn: "2021-06-01",
    answerDueOn: "2021-06-10",
    parts: [
      { form: "march", eventDate: "2021-06-12", outcome: "refused" },
      { form: "rally", eventDate: "2021-06-12", outcome: "approved_with_limits" },
    ],
    answers: [{ receivedOn: "2021-06-15", outcomes: { 0: "refused", 1: "approved_with_limits" }, grounds: ["security_threat"], statedReason: "Threat to public order" }],
    appeals: [{ kind: "first_instance", filedOn: "2021-07-01" }],
  });
  // 2022, Shymkent: another place offered instead (a refusal of what was asked), the same
  // reason text as in 2021 give or take spacing; evidence supporting it does not contest it.
  await makeCase({
    title: "Shymkent rally 2022",
    groupId: kazfem,
    city: "Shymkent",
    authorityId: shymkent,
    filedOn: "2022-03-01",
    answerDueOn: "2022-03-04",
    parts: [{ form: "rally", eventDate: "2022-03-08", outcome: "alternative_proposed" }],
    answers: [{ receivedOn: "2022-03-04", outcomes: { 0: "alternative_proposed" }, grounds: ["place_taken"], statedReason: "  Repair works on the  route ", alternativeOffered: true, evidence: ["supports"] }],
  });
  // 2019: 36 earlier requests, all refused, known only as a count; no ground recorded.
  await makeCase({
    title: "36 earlier requests",
    groupId: kazfem,
    city: "Almaty",
    authorityId: almaty,
    filedOn: "2019-01-01",
    filedOnPrecision: "year",
    filedBefore: "2019-12-31",
    requestCount: 36,
    parts: [{ form: "rally", outcome: "refused" }],
    answers: [{ outcomes: { 0: "refused" } }],
  });
  // Private to Feminita: counts only for its members.
  await makeCase({
    title: "Private picket",
    groupId: feminita,
    isPublic: false,
    city: "Almaty",
    authorityId: almaty,
    filedOn: "2022-05-02",
    parts: [{ form: "picket", outcome: "refused" }],
    answers: [{ receivedOn: "2022-05-04", outcomes: { 0: "refused" }, grounds: ["late_filing"], statedReason: "Filed late" }],
  });
  // 2023: silence past the deadline. 2024: approved, answered across 29 February.
  await makeCase({ title: "Silence", groupId: kazfem, city: "Almaty", authorityId: almaty, filedOn: "2023-04-01", parts: [{ form: "meeting", outcome: "no_answer" }] });
  await makeCase({
    title: "Approved picket",
    groupId: kazfem,
    city: "Almaty",
    authorityId: almaty,
    filedOn: "2024-02-27",
    parts: [{ form: "picket", outcome: "approved" }],
    answers: [{ receivedOn: "2024-03-02", outcomes: { 0: "approved" } }],
  });
});

const ground = (rows: { ground: string; count: number; share: number | null }[], code: string) => rows.find((r) => r.ground === code);

describe("refusals by ground", () => {
  let s: StatsFigures;
  beforeAll(async () => {
    s = await getStats(null, {});
  });

  it("counts each refused part, a batch as its request count, an answer with two grounds for both", () => {
    // App1: 2 parts refused; App2: march; App3: alternative only; batch: 36. Private excluded.
    expect(s.refusals.total).toBe(40);
    expect(ground(s.refusals.byGround, "works")).toEqual({ ground: "works", count: 2, share: 0.05 });
    expect(ground(s.refusals.byGround, "place_taken")).toEqual({ ground: "place_taken", count: 3, share: 0.075 });
    expect(ground(s.refusals.byGround, "security_threat")?.count).toBe(1);
    expect(ground(s.refusals.byGround, "unclassified")).toEqual({ ground: "unclassified", count: 36, share: 0.9 });
    expect(ground(s.refusals.byGround, "late_filing")).toBeUndefined();
    // The taxonomy's order, unclassified last.
    expect(s.refusals.byGround.map((g) => g.ground)).toEqual(["security_threat", "place_taken", "works", "unclassified"]);
  });

  it("breaks refusals down by year, form, city, authority and group", () => {
    expect(s.refusalsBy.year.map((r) => [r.key, r.refusals])).toEqual([
      ["2019", 36],
      ["2021", 3],
      ["2022", 1],
    ]);
    const y2021 = s.refusalsBy.year[1];
    expect(ground(y2021.grounds, "works")).toEqual({ ground: "works", count: 2, share: 0.6667 });
    expect(ground(y2021.grounds, "security_threat")?.share).toBe(0.3333);
    expect(Object.fromEntries(s.refusalsBy.form.map((r) => [r.key, r.refusals]))).toEqual({ rally: 38, march: 2 });
    expect(Object.fromEntries(s.refusalsBy.city.map((r) => [r.key, r.refusals]))).toEqual({ Almaty: 39, Shymkent: 1 });
    expect(s.refusalsBy.authority.map((r) => [r.label, r.labelRu, r.refusals])).toEqual([
      ["Akimat of Almaty", "Акимат Алматы", 39],
      ["Akimat of Shymkent", "Akimat of Shymkent", 1],
    ]);
    expect(s.refusalsBy.group.map((r) => [r.label, r.refusals])).toEqual([["KazFem", 40]]);
  });

  it("matches the published schema", () => {
    expect(statsFiguresSchema.safeParse(s).success).toBe(true);
  });
});

describe("outcomes, appeals, time, pretext", () => {
  let s: StatsFigures;
  beforeAll(async () => {
    s = await getStats(null, {});
  });

  it("counts part outcomes per year", () => {
    const by = Object.fromEntries(s.outcomes.map((r) => [r.year, r]));
    expect(by["2019"]).toMatchObject({ refused: 36, total: 36 });
    expect(by["2021"]).toMatchObject({ refused: 3, approved_with_limits: 1, total: 4 });
    expect(by["2022"]).toMatchObject({ alternative_proposed: 1, refused: 0, total: 1 });
    expect(by["2023"]).toMatchObject({ no_answer: 1, total: 1 });
    expect(by["2024"]).toMatchObject({ approved: 1, total: 1 });
  });

  it("counts appealed refusals, where they ended and how often they were overturned", () => {
    expect(s.appeals.total).toMatchObject({ refused: 39, appealed: 2, overturned: 1, overturnedShare: 0.5, partly: 0 });
    expect(s.appeals.total.appealedShare).toBe(0.0513);
    expect(s.appeals.byYear.find((r) => r.year === "2021")).toMatchObject({ refused: 2, appealed: 2, overturned: 1 });
    // Ended at the court (overturned), not at the complaint (upheld); the other still pending.
    expect(s.appeals.endedAt).toEqual([
      { stage: "first_instance", outcome: "overturned", count: 1 },
      { stage: "first_instance", outcome: "pending", count: 1 },
    ]);
  });

  it("measures days to answer and late answers", () => {
    // 5 and 14 days in 2021; 3 in 2022; 4 across 29 Feb 2024.
    expect(s.timing.byYear.find((r) => r.year === "2021")).toMatchObject({ answered: 2, medianDays: 9.5, withDeadline: 2, late: 1, lateShare: 0.5, withEventDate: 2, afterEvent: 1 });
    expect(s.timing.byYear.find((r) => r.year === "2024")?.medianDays).toBe(4);
    expect(s.timing.total).toMatchObject({ answered: 4, medianDays: 4.5, withDeadline: 3, late: 1, lateShare: 0.3333, withEventDate: 3, afterEvent: 1 });
  });

  it("flags pretext signals", () => {
    expect(s.pretext.total).toMatchObject({ refusals: 40, contested: 2, contestedShare: 0.05, placeOrWorks: 3, noAlternative: 2, noAlternativeShare: 0.6667 });
    expect(s.pretext.byGround).toEqual([
      { ground: "place_taken", refusals: 3, noAlternative: 2, noAlternativeShare: 0.6667 },
      { ground: "works", refusals: 2, noAlternative: 2, noAlternativeShare: 1 },
    ]);
    expect(s.pretext.reusedReasons).toEqual([{ text: "Repair works on the route", years: ["2021", "2022"], answers: 2 }]);
  });
});

describe("visibility and filters", () => {
  it("adds the member's own group's private records", async () => {
    const s = await getStats(member, {});
    expect(s.refusals.total).toBe(41);
    expect(ground(s.refusals.byGround, "late_filing")?.count).toBe(1);
    expect(s.refusalsBy.group.map((r) => [r.label, r.refusals])).toEqual([
      ["KazFem", 40],
      ["Feminita", 1],
    ]);
    expect(s.timing.total.answered).toBe(5);
  });

  it("filters by form, city, years, authority and group", async () => {
    expect((await getStats(null, { form: "march" })).refusals.total).toBe(2);
    expect((await getStats(null, { form: "march" })).outcomes.find((r) => r.year === "2021")?.total).toBe(2);
    expect((await getStats(null, { city: "Shymkent" })).refusals.total).toBe(1);
    expect((await getStats(null, { yearFrom: "2021", yearTo: "2021" })).refusals.total).toBe(3);
    expect((await getStats(null, { yearFrom: "2022" })).outcomes.map((r) => r.year)).toEqual(["2022", "2023", "2024"]);
    expect((await getStats(null, { authority: shymkent })).refusals.total).toBe(1);
    expect((await getStats(null, { group: feminita })).refusals.total).toBe(0);
    expect((await getStats(member, { group: feminita })).refusals.total).toBe(1);
  });

  it("offers only visible values in the filter controls", async () => {
    const anon = await getStatsFilterOptions(null);
    expect(anon.cities).toEqual(["Almaty", "Shymkent"]);
    expect(anon.groups.map((g) => g.name)).toEqual(["KazFem"]);
    expect(anon.years[0]).toBe("2019");
    expect((await getStatsFilterOptions(member)).groups.map((g) => g.name)).toEqual(["Feminita", "KazFem"]);
  });
});

describe("cache", () => {
  it("serves cached figures until the data changes", async () => {
    const before = await getStats(null, { city: "Almaty" });
    expect(await getStats(null, { city: "Almaty" })).toBe(before);
    await makeCase({
      title: "Another refusal",
      groupId: kazfem,
      city: "Almaty",
      authorityId: almaty,
      filedOn: "2024-05-01",
      parts: [{ form: "picket", outcome: "refused" }],
      answers: [{ receivedOn: "2024-05-03", outcomes: { 0: "refused" }, grounds: ["works"] }],
    });
    const after = await getStats(null, { city: "Almaty" });
    expect(after.refusals.total).toBe(before.refusals.total + 1);
    // Computing without the cache gives the same figures.
    expect(await computeStats(db, [], { city: "Almaty" })).toEqual(after);
  });
});

describe("CSV download", () => {
  it("serves a table as CSV with the filters applied", async () => {
    const res = await csvGET(new Request("http://x/stats/csv/grounds-by-form?city=Shymkent"), { params: Promise.resolve({ table: "grounds-by-form" }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain("grounds-by-form");
    const text = await res.text();
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Rally,1,/);
  });

  it("refuses an unknown table or a bad filter", async () => {
    expect((await csvGET(new Request("http://x/stats/csv/nope"), { params: Promise.resolve({ table: "nope" }) })).status).toBe(404);
    expect((await csvGET(new Request("http://x/stats/csv/grounds?yearFrom=abc"), { params: Promise.resolve({ table: "grounds" }) })).status).toBe(400);
  });
});
