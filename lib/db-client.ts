// Builds a Prisma client for a database URL. No "server-only" marker so that scripts
// (seed, user:create, export, bench) can use it; the app imports lib/db.ts instead.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "./generated/pg/client";
import { DATA_VERSION_SQL } from "./data-version";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./db-url";
import { restrictNewFiles } from "./private-files";
import { personFields } from "./crypto/person-fields";
import { registerUnicodeLike } from "./sqlite/like.mjs";
import { OffThreadSqlite, readerWorkerFile } from "./sqlite/off-thread";

// Every process that opens the database (the Next server, the scripts) creates files
// readable by its owner only: the SQLite database, its WAL and SHM, exports and backups.
restrictNewFiles();

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new NulSafePg(new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE) || 10 }));
    // The PostgreSQL client is generated from the very same models (scripts/sync-pg-schema.ts),
    // so its model API is the SQLite client's plus PostgreSQL-only extras such as
    // `mode: "insensitive"` (used only through lib/data/text-search.ts). The app codes
    // against one type; this is the single place where the two generated types meet.
    // Personal fields are sealed and opened by an extension (lib/crypto/person-fields.ts); it
    // changes no model types, so the extended client is still typed as the plain one.
    return (new PgPrismaClient({ adapter }) as unknown as PrismaClient).$extends(personFields) as unknown as PrismaClient;
  }
  const file = sqliteFilePath(url);
  const base = new PrismaClient({ adapter: new UnicodeLikeSqlite(new PrismaBetterSQLite3({ url: file, timeout: 10_000 })) });
  const client = base.$extends(personFields) as unknown as PrismaClient;
  sqliteFiles.set(client, file);
  sqliteFiles.set(base, file);
  return client;
}

/**
 * PostgreSQL refuses the NUL character in text ("invalid byte sequence for encoding UTF8:
 * 0x00"), so a form field or query parameter carrying one would fail as an unexpected error
 * (SQLite stores it). NUL means nothing in this app's text: it is dropped from every string
 * parameter on its way to PostgreSQL, so such input is stored without it, or matches nothing.
 */
class NulSafePg implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  constructor(private readonly inner: PrismaPg) {
    this.adapterName = inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    return withoutNul(await this.inner.connect());
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return withoutNul(await this.inner.connectToShadowDb());
  }
}

type Queryable = { queryRaw: (q: SqlQuery) => Promise<unknown>; executeRaw: (q: SqlQuery) => Promise<unknown> };
type SqlQuery = { sql: string; args: unknown[] };

function stripNul(v: unknown): unknown {
  if (typeof v === "string") return v.includes("\u0000") ? v.replaceAll("\u0000", "") : v;
  if (Array.isArray(v)) return v.map(stripNul);
  return v;
}

function cleanQueries<T extends object>(target: T): T {
  const q = target as unknown as Queryable;
  const queryRaw = q.queryRaw.bind(target);
  const executeRaw = q.executeRaw.bind(target);
  q.queryRaw = (query) => queryRaw({ ...query, args: query.args.map(stripNul) });
  q.executeRaw = (query) => executeRaw({ ...query, args: query.args.map(stripNul) });
  return target;
}

function withoutNul(adapter: SqlDriverAdapter): SqlDriverAdapter {
  cleanQueries(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a: Parameters<SqlDriverAdapter["startTransaction"]>) => cleanQueries(await startTransaction(...a));
  return adapter;
}

/** SQLite's LIKE made case-insensitive beyond ASCII, as PostgreSQL's ILIKE is (lib/sqlite/like.mjs). */
class UnicodeLikeSqlite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  constructor(private readonly inner: PrismaBetterSQLite3) {
    this.adapterName = inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    return withUnicodeLike(await this.inner.connect());
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return withUnicodeLike(await this.inner.connectToShadowDb());
  }
}

function withUnicodeLike(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  if (client && typeof client.function === "function") {
    // Deleted and overwritten content is zeroed, not left in free pages of the file: an erased
    // person's name must not be recoverable from a copy of the database (lib/data/erasure.ts).
    client.pragma("secure_delete = ON");
    registerUnicodeLike(client);
  }
  return adapter;
}

/**
 * A read-only client for work no request should wait for (lib/db.ts backgroundReaderFor): on
 * SQLite its queries run in a worker thread (lib/sqlite/off-thread.ts), so the server's own
 * thread keeps answering while it scans the database. Null where that cannot be (PostgreSQL,
 * whose queries do not hold the thread anyway, or the worker's file is not there).
 */
