import "server-only";
import { createPrismaClient, type Db } from "./db-client";
import { databaseUrl, replicaDatabaseUrl } from "./db-url";

// One client per server process (and per hot reload in development).
const globalForDb = globalThis as unknown as { __trackerDb?: Db; __trackerReplica?: Db };

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
export type { Db, Tx } from "./db-client";
