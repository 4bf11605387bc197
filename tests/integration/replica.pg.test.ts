// Reads from a replica (issue #19): with DATABASE_REPLICA_URL set, anonymous visitors' pages —
// the applications list, a case page, the statistics — read the replica, while a member's
// reads (and every write) go to the primary. Proved on a real streaming replica (Debian's
// PostgreSQL, tests/support/replica.ts) whose WAL replay the test pauses: a record a member
// publishes is on the member's own pages at once, absent from the anonymous pages while the
// replica is held back, and there as soon as it has caught up.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { startReplicaPair, type ReplicaPair } from "../support/replica";
import { migratePostgres } from "../../scripts/pg-migrate";

vi.mock("@/lib/auth/session", () => import("../support/session"));

let pair: ReplicaPair;
let app: {
  db: typeof import("@/lib/db");
  applications: typeof import("@/lib/data/applications");
  cases: typeof import("@/lib/data/cases");
  stats: typeof import("@/lib/data/stats");
  filters: typeof import("@/lib/validation/applications");
  fixtures: typeof import("../support/fixtures");
  actions: typeof import("@/lib/actions/applications");
};
let member: Actor;
let groupId: string;

beforeAll(async () => {
  pair = await startReplicaPair("tracker");
  await migratePostgres(pair.primaryUrl);
  await pair.caughtUp();
  // The app's clients are made when lib/db is first imported: point it at the pair first.
  process.env.DATABASE_URL = pair.primaryUrl;
  process.env.DATABASE_REPLICA_URL = pair.replicaUrl;
  app = {
    db: await import("@/lib/db"),
    applications: await import("@/lib/data/applications"),
    cases: await import("@/lib/data/cases"),
    stats: await import("@/lib/data/stats"),
    filters: await import("@/lib/validation/applications"),
    fixtures: await import("../support/fixtures"),
    actions: await import("@/lib/actions/applications"),
  };
  const { loadReference } = await import("@/prisma/seed/reference");
  await loadReference(app.db.db);
  groupId = (await app.fixtures.makeGroup("replicas", "Replica Watchers")).id;
  member = await app.fixtures.makeActor("replica-editor", [[groupId, "editor"]]);
  await pair.caughtUp();
}, 180_000);

afterAll(async () => {
  await app?.db.replica.$disconnect().catch(() => undefined);
  await app?.db.db.$disconnect().catch(() => undefined);
  await pair?.stop();
});

describe("with a read replica", () => {
  it("is used for anonymous reads only", () => {
    expect(app.db.replica).not.toBe(app.db.db);
    expect(app.db.readerFor(null)).toBe(app.db.replica);
    expect(app.db.readerFor(member)).toBe(app.db.db);
  });

  it("serves the public pages from the replica, and a member's own write to them at once", async () => {
    const title = `Picket seen from the replica ${Date.now()}`;
    const city = "Replicaville";
    const search = app.filters.readApplicationFilters({ q: title });
    const anonymousList = () => app.applications.listApplications(null, search);
    const anonymousCities = async () => (await app.stats.getStatsFilterOptions(null)).cities;
    // Warm the anonymous caches: they must not hide what the replica shows later.
    expect((await anonymousList()).total).toBe(0);
    expect(await anonymousCities()).not.toContain(city);

    await pair.pauseReplay();
    const res = await app.fixtures.run(member, app.actions.createApplicationAction, {
      groupId,
      isPublic: "on",
      "organizerIds[]": [groupId],
      title,
      authorityId: "",
      newAuthorityName: "Akimat of Replicaville",
      newAuthorityKind: "akimat",
      newAuthorityCity: city,
      city,
      purpose: "",
      filedOn: "2026-02-02",
      filedOnPrecision: "day",
      registrationNumber: "",
      notes: "",
      "parts.0.form": "picket",
      "parts.0.place": "Station square",
      "parts.0.eventDate": "2026-02-16",
      "parts.0.eventDatePrecision": "day",
    });
    expect(res.redirect, JSON.stringify(res.state)).toMatch(/^\/applications\/\w+$/);
    const id = res.redirect!.split("/").pop()!;
    const onPrimary = await app.db.db.application.findUniqueOrThrow({ where: { id }, select: { isPublic: true } });
    expect(onPrimary.isPublic).toBe(true);

    // The member who wrote it: list, case page and statistics filters have it at once.
    const mine = await app.applications.listApplications(member, search);
    expect(mine.items.map((i) => i.title)).toEqual([title]);
    expect((await app.cases.getCase(member, id)).title).toBe(title);
    expect((await app.stats.getStatsFilterOptions(member)).cities).toContain(city);

    // Anonymous visitors read the replica, which has not replayed the write yet.
    expect((await anonymousList()).total).toBe(0);
    await expect(app.cases.getCase(null, id)).rejects.toThrow();
    expect(await anonymousCities()).not.toContain(city);

    // Once the replica has caught up, the public pages show it: their caches key on the
    // replica's own data version.
    await pair.resumeReplay();
    await pair.caughtUp();
    expect((await anonymousList()).items.map((i) => i.title)).toEqual([title]);
    expect((await app.cases.getCase(null, id)).title).toBe(title);
    expect(await anonymousCities()).toContain(city);
  }, 60_000);
});
