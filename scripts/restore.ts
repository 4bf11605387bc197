// `npm run restore -- PATH`: puts a backup made by `npm run backup` back as the database
// DATABASE_URL names, then applies any migrations newer than the backup.
//  - The backup is checked first (SQLite: integrity_check and the app's tables), and the
//    current database is saved beside it as a pre-restore backup, so a wrong restore can be
//    undone with another restore.
//  - SQLite: copied in with the online backup API, which takes the database's write lock and
//    replaces every page at once, so a running server sees the old or the new database,
//    never a mix. Still, stop the server for a restore: its in-memory caches are not told.
//  - PostgreSQL: pg_restore --clean --single-transaction: all or nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../lib/db-url";
import { backupDatabase, backupFilesDir, verifySqliteBackup } from "./backup";
import { storage } from "../lib/storage";
import { folderStorage } from "../lib/storage/folder";
import { migratePostgres } from "./pg-migrate";
import { privateFiles, restrictNewFiles } from "../lib/private-files";

const require = createRequire(import.meta.url);

export interface RestoreResult {
  restoredFrom: string;
  previous: string | null;
  /** Attached documents put back into the store from <backup>.files/. */
  filesRestored: number;
}

/**
 * Puts the backup's documents back into the configured store. The store is content-addressed,
 * so objects already there are left as they are and nothing in it is removed (a pre-restore
 * backup may still need them).
 */
export async function restoreFiles(dir: string): Promise<number> {
  if (!fs.existsSync(dir)) return 0;
  const from = folderStorage(dir);
  const to = storage();
  let n = 0;
  for await (const key of from.keys()) {
    const bytes = await from.get(key);
    if (!bytes) continue;
    const put = await to.put(bytes);
    if (put.key !== key) throw new Error(`restore: ${key} in ${dir} does not match its content; that file of the backup is damaged`);
    n++;
  }
  return n;
}

async function migrate(url: string): Promise<void> {
  if (isPostgresUrl(url)) {
    await migratePostgres(url);
    return;
  }
  execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
}

export async function restoreDatabase(url: string, file: string, opts: { keepPrevious?: boolean; migrate?: boolean } = {}): Promise<RestoreResult> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`restore: no such backup: ${source}`);
  const postgres = isPostgresUrl(url);
  if (!postgres) verifySqliteBackup(source);
  else execFileSync("pg_restore", ["--list", source], { stdio: ["ignore", "ignore", "pipe"] }); // a readable dump?

  let previous: string | null = null;
  const exists = postgres || fs.existsSync(sqliteFilePath(url));
  if (opts.keepPrevious !== false && exists) {
    const dir = path.join(path.dirname(source), "pre-restore");
    previous = (await backupDatabase(url, path.join(dir, `before-${Date.now()}.${postgres ? "pgdump" : "db"}`))).file;
  }

  try {
    if (postgres) {
      execFileSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", url, source], {
        stdio: ["ignore", "ignore", "pipe"],
      });
    } else {
      const target = sqliteFilePath(url);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const backup = new Database(source, { readonly: true, fileMustExist: true });
      try {
        await backup.backup(target);
      } finally {
        backup.close();
      }
      privateFiles(target);
      const live = new Database(target);
      try {
        live.pragma("journal_mode = WAL");
        const result = live.pragma("integrity_check", { simple: true });
        if (result !== "ok") throw new Error(`the restored database fails its integrity check: ${String(result)}`);
      } finally {
        live.close();
      }
    }
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`restore failed${previous ? ` (the database as it was is saved in ${previous})` : ""}: ${stderr || (e instanceof Error ? e.message : String(e))}`);
  }
  if (opts.migrate !== false) await migrate(url);
  const filesRestored = await restoreFiles(backupFilesDir(source));
  return { restoredFrom: source, previous, filesRestored };
}

async function main() {
  restrictNewFiles();
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) {
    console.error("usage: npm run restore -- PATH   (a file made by `npm run backup`)");
    process.exit(2);
  }
  const r = await restoreDatabase(databaseUrl(), file);
  console.log(`restore: database restored from ${r.restoredFrom} with ${r.filesRestored} attached document(s)${r.previous ? `; the previous one is saved in ${r.previous}` : ""}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
