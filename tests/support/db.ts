// A real SQLite file per test file, migrated with the committed migrations.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ensureDataVersionSqlite } from "../../lib/data-version";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function applyMigrations(file: string): void {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  const dir = path.join(root, "prisma/migrations");
  // The same bookkeeping as `prisma migrate deploy`, so that the test database is what
  // production has (readiness reads it).
  sqlite.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
  const record = sqlite.prepare(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES (?, ?, ?, ?, 1)`);
  for (const m of fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory()).sort()) {
    const sql = fs.readFileSync(path.join(dir, m, "migration.sql"), "utf8");
    sqlite.exec(sql);
    record.run(crypto.randomUUID(), crypto.createHash("sha256").update(sql).digest("hex"), new Date().toISOString(), m);
  }
  ensureDataVersionSqlite(sqlite);
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
