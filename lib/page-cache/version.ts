// The data version (lib/data-version.ts) read from the proxy, without Prisma: a read-only
// SQLite connection of its own (microseconds), or one small PostgreSQL pool. Every committed
// write to a record table moves it, in whichever instance the write happened.
import Database from "better-sqlite3";
import pg from "pg";
import { DATA_VERSION_SQL } from "../data-version";
import { databaseUrl, isPostgresUrl, replicaDatabaseUrl, sqliteFilePath } from "../db-url";

type Reader = () => Promise<string | null>;
let reader: Reader | null = null;

function makeReader(url: string): Reader {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => undefined);
    return async () => {
      const { rows } = await pool.query<{ v: unknown }>(DATA_VERSION_SQL);
      return rows.length ? `p${String(rows[0].v)}` : null;
    };
  }
  let stmt: Database.Statement | null = null;
  return async () => {
    if (!stmt) stmt = new Database(sqliteFilePath(url), { fileMustExist: true, readonly: true }).prepare(DATA_VERSION_SQL).pluck();
    const v = stmt.get();
    return v === undefined ? null : `s${String(v)}`;
  };
}

/** The current data version, or null when it cannot be read (then nothing is served from the cache). */
export async function currentDataVersion(): Promise<string | null> {
  try {
    // Cached pages are anonymous pages, rendered from the read replica when there is one
    // (lib/db.ts readerFor): their version is the replica's, so a lagging replica's page is
    // never stored under a version it has not reached.
    reader ??= makeReader(replicaDatabaseUrl() ?? databaseUrl());
    return await reader();
  } catch {
    reader = null;
    return null;
  }
}
