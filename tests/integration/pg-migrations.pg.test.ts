// PostgreSQL only (included by vitest.config.ts when TEST_DATABASE=postgres): the migrator
// that stands in for `prisma migrate deploy` (see scripts/pg-migrate.ts for why).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listPgMigrations, migratePostgres } from "@/scripts/pg-migrate";

afterAll(() => db.$disconnect());

describe("the PostgreSQL migrator", () => {
  it("records applied migrations where Prisma would, and applies nothing twice", async () => {
    const url = process.env.DATABASE_URL!;
    const again = await migratePostgres(url);
    expect(again.applied).toEqual([]);
    const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(listPgMigrations().map((m) => [m.name, m.checksum]));
  });

  it("two processes migrating at once do not collide", async () => {
    const url = process.env.DATABASE_URL!;
    const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    expect(results.flatMap((r) => r.applied)).toEqual([]);
  });
});
