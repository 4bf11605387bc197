// On PostgreSQL transactions commit out of the order of the change log's "seq": a reader that
// already read a later row must still find the row of a transaction that was open at the time
// (lib/data/stats-facts.ts keeps the oldest open transaction and reads its rows again).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { computeStats } from "@/lib/data/stats";
import { factLoads } from "@/lib/data/stats-facts";
import { loadReference } from "@/prisma/seed/reference";
import { makeGroup } from "../support/fixtures";

async function refusedCase(groupId: string, city: string) {
  const app = await db.application.create({
    data: { groupId, isPublic: true, title: `Refused in ${city}`, procedure: "approval", city, filedOn: "2024-02-01", parts: { create: [{ form: "picket", place: "Square", outcome: "refused" }] } },
    include: { parts: true },
  });
  const answer = await db.answer.create({ data: { applicationId: app.id, receivedOn: "2024-02-05", outcome: "refused", partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  return { app, answer };
}

/** A promise and the function that settles it: one step of a test waits for another's. */
function signal(): { done: Promise<void>; give: () => void } {
  let give!: () => void;
  const done = new Promise<void>((r) => (give = r));
  return { done, give };
}

beforeAll(async () => {
  await loadReference(db);
});

describe("statistics on PostgreSQL", () => {
  it("count a write whose transaction commits after a later one was read", async () => {
    const g = (await makeGroup("facts-pg")).id;
    const early = await refusedCase(g, "Almaty");
    const late = await refusedCase(g, "Shymkent");
    const ground = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });
    expect((await computeStats(db, [], {})).refusals.byGround.map((r) => r.ground)).not.toContain("works");

    // The early transaction writes its row first (the lower "seq") and stays open.
    const held = signal();
    const wrote = signal();
    const early$ = db.$transaction(
      async (tx) => {
        await tx.groundCited.create({ data: { answerId: early.answer.id, groundId: ground.id } });
        wrote.give();
        await held.done;
      },
      { timeout: 30_000 },
    );
    await wrote.done;
    // A later write commits, and the statistics read past it.
    await db.answer.update({ where: { id: late.answer.id }, data: { statedReason: "Works on the square" } });
    const between = await computeStats(db, [], {});
    expect(between.refusals.byGround.map((r) => r.ground)).not.toContain("works");

    held.give();
    await early$;
    const after = await computeStats(db, [], {});
    expect(after.refusals.byGround.find((r) => r.ground === "works")?.count).toBe(1);
    const fresh: Db = createPrismaClient(process.env.DATABASE_URL);
    try {
      expect(after).toEqual(await computeStats(fresh, [], {}));
    } finally {
      await fresh.$disconnect();
    }
  });

  it("after loading everything, read again only the case a write touched while another transaction stays open", async () => {
    // Any open transaction on the server (another database's, a backup's) keeps the oldest open
    // transaction low: the rows the first load already covered must not be read again after it.
    const g = (await makeGroup("facts-pg-open")).id;
    const one = await refusedCase(g, "Taraz");
    await refusedCase(g, "Aktobe");
    const other: Db = createPrismaClient(process.env.DATABASE_URL);
    const reader: Db = createPrismaClient(process.env.DATABASE_URL);
    const held = signal();
    const opened = signal();
    const holding = other.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe("SELECT pg_current_xact_id()::text AS xid");
        opened.give();
        await held.done;
      },
      { timeout: 30_000 },
    );
    try {
      await opened.done;
      // Written while that transaction is open, then loaded whole by a reader that never read before.
      await refusedCase(g, "Atyrau");
      const full = factLoads.full;
      await computeStats(reader, [], {});
      expect(factLoads.full).toBe(full + 1);
      const loads = { ...factLoads };
      await db.answer.update({ where: { id: one.answer.id }, data: { statedReason: "Works nearby" } });
      const after = await computeStats(reader, [], {});
      expect(factLoads.full, "no second full load").toBe(loads.full);
      expect(factLoads.cases - loads.cases, "only the case written to").toBe(1);
      expect(after).toEqual(await computeStats(db, [], {}));
    } finally {
      held.give();
      await holding;
      await Promise.all([other.$disconnect(), reader.$disconnect()]);
    }
  });
});
