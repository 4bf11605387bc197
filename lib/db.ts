import "server-only";
import { createBackgroundReader, createPrismaClient, type Db } from "./db-client";
import { databaseUrl, replicaDatabaseUrl } from "./db-url";

// One client per server process (and per hot reload in development).
const globalForDb = globalThis as unknown as { __trackerDb?: Db; __trackerReplica?: Db; __trackerBackground?: Db | null };

/** The primary: every write, and every read that must see the latest write. */
export const db: Db = globalForDb.__trackerDb ?? createPrismaClient();

/**
 * The read replica when DATABASE_REPLICA_URL names one (PostgreSQL only), else the primary.
 * A replica lags the primary by its replication delay; only readerFor() decides who reads it.
 */
export const replica: Db = globalForDb.__trackerReplica ?? replicaClient();
if (process.env.NODE_ENV === "development") {
  globalForDb.__trackerDb = db;
  globalForDb.__trackerReplica = replica;
}

function replicaClient(): Db {
  const url = replicaDatabaseUrl();
  if (url) return createPrismaClient(url);
  if (process.env.DATABASE_REPLICA_URL?.trim()) {
    console.warn(`DATABASE_REPLICA_URL is ignored: a read replica needs PostgreSQL for both it and DATABASE_URL (${databaseUrl().startsWith("file:") ? "DATABASE_URL is SQLite" : "not a postgresql:// URL"}).`);
  }
  return db;
}

/**
 * The one place that picks the database a read goes to. Anonymous visitors (the public pages,
 * the statistics, the open-data API without a token) read the replica: they see published
 * records only, and a replica's lag of a moment is what any cache would give them. A signed-in
 * member reads the primary, always: whatever they just saved is on their next page, whatever
 * the replica's lag, and their private records never depend on it. Writes use `db`.
 */
export function readerFor(actor: object | null): Db {
  return actor ? db : replica;
}

/**
 * The reader for recomputes no visitor waits for (lib/data/background-cache: the statistics,
 * the filter options), also the first, cold one. On SQLite its queries run in a worker thread
 * over the same file, read-only: better-sqlite3 is synchronous, and on the server's thread a
 * recompute at 100,000 applications would hold every other request of the process for
 * seconds. On PostgreSQL queries never hold the thread, so it is readerFor(actor) itself
 * (the replica for anonymous readers). Caches label what it computes with the data version
 * read through readerFor(actor) before the queries: both read the same database.
 */
export function backgroundReaderFor(actor: object | null): Db {
  if (background === undefined) {
    background = globalForDb.__trackerBackground ?? createBackgroundReader();
    if (process.env.NODE_ENV === "development") globalForDb.__trackerBackground = background;
  }
  return background ?? readerFor(actor);
}
let background: Db | null | undefined;
export type { Db, Tx } from "./db-client";
