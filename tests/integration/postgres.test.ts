// The database layer behaves the same on SQLite and PostgreSQL: this file runs in both
// passes (`npm run test:unit` and `npm run test:pg`).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isPostgresUrl, sqliteFilePath } from "@/lib/db-url";
import { createPrismaClient, dataVersion, versionedCache } from "@/lib/db-client";
import { contains, searchTerm, startsWith } from "@/lib/data/text-search";
import { toPostgresSchema } from "@/scripts/sync-pg-schema";
import { listPgMigrations } from "@/scripts/pg-migrate";
import { testDatabaseKind } from "../support/db";

const onPostgres = testDatabaseKind() === "postgres";

afterAll(() => db.$disconnect());

describe("database selection", () => {
  it("connects to the database the suite asked for", async () => {
    expect(isPostgresUrl(process.env.DATABASE_URL ?? "")).toBe(onPostgres);
    const rows = await db.$queryRawUnsafe<{ v: string }[]>(onPostgres ? "SELECT version() AS v" : "SELECT sqlite_version() AS v");
    expect(rows[0].v).toMatch(onPostgres ? /PostgreSQL/ : /^3\./);
  });
});

describe("the data version token", () => {
  it("stays put while nothing is written and moves with every write, from this process or another", async () => {
    const a = await dataVersion(db);
    expect(a).not.toMatch(/^uncached/);
    await db.group.findMany();
    // Other test files write to their own databases meanwhile: the counter is this database's.
    expect(await dataVersion(db)).toBe(a);
    await db.group.create({ data: { slug: "dv-1", name: "Data version" } });
    const b = await dataVersion(db);
    expect(b).not.toBe(a);
    // Another connection (a script, another process) writes.
    const other = createPrismaClient(process.env.DATABASE_URL);
    try {
      await other.group.update({ where: { slug: "dv-1" }, data: { name: "Changed elsewhere" } });
    } finally {
      await other.$disconnect();
    }
    expect(await dataVersion(db)).not.toBe(b);
  });

  it("keys a cache that is never stale and computes once for concurrent misses", async () => {
    const cached = versionedCache<number>();
    let computed = 0;
    const count = () => cached(db, "groups", async () => {
      computed++;
      return db.group.count();
    });
    const [a, b, c] = await Promise.all([count(), count(), count()]);
    expect([a, b, c]).toEqual([a, a, a]);
    if (!onPostgres) {
      expect(computed).toBe(1);
      expect(await count()).toBe(a);
      expect(computed).toBe(1);
    }
    const before = computed;
    await db.group.create({ data: { slug: "dv-2", name: "Another" } });
    expect(await count()).toBe(a + 1);
    expect(computed).toBeGreaterThan(before);
  });

  it("does not move for operational writes: a job queued, a rate-limit counter, a share-link opened", async () => {
    const a = await dataVersion(db);
    await db.job.create({ data: { kind: "test.noop", key: `noop-${Date.now()}` } });
    await db.rateLimit.create({ data: { key: `test:${Date.now()}`, points: 1 } });
    expect(await dataVersion(db)).toBe(a);
    await db.group.update({ where: { slug: "dv-1" }, data: { name: "Changed again" } });
    expect(await dataVersion(db)).not.toBe(a);
  });

  it("moves once a transaction commits, not before, and a rolled-back one may leave it", async () => {
    const a = await dataVersion(db);
    let inside = "";
    await db.$transaction(async (tx) => {
      await tx.group.create({ data: { slug: "dv-3", name: "In a transaction" } });
      await tx.group.update({ where: { slug: "dv-3" }, data: { name: "Twice" } });
      inside = await dataVersion(db);
    });
    // Read from outside the transaction, the token did not move before the commit.
    if (onPostgres) expect(inside).toBe(a);
    expect(await dataVersion(db)).not.toBe(a);
  });

  it("every record table carries the trigger; only the operational ones are left out", async () => {
    const { UNVERSIONED_TABLES } = await import("@/lib/data-version");
    const tables = onPostgres
      ? (await db.$queryRawUnsafe<{ t: string; n: bigint }[]>(
          `SELECT c.relname::text AS t, COUNT(g.oid) AS n FROM pg_class c LEFT JOIN pg_trigger g ON g.tgrelid = c.oid AND g.tgname LIKE 'dv\\_%'
            WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace GROUP BY c.relname`,
        ))
      : await db.$queryRawUnsafe<{ t: string; n: bigint }[]>(
          `SELECT m.name AS t, (SELECT COUNT(*) FROM sqlite_master g WHERE g.type = 'trigger' AND g.tbl_name = m.name AND g.name LIKE 'dv\\_%' ESCAPE '\\') AS n
             FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
        );
    // A virtual table (the search's FTS5) and its shadow tables take no triggers: the same rule as lib/data-version.ts.
    const virtual = onPostgres ? [] : (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)).map((r) => r.name);
    const triggerless = (t: string) => virtual.some((v) => t === v || t.startsWith(`${v}_`));
    const missing = tables.filter((r) => !UNVERSIONED_TABLES.has(r.t) && !triggerless(r.t) && Number(r.n) === 0).map((r) => r.t);
    expect(missing).toEqual([]);
    expect(tables.find((r) => r.t === "Application")).toBeTruthy();
    expect(Number(tables.find((r) => r.t === "Job")?.n ?? 0)).toBe(0);
  });

  it("is a plain string whatever the database", async () => {
    expect(typeof (await dataVersion(db))).toBe("string");
    expect(sqliteFilePath("file:./x.db")).toMatch(/x\.db$/);
  });
});

describe("case-insensitive text search", () => {
  it("finds Cyrillic and Latin text whatever the case", async () => {
    await db.group.createMany({
      data: [
        { slug: "ts-feminita", name: "Феминита Алматы" },
        { slug: "ts-kazfem", name: "KazFem Shymkent" },
        { slug: "ts-percent", name: "100% women" },
      ],
    });
    const names = async (where: object) => (await db.group.findMany({ where: { slug: { startsWith: "ts-" }, ...where }, orderBy: { slug: "asc" } })).map((g) => g.name);
    expect(await names({ name: contains("алматы") })).toEqual(["Феминита Алматы"]);
    expect(await names({ name: contains("АЛМАТЫ") })).toEqual(["Феминита Алматы"]);
    expect(await names({ name: contains("kazfem") })).toEqual(["KazFem Shymkent"]);
    expect(await names({ name: startsWith("фем") })).toEqual(["Феминита Алматы"]);
    expect(await names({ name: contains("нет такого") })).toEqual([]);
    // A user's % or _ is a character to look for, not a wildcard.
    expect(await names({ name: contains("%") })).toEqual(["100% women"]);
    expect(await names({ name: contains("_") })).toEqual([]);
  });

  it("cleans what a search box passes on", () => {
    expect(searchTerm("  a\u0000b \n c  ")).toBe("a b c");
    expect(searchTerm(42)).toBe("");
    expect(searchTerm("x".repeat(500)).length).toBe(200);
  });
});

describe("the PostgreSQL schema and migrations", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma", () => {
    const sqlite = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
    const committed = fs.readFileSync(path.resolve("prisma/postgres/schema.prisma"), "utf8");
    expect(committed, "run `npx tsx scripts/sync-pg-schema.ts`").toBe(toPostgresSchema(sqlite));
  });

  it("the newest PostgreSQL migration was generated from the current schema", () => {
    const migrations = listPgMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const last = migrations[migrations.length - 1].name;
    const snapshot = fs.readFileSync(path.resolve("prisma/postgres/migrations", last, "schema.prisma"), "utf8");
    expect(snapshot, "run `npx tsx scripts/sync-pg-schema.ts` with PostgreSQL running").toBe(fs.readFileSync(path.resolve("prisma/postgres/schema.prisma"), "utf8"));
  });
});