export function createBackgroundReader(url: string = databaseUrl()): PrismaClient | null {
  if (isPostgresUrl(url)) return null;
  const workerFile = readerWorkerFile();
  if (!workerFile) {
    console.warn("lib/sqlite/reader-worker.mjs is not under the current directory: statistics are recomputed on the server's thread (start the server from the project directory).");
    return null;
  }
  const file = sqliteFilePath(url);
  const base = new PrismaClient({ adapter: new OffThreadSqlite(file, workerFile) });
  const client = base.$extends(personFields) as unknown as PrismaClient;
  sqliteFiles.set(client, file);
  sqliteFiles.set(base, file);
  return client;
}

/**
 * A token that changes whenever anything was written to the database, read at almost no
 * cost (no table is scanned), so caches of expensive reads (statistics, filter options, list
 * counts, case pages) can key on it: equal tokens mean the data they were computed from is
 * unchanged.
 *  - the counter row that lib/data-version.ts's triggers bump with every committed write to
 *    the record tables (not jobs, rate limits or share-link opens), on both databases: it works
 *    on a PostgreSQL read replica, across app instances, and is not moved by other databases
 *    on the same server. On SQLite it is read synchronously through a connection of our own
 *    (microseconds, where a query through Prisma costs milliseconds); a database without the
 *    counter yet (not migrated) falls back to `PRAGMA data_version`.
 * A changed token may not mean changed data; never the other way round.
 */
export async function dataVersion(client: Pick<PrismaClient, "$queryRawUnsafe">): Promise<string> {
  try {
    const watcher = sqliteWatcher(client);
    if (watcher) return `s${watcher.get()}`;
    const rows = await client.$queryRawUnsafe<{ v: unknown }[]>(DATA_VERSION_SQL);
    if (rows.length === 0) throw new Error("no data version row");
    return `p${String(rows[0].v)}`;
  } catch {
    // An SQLite client this module did not make, or a database not migrated yet: no token, so
    // nothing is served from a cache.
    return `uncached:${Date.now()}:${Math.random()}`;
  }
}

/** The SQLite file each client was made for, and one read-only-in-practice watcher per file. */
const sqliteFiles = new WeakMap<object, string>();
const watchers = new Map<string, { get: () => unknown }>();
function sqliteWatcher(client: object): { get: () => unknown } | null {
  const file = sqliteFiles.get(client);
  if (!file) return null;
  let watcher = watchers.get(file);
  if (!watcher) {
    const conn = new Database(file, { fileMustExist: true });
    let counter: BetterSqlite3.Statement | null = null;
    try {
      counter = conn.prepare(DATA_VERSION_SQL).pluck();
    } catch {
      counter = null;
    }
    const pragma = conn.prepare("PRAGMA data_version").pluck();
    watcher = counter ? { get: () => `c${counter.get()}` } : { get: () => `d${pragma.get()}` };
    watchers.set(file, watcher);
  }
  return watcher;
}

/**
 * A small cache for expensive reads (statistics, filter options, list counts) that is never
 * stale: an entry is used only while dataVersion() is what it was when the entry was
 * computed. Concurrent misses for one key share a single computation, so a burst of visitors
 * after a write costs one query, not one each. Keys must include everything the result
 * depends on besides the data (the caller's visibility scope, the filters).
 */
export function versionedCache<T>(max = 200) {
  const entries = new Map<string, { version: string; value: T }>();
  const pending = new Map<string, { version: string; promise: Promise<T> }>();
  return async function cached(client: Pick<PrismaClient, "$queryRawUnsafe">, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await dataVersion(client);
    const hit = entries.get(key);
    if (hit && hit.version === version) return hit.value;
    const inFlight = pending.get(key);
    if (inFlight && inFlight.version === version) return inFlight.promise;
    const promise = compute();
    pending.set(key, { version, promise });
    try {
      const value = await promise;
      entries.delete(key);
      entries.set(key, { version, value });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    } finally {
      if (pending.get(key)?.promise === promise) pending.delete(key);
    }
  };
}

/** Whether a client made by createPrismaClient talks to SQLite (else PostgreSQL): SQL that differs asks this. */
export function isSqliteClient(client: object): boolean {
  return sqliteFiles.has(client);
}
