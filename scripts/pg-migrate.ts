// Applies prisma/postgres/migrations/*/migration.sql to a PostgreSQL database.
//
// Why not `prisma migrate deploy`: with @prisma/adapter-pg, Prisma 6.19's JS schema engine
// reads the catalog and fails on PostgreSQL's internal `name` type (OID 19) with "Column type
// 'name' could not be deserialized" (prisma/orm#27403; the adapter learns the type only in a
// later release). Applying plain SQL files needs nothing from the engine, so this does it
// with `pg` and keeps the bookkeeping in Prisma's own `_prisma_migrations` table, with the
// same columns and checksums, so that `prisma migrate deploy/status` can take over unchanged
// once the upstream fix is installed.
//
// Each migration runs in one transaction together with its bookkeeping row (PostgreSQL DDL
// is transactional), so a failed migration leaves nothing half-applied. An advisory lock
// keeps two processes (two app instances starting at once) from migrating together.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ensureDataVersionPostgres } from "../lib/data-version";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PG_MIGRATIONS_DIR = path.join(root, "prisma", "postgres", "migrations");
const LOCK_KEY = 7_240_511; // any constant: one lock for "migrating this database"

export interface PgMigration {
  name: string;
  sql: string;
  checksum: string;
}

export function listPgMigrations(dir = PG_MIGRATIONS_DIR): PgMigration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/** Brings the database up to the committed migrations. Safe to repeat and to run concurrently. */
export async function migratePostgres(url: string, opts: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const migrations = listPgMigrations(opts.dir);
  if (migrations.length === 0) throw new Error(`no PostgreSQL migrations found in ${opts.dir ?? PG_MIGRATIONS_DIR}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(BOOKKEEPING);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      // Left by `prisma migrate deploy` (which does not use a transaction): a person must look.
      throw new Error(`migration ${failed.migration_name} failed earlier and was not resolved; see the _prisma_migrations table`);
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const checksum = done.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) opts.log?.(`pg-migrate: warning: ${m.name} was edited after it was applied`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`migration ${m.name} failed and was rolled back: ${e instanceof Error ? e.message : String(e)}`);
      }
      applied.push(m.name);
      opts.log?.(`pg-migrate: applied ${m.name}`);
    }
    // Every table (new ones too) moves the data version that caches key on.
    await ensureDataVersionPostgres(client);
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

async function main() {
  const url = process.env.DATABASE_URL ?? "";
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    console.error("pg-migrate: set DATABASE_URL to a postgresql:// URL");
    process.exit(2);
  }
  const r = await migratePostgres(url, { log: console.log });
  console.log(`pg-migrate: ${r.applied.length} applied, ${r.alreadyApplied} already there`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
