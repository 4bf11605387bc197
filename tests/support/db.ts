// A real SQLite file per test file, migrated with the committed migrations.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function applyMigrations(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const dir = path.join(root, "prisma/migrations");
  for (const m of fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort()) {
    sqlite.exec(fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  }
  sqlite.close();
}

export function freshTestDatabaseFile(): { url: string; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-test-"));
  const file = path.join(dir, "test.db");
  applyMigrations(file);
  return { url: `file:${file}`, file, dir };
}

/** Which database the integration suite runs against: TEST_DATABASE=postgres or SQLite. */
export function testDatabaseKind(): "sqlite" | "postgres" {
  return process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}
