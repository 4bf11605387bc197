// The data version (lib/data-version.ts) read from the proxy, without Prisma: a read-only
// SQLite connection of its own (microseconds), or one small PostgreSQL pool. Every committed
// write to a record table moves it, in whichever instance the write happened.
import Database from "better-sqlite3";
import pg from "pg";
import { DATA_VERSION_SQL } from "../data-version";
import { databaseUrl, isPostgresUrl, replicaDatabaseUrl, sqliteFilePath } from "../db-url";

type Reader = () => Promise<string | null>;
/** Anonymous copies are rendered from the read replica when there is one, members' from the primary (lib/db.ts readerFor). */
export type VersionSource = "replica" | "primary";
const readers: Partial<Record<VersionSource, Reader>> = {};

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

/**
 * The current data version of the database a page is rendered from, or null when it cannot be
 * read (then nothing is served from the cache). A lagging replica's page is never stored under
 * a version it has not reached; without a replica both sources are the primary's one reader.
 */
export async function currentDataVersion(source: VersionSource = "replica"): Promise<string | null> {
  const replica = replicaDatabaseUrl();
  const which: VersionSource = source === "replica" && replica ? "replica" : "primary";
  try {
    readers[which] ??= makeReader(which === "replica" ? replica! : databaseUrl());
    return await readers[which]();
  } catch {
    delete readers[which];
    return null;
  }
}
