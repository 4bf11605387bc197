// First-run preparation, safe to repeat: a secret in .env.local, the database migrated,
// reference data and the documented history loaded (nothing a user changed is touched).
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { ensureDataVersionSqlite } from "../lib/data-version";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/db-url";
import { createPrismaClient } from "../lib/db-client";
import { loadReference } from "../prisma/seed/reference";
import { migratePostgres } from "./pg-migrate";
import { loadHistory } from "../prisma/seed/load-history";
import { privateDir, privateFiles, restrictNewFiles } from "../lib/private-files";
import { envFilePath, generateKey, readEnvFile } from "../lib/crypto/fields";
import { sealPeople } from "../lib/data/personal";
import { rebuildSearchIndex } from "../lib/data/search-index";

// Everything setup creates (the database, its WAL and SHM, .env.local) is the owner's only.
restrictNewFiles();

function ensureSecret(): void {
  if (process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET) return;
  const file = path.resolve(".env.local");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (/^NEXTAUTH_SECRET=/m.test(current)) return;
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${current}${current && !current.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log("setup: generated NEXTAUTH_SECRET in .env.local");
}

/**
 * The key personal data is sealed with (lib/crypto/fields.ts), generated once like the
 * session secret. Losing it loses every IIN, address and phone: back up .env.local apart
 * from the database (a copy of both together is what encryption at rest protects against).
 */
function ensureDataKey(): void {
  if (process.env.TRACKER_DATA_KEY) return;
  const file = envFilePath();
  const existing = readEnvFile(file).get("TRACKER_DATA_KEY");
  if (existing) {
    process.env.TRACKER_DATA_KEY = existing;
    return;
  }
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const key = generateKey();
  fs.writeFileSync(file, `${current}${current && !current.endsWith("\n") ? "\n" : ""}TRACKER_DATA_KEY=${key}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  process.env.TRACKER_DATA_KEY = key;
  console.log("setup: generated TRACKER_DATA_KEY in .env.local (back it up apart from the database)");
}

const require = createRequire(import.meta.url);

/** Committed SQLite migrations not (or not successfully) applied to this database; any doubt counts as pending. */
function pendingSqliteMigrations(sqlite: Database.Database): number {
  const dir = path.resolve("prisma", "migrations");
  const committed = fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
  try {
    const rows = sqlite.prepare(`SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`).all() as { name: string }[];
    const applied = new Set(rows.map((r) => r.name));
    const failed = sqlite.prepare(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE "finished_at" IS NULL AND "rolled_back_at" IS NULL`).get() as { n: number };
    return committed.filter((m) => !applied.has(m)).length + failed.n;
  } catch {
    return Math.max(1, committed.length);
  }
}

async function migrate(url: string): Promise<void> {
  if (isPostgresUrl(url)) {
    // Not `prisma migrate deploy`: its schema engine cannot read PostgreSQL's catalog through
    // the pg adapter in Prisma 6.19 (see scripts/pg-migrate.ts).
    await migratePostgres(url);
    return;
  }
  const file = sqliteFilePath(url);
  privateDir(path.dirname(file));
  // A database made by an earlier version (or under another umask) is tightened too; SQLite
  // gives new -wal and -shm files the database file's mode.
  privateFiles(file, `${file}-wal`, `${file}-shm`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL"); // persistent: readers never block the writer
  const pending = pendingSqliteMigrations(sqlite);
  sqlite.close();
  // The Prisma CLI costs seconds to start: a restart with every migration applied skips it.
  if (pending > 0) {
    execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url },
    });
  }
  // Every table (new ones too) moves the data version that caches key on.
  const versioned = new Database(file);
  ensureDataVersionSqlite(versioned);
  versioned.close();
  privateFiles(file, `${file}-wal`, `${file}-shm`);
}

async function main() {
  ensureSecret();
  ensureDataKey();
  // `npm start` makes the keys first, then migrates and builds side by side (scripts/start.sh):
  // the build reads .env.local, so it must not be written while the build runs.
  if (process.argv.includes("--keys-only")) return;
  const url = databaseUrl();
  await migrate(url);
  const db = createPrismaClient(url);
  try {
    const ref = await loadReference(db);
    const hist = await loadHistory(db);
    // Rows written before encryption (or by an older version) are sealed now; repeatable.
    const sealed = await sealPeople(db);
    if (sealed) console.log(`setup: sealed the personal data of ${sealed} people under TRACKER_DATA_KEY`);
    // The full-text search index, from every record, when the history above added records
    // (it writes past the data layer) or the index is empty (first start, after an import).
    if (hist.created > 0 || hist.translated > 0 || (await db.searchDoc.count()) === 0) await rebuildSearchIndex(db);
    console.log(`setup: database ready (${isPostgresUrl(url) ? "PostgreSQL" : sqliteFilePath(url)}); reference +${ref.created}, history +${hist.created}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error("setup failed:", e instanceof Error ? e.message : e);
  process.exit(1);
});
