// Where the database lives. Shared by the Prisma CLI config, scripts and the app, so it
// imports nothing from Next.js. The embedded default is a SQLite file under ./data/.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/tracker.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/**
 * DATABASE_REPLICA_URL: a PostgreSQL read replica (streaming standby) for what anonymous
 * visitors read (lib/db.ts readerFor). null when unset, or when the primary is not PostgreSQL.
 */
export function replicaDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.DATABASE_REPLICA_URL?.trim();
  if (!url) return null;
  if (!isPostgresUrl(url) || !isPostgresUrl(databaseUrl(env))) return null;
  return url;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** "file:./data/x.db" → absolute path, resolved against the working directory. */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "").replace(/^\/\//, "");
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}
