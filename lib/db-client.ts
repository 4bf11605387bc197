// Builds a Prisma client for a database URL. No "server-only" marker so that scripts
// (seed, user:create, export, bench) can use it; the app imports lib/db.ts instead.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/sqlite/client";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "./db-url";

export type Db = PrismaClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
    // Filled in by the PostgreSQL support (issue 6): a client generated for PostgreSQL.
    throw new Error("PostgreSQL support is not built into this client yet");
  }
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 10_000 });
  return new PrismaClient({ adapter });
}
