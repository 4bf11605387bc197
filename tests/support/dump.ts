// Every row of every table, as JSON: what a copy of the database (or a dump) holds.
import { db } from "@/lib/db";
import { testDatabaseKind } from "./db";

export async function dumpAllTables(): Promise<string> {
  const pg = testDatabaseKind() === "postgres";
  const tables = pg
    ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)).map((t) => t.name)
    : (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((t) => t.name);
  const out: Record<string, unknown> = {};
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  // PostgreSQL: each row as its JSON text, whatever the column types.
  for (const t of tables) out[t] = pg ? await db.$queryRawUnsafe(`SELECT row_to_json(t)::text AS row FROM ${q(t)} t`) : await db.$queryRawUnsafe(`SELECT * FROM ${q(t)}`);
  return JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}
