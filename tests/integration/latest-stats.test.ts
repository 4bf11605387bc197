// The statistics page and the list's filters never wait for a recompute after a write: they
// get the last figures at once while one background recompute runs, and the exact figures
// within 10 seconds of the write (lib/data/background-cache).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeStats, latestStats, latestStatsFilterOptions } from "@/lib/data/stats";
import { latestListFilterOptions } from "@/lib/data/applications";
import { backgroundCache, backgroundSettled } from "@/lib/data/background-cache";
import { recomputeGeneration } from "@/lib/recompute-generation";
import { countsOnly } from "@/lib/domain/stats";
import { makeGroup } from "../support/fixtures";

async function refusedCase(groupId: string, city: string, filedOn: string, statedReason = "") {
  const app = await db.application.create({
    data: { groupId, isPublic: true, title: `Refused in ${city}`, procedure: "approval", city, filedOn, filedOnPrecision: "day", requestCount: 1, parts: { create: [{ form: "picket", place: "Square", position: 0, outcome: "refused" }] } },
    include: { parts: true },
  });
  const answer = await db.answer.create({ data: { applicationId: app.id, receivedOn: filedOn, statedReason, outcome: "refused", partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } } });
  return { app, answer };
}

/** Reads until `done` holds; fails after `ms`. Returns how long it took. */
async function within<T>(ms: number, read: () => Promise<T>, done: (v: T) => boolean): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (done(await read())) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not exact within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("statistics after a write", () => {
  it("are served at once, and exact within 10 s of the write", async () => {
    const g = (await makeGroup("latest-a")).id;
    await refusedCase(g, "Almaty", "2024-02-01");
    const first = await latestStats(null, {});
    expect(first.exact).toBe(true);
    expect(first.value.refusals.total).toBe(1);

    await refusedCase(g, "Shymkent", "2024-03-01");
    const exact = await computeStats(db, [], {});
    expect(exact.refusals.total).toBe(2);
    // The next reader does not wait for the recompute: the last figures, marked as catching up.
    const next = await latestStats(null, {});
    expect(next.exact).toBe(false);
    expect(next.value.refusals).toBe(first.value.refusals);
    const took = await within(10_000, () => latestStats(null, {}), (s) => s.exact && s.value.refusals.total === 2);
    expect(took).toBeLessThan(10_000);
    expect((await latestStats(null, {})).value).toEqual(exact);

    // Several writes in a row: still exact once the last one is counted.
    for (const city of ["Aktobe", "Taraz", "Oral"]) await refusedCase(g, city, "2024-04-01");
    await within(10_000, () => latestStats(null, {}), (s) => s.exact && s.value.refusals.total === 5);
    expect((await latestStats(null, {})).value).toEqual(await computeStats(db, [], {}));
  });

  it("keep following writes with nobody reading while the page is in use", async () => {
    const g = (await makeGroup("latest-b")).id;
    await latestStats(null, { city: "Kostanay" });
    await refusedCase(g, "Kostanay", "2023-05-01");
    // One read starts the recompute; the figures are exact afterwards without another read waiting.
    expect((await latestStats(null, { city: "Kostanay" })).exact).toBe(false);
    await backgroundSettled();
    const s = await latestStats(null, { city: "Kostanay" });
    expect(s.exact).toBe(true);
    expect(s.value.refusals.total).toBe(1);
  });

  it("quote no refusal's words while one recompute behind: a case made private a moment ago is not quoted", async () => {
    const g = (await makeGroup("latest-d")).id;
    const words = "The square is reserved for a city festival (latest-d)";
    await refusedCase(g, "Semey", "2021-06-01", words);
    const { app } = await refusedCase(g, "Semey", "2022-06-01", words);
    await within(10_000, () => latestStats(null, { city: "Semey" }), (s) => s.exact && s.value.pretext.reusedReasons.some((r) => r.text === words));
    // A statistics page quoting words is not one the page cache may answer from its last copy
    // after a write (lib/page-cache, figuresOnly): the write may make the quoted case private.
    expect(countsOnly((await latestStats(null, { city: "Semey" })).value)).toBe(false);

    await db.application.update({ where: { id: app.id }, data: { isPublic: false } });
    const behind = await latestStats(null, { city: "Semey" });
    expect(behind.exact).toBe(false);
    expect(behind.value.refusals.total).toBe(2);
    expect(behind.value.pretext.reusedReasons).toEqual([]);
    expect(countsOnly(behind.value)).toBe(true);
    await within(10_000, () => latestStats(null, { city: "Semey" }), (s) => s.exact);
    const now = await latestStats(null, { city: "Semey" });
    expect(now.value.refusals.total).toBe(1);
    expect(now.value.pretext.reusedReasons).toEqual([]);
  });
});

describe("filter options after a write", () => {
  it("offer a new city within 10 s, without a reader waiting", async () => {
    const g = (await makeGroup("latest-c")).id;
    const before = await latestListFilterOptions(null);
    const statsBefore = await latestStatsFilterOptions(null);
    expect(before.value.cities).not.toContain("Turkistan");
    await refusedCase(g, "Turkistan", "2022-01-01");
    expect((await latestListFilterOptions(null)).value).toBe(before.value);
    await within(10_000, () => latestListFilterOptions(null), (o) => o.exact && o.value.cities.includes("Turkistan"));
    await within(10_000, () => latestStatsFilterOptions(null), (o) => o.exact && o.value.cities.includes("Turkistan"));
    expect(statsBefore.value.cities).not.toContain("Turkistan");
  });
});

describe("a recompute that fails", () => {
  it("is not retried in a loop: the last figures stay and the next read tries again", async () => {
    const g = (await makeGroup("latest-e")).id;
    const cache = backgroundCache<number>();
    let calls = 0;
    let fail = false;
    const compute = async () => {
      calls++;
      if (fail) throw new Error("the database is gone");
      return calls;
    };
    expect((await cache(null, "k", compute)).value).toBe(1);
    fail = true;
    await refusedCase(g, "Atyrau", "2020-01-01");
    const errors = console.error;
    console.error = () => undefined;
    try {
      const stale = await cache(null, "k", compute);
      expect(stale).toEqual({ value: 1, exact: false });
      await backgroundSettled();
      await new Promise((r) => setTimeout(r, 300));
      // One failed attempt, not a spin (a failing recompute used to start the next at once, for ten minutes).
      expect(calls).toBe(2);
      fail = false;
      const generation = recomputeGeneration();
      await cache(null, "k", compute);
      await backgroundSettled();
      expect(await cache(null, "k", compute)).toEqual({ value: 3, exact: true });
      // The recompute that succeeded tells the page cache its stale copies are old (lib/page-cache/store).
      expect(recomputeGeneration()).toBeGreaterThan(generation);
    } finally {
      console.error = errors;
    }
  });
});
