// Every row of every table, as JSON: what a copy of the database (or a dump) holds.
import { db } from "@/lib/db";
import { testDatabaseKind } from "./db";

/**
 * SQLite's tables, a virtual table (the search's FTS5) read through itself: its shadow tables
 * hold the same words in binary pages (with secure-delete on, a deleted row's words go at once).
 */
export async function sqliteTables(): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string; sql: string | null }[]>(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`);
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? "")).map((r) => r.name);
  return rows.map((r) => r.name).filter((t) => !virtual.some((v) => t.startsWith(`${v}_`)));
}

export async function dumpAllTables(): Promise<string> {
  const pg = testDatabaseKind() === "postgres";
  const tables = pg
    ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)).map((t) => t.name)
    : await sqliteTables();
  const out: Record<string, unknown> = {};
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  // PostgreSQL: each row as its JSON text, whatever the column types.
  for (const t of tables) out[t] = pg ? await db.$queryRawUnsafe(`SELECT row_to_json(t)::text AS row FROM ${q(t)} t`) : await db.$queryRawUnsafe(`SELECT * FROM ${q(t)}`);
  return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}
