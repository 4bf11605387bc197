// A throwaway PostgreSQL database per test file (TEST_DATABASE=postgres), created through a
// role that may CREATE DATABASE (.ci/postgres sets one up) and migrated like production.
import crypto from "node:crypto";
import pg from "pg";
import { migratePostgres } from "../../scripts/pg-migrate";

export const TEST_DB_PREFIX = "tracker_test_";

/** The maintenance connection: TEST_POSTGRES_URL, or the role .ci/postgres creates. */
export function adminPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || "postgresql://tracker:tracker@127.0.0.1:5432/tracker";
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** null when reachable, else why not (for a clear skip or failure message). */
export async function postgresUnreachable(url = adminPostgresUrl()): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPostgresUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createFreshPostgresDatabase(): Promise<{ url: string; name: string }> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(adminPostgresUrl(), name);
  await migratePostgres(url);
  return { url, name };
}

/**
 * DROP … WITH (FORCE) refuses when a backend it may not signal is still attached: an
 * autovacuum worker after a write-heavy file (roleId 0 on PostgreSQL 15), or a killed child's
 * connection not yet gone. Retry for a few seconds; .ci/postgres also grants the role
 * pg_signal_backend. A database still left is reported and dropped by the next run's sweep.
 */
export async function dropPostgresDatabase(name: string): Promise<void> {
  if (!name.startsWith(TEST_DB_PREFIX)) throw new Error(`refusing to drop ${name}: not a test database`);
  let last: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 250 * Math.min(attempt + 1, 4)));
    }
  }
  console.warn(`could not drop test database ${name}; the next run drops it: ${last instanceof Error ? last.message : String(last)}`);
}

/** Databases left by test runs that were killed. */
export async function dropLeftoverTestDatabases(): Promise<number> {
  const names = await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE left(datname, length($1)) = $1`, [TEST_DB_PREFIX]);
    return rows.map((r) => r.datname);
  });
  for (const name of names) await dropPostgresDatabase(name);
  return names.length;
}
