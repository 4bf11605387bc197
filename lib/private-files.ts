// The database, its WAL and SHM files, backups and exports hold the records of people at
// risk: only the account that runs the tracker may read them. Every entry point that writes
// data calls restrictNewFiles() first (files 0600, folders 0700); folders that may already
// exist are tightened with privateDir(). No "server-only": the scripts use it.
import fs from "node:fs";

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * New files and folders of this process are readable by its owner only (umask 077). Worker
 * threads may not change the umask (Node throws there); they inherit the process's.
 */
export function restrictNewFiles(): void {
  try {
    process.umask(0o077);
  } catch {
    // a worker thread: the main thread's umask applies
  }
}

/**
 * Creates `dir` (and missing parents) owner-only, and tightens it if it already existed —
 * unless it is a shared folder such as /tmp (sticky or writable by all), which is not ours
 * to close.
 */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const mode = fs.statSync(dir).mode;
  if (mode & 0o1002) return;
  if ((mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Tightens files that an older version (or another umask) created, where they exist. */
export function privateFiles(...files: string[]): void {
  for (const f of files) if (fs.existsSync(f)) fs.chmodSync(f, PRIVATE_FILE_MODE);
}
