// The data version: a counter that moves with every committed write to the record tables, so
// that caches in any number of app instances (statistics, filter options, counts, cached
// pages) can tell whether what they computed is still true. Triggers bump it:
//  - SQLite: AFTER INSERT/UPDATE/DELETE on each table, per row (one writer at a time, so a
//    single counter row costs no contention);
//  - PostgreSQL: a deferred constraint trigger per table that bumps the row once per
//    transaction, at commit — after every other lock the transaction takes, so two writers can
//    never deadlock over it, and a reader sees the new version and the new data together.
// Tables of operational state (jobs, rate-limit counters, the share-link access log) are left
// out: a sign-in attempt or a reminder sent must not throw away every cache. Anything a
// cached read may depend on (users and their session versions, sessions, share links) keeps
// its trigger.
// No "server-only": setup, migrations and tests ensure the triggers; new tables get theirs at
// the next migration run.
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { ensureStatsChangesPostgres, ensureStatsChangesSqlite } from "./stats-changes";

/** Tables whose writes do not change what any page shows. Add operational tables here. */
export const UNVERSIONED_TABLES = new Set([
  "_prisma_migrations",
  "DataVersion",
  "Job",
  "RateLimit",
  "ShareAccess",
  // A sign-in's one-time passkey challenge (lib/data/passkeys.ts), like a rate-limit window.
  "WebAuthnChallenge",
  // The statistics' log of changed cases (lib/stats-changes.ts): written with a write that moves the version already.
  "StatsChange",
]);

const ident = (t: string) => `"${t.replace(/"/g, '""')}"`;

export function ensureDataVersionSqlite(sqlite: BetterSqlite3.Database): number {
  sqlite.exec(`INSERT OR IGNORE INTO "DataVersion" ("id", "version") VALUES (1, 0)`);
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  // A virtual table (the search's FTS5) takes no triggers, nor do its shadow tables; the
  // rows it indexes are in an ordinary table that has them.
  const virtual = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[];
  let made = 0;
  for (const t of tables) {
    if (UNVERSIONED_TABLES.has(t) || virtual.some((v) => t === v || t.startsWith(`${v}_`))) continue;
    for (const op of ["INSERT", "UPDATE", "DELETE"]) {
      const name = ident(`dv_${t}_${op.toLowerCase()}`);
      const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(`dv_${t}_${op.toLowerCase()}`);
      if (exists) continue;
      sqlite.exec(`CREATE TRIGGER ${name} AFTER ${op} ON ${ident(t)} BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1; END`);
      made++;
    }
  }
  // The log of changed cases, kept by the same setup runs (lib/stats-changes.ts).
  if (tables.includes("StatsChange")) made += ensureStatsChangesSqlite(sqlite);
  return made;
}

const PG_FUNCTION = `
CREATE OR REPLACE FUNCTION tracker_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction: later rows of the same transaction find the marker set.
  IF current_setting('tracker.data_version_bumped', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('tracker.data_version_bumped', txid_current()::text, true);
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$`;

export async function ensureDataVersionPostgres(client: pg.Client): Promise<number> {
  await client.query(`INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING`);
  await client.query(PG_FUNCTION);
  const { rows } = await client.query<{ table_name: string; has: boolean }>(`
    SELECT t.table_name,
           EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                   WHERE c.relname = t.table_name AND c.relnamespace = current_schema()::regnamespace
                     AND g.tgname = 'dv_' || t.table_name) AS has
      FROM information_schema.tables t
     WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`);
  let made = 0;
  for (const { table_name: t, has } of rows) {
    if (UNVERSIONED_TABLES.has(t) || has) continue;
    await client.query(
      `CREATE CONSTRAINT TRIGGER ${ident(`dv_${t}`)} AFTER INSERT OR UPDATE OR DELETE ON ${ident(t)}
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tracker_bump_data_version()`,
    );
    made++;
  }
  if (rows.some((r) => r.table_name === "StatsChange")) made += await ensureStatsChangesPostgres(client);
  return made;
}

export const DATA_VERSION_SQL = `SELECT "version" AS v FROM "DataVersion" WHERE "id" = 1`;
