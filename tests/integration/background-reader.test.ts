// The statistics and filter options are recomputed through lib/db.ts's backgroundReaderFor():
// on SQLite a client whose queries run in a worker thread over the same file, so a visitor's
// request is answered while a recompute scans the database. What it computes is what the
// server's own client computes, writes show after the recompute settles, and the server's
// thread keeps answering while a background query runs.
import { describe, expect, it } from "vitest";
import { backgroundReaderFor, db } from "@/lib/db";
import { isSqliteClient } from "@/lib/db-client";
import { computeStats, getStatsFilterOptions, latestStats, latestStatsFilterOptions } from "@/lib/data/stats";
import { latestListFilterOptions, listFilterOptions } from "@/lib/data/applications";
import { backgroundSettled } from "@/lib/data/background-cache";
import { makeGroup } from "../support/fixtures";
import { testDatabaseKind } from "../support/db";

async function refusedCase(groupId: string, city: string, filedOn: string, statedReason = "", isPublic = true) {
  const app = await db.application.create({
    data: { groupId, isPublic, title: `Refused in ${city}`, procedure: "approval", city, filedOn, filedOnPrecision: "day", requestCount: 1, parts: { create: [{ form: "picket", place: "Square", position: 0, outcome: "refused" }] } },
    include: { parts: true },
  });
  await db.answer.create({ data: { applicationId: app.id, receivedOn: filedOn, statedReason, outcome: "refused", partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  return app;
}

describe("the background reader", () => {
  it("is its own client on SQLite (a worker thread), the request's reader on PostgreSQL", () => {
    if (testDatabaseKind() === "sqlite") {
      expect(backgroundReaderFor(null)).not.toBe(db);
      expect(isSqliteClient(backgroundReaderFor(null))).toBe(true);
    } else {
      expect(backgroundReaderFor({})).toBe(db);
    }
  });

  it("computes the same statistics and filter options as the server's own client, quoted wordings withheld alike", async () => {
    const g = (await makeGroup("bg-a")).id;
    const other = (await makeGroup("bg-b")).id;
    const reused = "The square is booked for a city holiday (bg-a)";
    await refusedCase(g, "Almaty", "2022-03-01", reused);
    await refusedCase(g, "Алматы", "2023-03-01", reused);
    // A wording naming a private applicant of its case: quoted to nobody outside the group.
    const named = "Refused: the organizer Aigerim Privatekyzy (bg-a) was fined before";
    const person = await db.person.create({ data: { groupId: other, fullName: "Aigerim Privatekyzy", isPublic: false, idNumber: "900101300123" } });
    for (const filedOn of ["2021-05-01", "2024-05-01"]) {
      const app = await refusedCase(other, "Shymkent", filedOn, named);
      await db.applicant.create({ data: { applicationId: app.id, personId: person.id } });
    }
    const bg = backgroundReaderFor(null);
    const direct = await computeStats(db, [], {});
    const viaBackground = await computeStats(bg, [], {});
    expect(viaBackground).toEqual(direct);
    expect(direct.refusals.total).toBe(4);
    expect(direct.pretext.reusedReasons.map((r) => r.text)).toEqual([reused]);
    // The owning group sees its own wording quoted, through either client.
    const own = await computeStats(bg, [other], {});
    expect(own).toEqual(await computeStats(db, [other], {}));
    expect(own.pretext.reusedReasons.map((r) => r.text)).toContain(named);

    expect((await latestStatsFilterOptions(null)).value).toEqual(await getStatsFilterOptions(null));
    expect((await latestListFilterOptions(null)).value).toEqual(await listFilterOptions(null));
    // On SQLite, LIKE folds Cyrillic case on the worker's connection too (lib/sqlite/like.mjs):
    // without it "алм" would not match "Алматы" there.
    expect(await bg.application.count({ where: { city: { contains: "алм" } } })).toBe(await db.application.count({ where: { city: { contains: "алм" } } }));
  });

  it("shows a write once the recompute it started has settled", async () => {
    const g = (await makeGroup("bg-c")).id;
    await refusedCase(g, "Taraz", "2020-01-01");
    const before = await latestStats(null, { city: "Taraz" });
    const cities = await latestListFilterOptions(null);
    expect(before).toMatchObject({ exact: true, value: { refusals: { total: 1 } } });
    await refusedCase(g, "Taraz", "2020-02-01");
    await refusedCase(g, "Kyzylorda", "2020-02-01");
    // Served at once from the last figures while the background recompute runs…
    expect((await latestStats(null, { city: "Taraz" })).value.refusals.total).toBe(1);
    expect((await latestListFilterOptions(null)).value.cities).not.toContain("Kyzylorda");
    // …and exact once it has settled.
    await backgroundSettled();
    const after = await latestStats(null, { city: "Taraz" });
    expect(after).toMatchObject({ exact: true, value: { refusals: { total: 2 } } });
    expect(after.value).toEqual(await computeStats(db, [], { city: "Taraz" }));
    await backgroundSettled();
    expect((await latestListFilterOptions(null)).value.cities).toContain("Kyzylorda");
    expect(cities.value.cities).not.toContain("Kyzylorda");
  });

  it("leaves the server's thread answering while a background query runs", async () => {
    const g = (await makeGroup("bg-d")).id;
    await refusedCase(g, "Oral", "2021-01-01");
    // A query that keeps the database busy for a while: a long recursive count on SQLite
    // (better-sqlite3 runs it on the calling thread), a sleep on PostgreSQL.
    const slow =
      testDatabaseKind() === "sqlite"
        ? `WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000000) SELECT COUNT(*) AS n FROM c`
        : `SELECT COUNT(*) AS n FROM pg_sleep(1)`;
    const order: string[] = [];
    const background = backgroundReaderFor(null)
      .$queryRawUnsafe(slow)
      .then(() => order.push("background query"));
    // Meanwhile the server answers: a timer fires and a read through the request's client returns.
    const ping = new Promise((resolve) => setTimeout(resolve, 1)).then(() => order.push("timer"));
    const read = db.application.count({ where: { city: "Oral" } }).then((n) => order.push(`read ${n}`));
    await Promise.all([background, ping, read]);
    expect(order).toHaveLength(3);
    expect(order[2]).toBe("background query");
    expect(order).toContain("read 1");
  });

  it("reports a failed query as a rejected promise and keeps answering", async () => {
    const bg = backgroundReaderFor(null);
    await expect(bg.$queryRawUnsafe(`SELECT "nope" FROM "NoSuchTable"`)).rejects.toThrow(/NoSuchTable|does not exist/i);
    expect(await bg.refusalGround.count()).toBe(await db.refusalGround.count());
  });
});
