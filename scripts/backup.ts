// `npm run backup -- [--out PATH]`: a consistent copy of the live database, taken while the
// app keeps running.
//  - SQLite: SQLite's online backup API (better-sqlite3 .backup()), which copies a single
//    consistent snapshot even while the server writes (WAL mode); the copy is checked with
//    PRAGMA integrity_check before it is put in place.
//  - PostgreSQL: pg_dump in its custom format (one transaction-consistent snapshot), for
//    pg_restore. pg_dump must be at least the server's major version.
// The default destination is data/backups/, next to the database (git-ignored). Backups are
// created 0600 in 0700 folders, and nothing but the finished file is left behind.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/db-url";
import { privateDir, restrictNewFiles } from "../lib/private-files";
import { storage, type Storage } from "../lib/storage";
import { folderStorage } from "../lib/storage/folder";

export interface BackupResult {
  file: string;
  bytes: number;
  kind: "sqlite" | "postgres";
  /** The attached documents' bytes, beside the database copy (<file>.files/), and how many. */
  filesDir: string;
  fileCount: number;
}

/** Where a backup keeps the attached documents: a content-addressed folder beside it. */
export function backupFilesDir(file: string): string {
  return `${path.resolve(file)}.files`;
}

/**
 * Copies every stored document into a private folder laid out like the folder store (so the
 * copy is checked by its own SHA-256 names). Taken after the database: a file attached in
 * between is an extra object, never a missing one.
 */
export async function backupFiles(target: string, from: Storage = storage()): Promise<number> {
  const to = folderStorage(target);
  let n = 0;
  for await (const key of from.keys()) {
    const bytes = await from.get(key);
    if (!bytes) continue;
    const put = await to.put(bytes);
    if (put.key !== key) throw new Error(`backup: the stored object ${key} does not match its content (${put.key}); the store is damaged`);
    n++;
  }
  privateDir(target);
  return n;
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

export function defaultBackupPath(url: string): string {
  return path.resolve("data", "backups", `tracker-${stamp()}.${isPostgresUrl(url) ? "pgdump" : "db"}`);
}

/** Checks a SQLite file is a whole, uncorrupted database of this app; throws why not. */
export function verifySqliteBackup(file: string): void {
  const check = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity check failed: ${String(result)}`);
    const hasSchema = check.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'Application'").get();
    if (!hasSchema) throw new Error("not a tracker database (it has no Application table)");
  } finally {
    check.close();
  }
}

/** The file and what SQLite may have opened beside it. */
function removeWithCompanions(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

export async function backupDatabase(url: string, out: string): Promise<BackupResult> {
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  // Written beside the target and renamed, so a crash never leaves a half backup under its name.
  const partial = `${target}.partial-${process.pid}`;
  try {
    if (isPostgresUrl(url)) {
      execFileSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial, "--dbname", url], {
        stdio: ["ignore", "ignore", "pipe"],
      });
    } else {
      const source = new Database(sqliteFilePath(url), { fileMustExist: true });
      try {
        source.pragma("busy_timeout = 10000");
        // All pages in one step, inside one read transaction: copied in small steps (the
        // default), every write the server makes meanwhile would restart the copy, forever
        // under steady load. WAL readers do not block the writer, so this costs it nothing.
        await source.backup(partial, { progress: () => 0x7fffffff });
      } finally {
        source.close();
      }
      // The copy carries the source's WAL mode, and opening a WAL database (even to read it)
      // leaves -wal and -shm files beside it: the backup becomes one self-contained file.
      const copy = new Database(partial, { fileMustExist: true });
      try {
        copy.pragma("journal_mode = DELETE");
      } finally {
        copy.close();
      }
      verifySqliteBackup(partial);
    }
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    removeWithCompanions(partial);
  } catch (e) {
    removeWithCompanions(partial);
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`backup failed: ${stderr || (e instanceof Error ? e.message : String(e))}`);
  }
  const filesDir = backupFilesDir(target);
  fs.rmSync(filesDir, { recursive: true, force: true });
  const fileCount = await backupFiles(filesDir);
  return { file: target, bytes: fs.statSync(target).size, kind: isPostgresUrl(url) ? "postgres" : "sqlite", filesDir, fileCount };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main() {
  restrictNewFiles();
  const args = process.argv.slice(2);
  const url = databaseUrl();
  const given = argValue(args, "--out");
  if (!given) privateDir(path.resolve("data", "backups"));
  const out = given ?? defaultBackupPath(url);
  const r = await backupDatabase(url, out);
  console.log(`backup: wrote ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB, ${r.kind}) and ${r.fileCount} attached document(s) in ${r.filesDir}; restore with: npm run restore -- ${r.file}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
