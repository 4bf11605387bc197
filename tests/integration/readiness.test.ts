// /api/ready: a load balancer sends traffic only to an instance whose database is reachable
// and fully migrated; /api/health stays a plain liveness check.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as ready } from "@/app/api/ready/route";
import { GET as health } from "@/app/api/health/route";

describe("readiness", () => {
  it("is ready on a migrated database", async () => {
    const r = await ready();
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ready: true, problems: [] });
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("is not ready while a committed migration is not applied, and says which", async () => {
    const [last] = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT "migration_name" AS name FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`);
    await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "finished_at" = NULL WHERE "migration_name" = $1`.replace("$1", `'${last.name}'`));
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ ready: false, problems: [`migrations pending: ${last.name}`] });
      // Liveness does not depend on it: the process is up, it only must not take traffic.
      expect((await health()).status).toBe(200);
    } finally {
      await db.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET "finished_at" = "started_at" WHERE "migration_name" = '${last.name}'`);
    }
    expect((await ready()).status).toBe(200);
  });

  it("is not ready without the data version counter the caches key on", async () => {
    await db.$executeRawUnsafe(`DELETE FROM "DataVersion"`);
    try {
      const r = await ready();
      expect(r.status).toBe(503);
      expect((await r.json()).problems).toEqual(["data version counter missing"]);
    } finally {
      await db.$executeRawUnsafe(`INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0)`);
    }
  });

  it("is not ready without the triggers that tell the statistics which cases a write touched", async () => {
    const pg = process.env.TEST_DATABASE === "postgres";
    await db.$executeRawUnsafe(pg ? `DROP TRIGGER "sc_Evidence" ON "Evidence"` : `DROP TRIGGER "sc_Evidence_insert"`);
    const r = await ready();
    expect(r.status).toBe(503);
    expect((await r.json()).problems).toEqual(["statistics change triggers missing"]);
    // Setup puts them back.
    if (pg) {
      const { ensureDataVersionPostgres } = await import("@/lib/data-version");
      const pgLib = (await import("pg")).default;
      const client = new pgLib.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await ensureDataVersionPostgres(client).finally(() => client.end());
    } else {
      const { ensureDataVersionSqlite } = await import("@/lib/data-version");
      const Database = (await import("better-sqlite3")).default;
      const conn = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
      ensureDataVersionSqlite(conn);
      conn.close();
    }
    expect((await ready()).status).toBe(200);
  });
});
