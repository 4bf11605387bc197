// The statistics are summed from per-case facts that a write updates for the cases it touched
// only (lib/data/stats-facts.ts, triggers in lib/stats-changes.ts). After each kind of write the
// figures kept up to date must equal the figures of a reader that loads every case afresh, and
// must have read again only the case written to: a table whose trigger is missing would leave
// the kept figures behind, and this test would see them differ.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { computeStats } from "@/lib/data/stats";
import { factLoads } from "@/lib/data/stats-facts";
import { loadReference } from "@/prisma/seed/reference";
import type { StatsFilters } from "@/lib/validation/stats";
import { makeGroup } from "../support/fixtures";

/** The figures as a reader that has never seen this database computes them. */
async function afresh(scope: string[], filters: StatsFilters) {
  const client: Db = createPrismaClient(process.env.DATABASE_URL);
  try {
    return await computeStats(client, scope, filters);
  } finally {
    await client.$disconnect();
  }
}

let g1: string;
let g2: string;
const grounds = new Map<string, string>();

async function refusedCase(groupId: string, city: string, filedOn: string, statedReason: string, ground?: string) {
  const app = await db.application.create({
    data: {
      groupId,
      isPublic: true,
      title: `Refused in ${city}`,
      procedure: "approval",
      city,
      filedOn,
      answerDueOn: filedOn.replace(/-\d\d$/, "-20"),
      parts: { create: [{ form: "picket", place: "Square", position: 0, outcome: "refused", eventDate: filedOn.replace(/-\d\d$/, "-25") }] },
    },
    include: { parts: true },
  });
  const answer = await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: filedOn.replace(/-\d\d$/, "-22"),
      statedReason,
      outcome: "refused",
      partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] },
      grounds: ground ? { create: [{ groundId: grounds.get(ground)! }] } : undefined,
    },
  });
  return { app, part: app.parts[0], answer };
}

beforeAll(async () => {
  await loadReference(db);
  for (const g of await db.refusalGround.findMany()) grounds.set(g.code, g.id);
  g1 = (await makeGroup("facts-a")).id;
  g2 = (await makeGroup("facts-b")).id;
});

describe("statistics kept up to date case by case", () => {
  it("equal a fresh reader's after every kind of write, reading again only the case written to", async () => {
    const words = "The square is taken by a city festival";
    const a = await refusedCase(g1, "Almaty", "2023-03-01", words, "place_taken");
    const b = await refusedCase(g1, "Almaty", "2024-03-01", words);
    const c = await refusedCase(g2, "Shymkent", "2024-05-01", "Works on the square", "works");
    const views: [string[], StatsFilters][] = [
      [[], {}],
      [[g1], {}],
      [[], { form: "picket", yearFrom: "2024" }],
      [[], { group: g2 }],
    ];
    const kept = () => Promise.all(views.map(([s, f]) => computeStats(db, s, f)));
    let before = await kept();

    /** Applies a write; the kept figures must follow it, equal a fresh reader's, and change. */
    async function step(what: string, write: () => Promise<unknown>, cases = 1) {
      const loads = { ...factLoads };
      await write();
      const now = await kept();
      expect(factLoads.full, `${what}: no full load`).toBe(loads.full);
      expect(factLoads.cases - loads.cases, `${what}: cases read again`).toBe(cases);
      for (let i = 0; i < views.length; i++) expect(now[i], `${what}: view ${i}`).toEqual(await afresh(...views[i]));
      expect(now, `${what}: the figures moved`).not.toEqual(before);
      before = now;
    }

    await step("a ground cited", () => db.groundCited.create({ data: { answerId: b.answer.id, groundId: grounds.get("place_taken")! } }));
    await step("evidence contesting it", () => db.evidence.create({ data: { answerId: b.answer.id, stance: "contests", description: "The square was empty" } }));
    await step("an alternative offered", () => db.answer.update({ where: { id: a.answer.id }, data: { alternativeOffered: true } }));
    await step("a refusal turned into an approval", () => db.partOutcome.updateMany({ where: { answerId: c.answer.id }, data: { outcome: "approved" } }));
    await step("the part's form", () => db.part.update({ where: { id: a.part.id }, data: { form: "march" } }));
    await step("an appeal", () => db.appealStage.create({ data: { applicationId: b.app.id, kind: "first_instance", filedOn: "2024-04-01" } }));
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: b.app.id } });
    await step("its ruling", () => db.ruling.create({ data: { appealStageId: stage.id, outcome: "overturned" } }));
    await step("a co-organizer", () => db.applicationGroup.create({ data: { applicationId: b.app.id, groupId: g2, status: "accepted" } }));
    await step("the filing year", () => db.application.update({ where: { id: a.app.id }, data: { filedOn: "2024-01-10" } }));

    // A person whose private name the wording quotes: outsiders no longer see the reused reason.
    expect(before[0].pretext.reusedReasons.map((r) => r.text)).toContain(words);
    const person = await db.person.create({ data: { groupId: g1, fullName: "Festival", isPublic: true } });
    await db.applicant.create({ data: { applicationId: a.app.id, personId: person.id } });
    before = await kept();
    await step("a person made private", () => db.person.update({ where: { id: person.id }, data: { isPublic: false } }));
    expect(before[0].pretext.reusedReasons.map((r) => r.text)).not.toContain(words);
    expect(before[1].pretext.reusedReasons.map((r) => r.text), "the owning group still sees it").toContain(words);

    // The people of an incident linked to a case count as the case's.
    const reworded = "Repair works on the square";
    const d = await refusedCase(g2, "Oral", "2021-03-01", reworded, "works");
    await refusedCase(g2, "Oral", "2022-03-01", reworded, "works");
    const incident = await db.incident.create({ data: { groupId: g2, kind: "detention", title: "Detained" } });
    await db.incidentApplication.create({ data: { incidentId: incident.id, applicationId: d.app.id } });
    const witness = await db.person.create({ data: { groupId: g2, fullName: "Someone", isPublic: true, phone: "on the square" } });
    before = await kept();
    expect(before[0].pretext.reusedReasons.map((r) => r.text)).toContain(reworded);
    await step("an incident's person", () => db.incidentPerson.create({ data: { incidentId: incident.id, personId: witness.id } }));
    expect(before[0].pretext.reusedReasons.map((r) => r.text)).not.toContain(reworded);

    await step("a case deleted", () => db.application.delete({ where: { id: d.app.id } }));

    // A refusal ground renamed touches every case: everything is read again, once.
    const loads = { ...factLoads };
    await db.refusalGround.update({ where: { code: "works" }, data: { code: "works_renamed" } });
    const renamed = await computeStats(db, [], {});
    expect(factLoads.full).toBe(loads.full + 1);
    expect(renamed).toEqual(await afresh([], {}));
    expect(renamed.refusals.byGround.map((g) => g.ground)).toContain("works_renamed");
    await db.refusalGround.update({ where: { code: "works_renamed" }, data: { code: "works" } });
  });

  it("reads the whole history again when it fell behind more than the log keeps", async () => {
    await computeStats(db, [], {});
    const loads = { ...factLoads };
    const top = (await db.statsChange.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const g = (await makeGroup("facts-c")).id;
    await refusedCase(g, "Taraz", "2021-01-01", "");
    // As if the log had been pruned past what this reader saw: the first row it has not read is gone.
    await db.statsChange.deleteMany({ where: { seq: { lte: top + 1 } } });
    const s = await computeStats(db, [], { city: "Taraz" });
    expect(factLoads.full).toBe(loads.full + 1);
    expect(s.refusals.total).toBe(1);
  });
});
