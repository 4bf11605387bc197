// The database, its WAL/SHM, backups and exports are the owner's only (0600 files in 0700
// folders), even when the shell's umask is the usual 022 and the data folder already exists
// with 0755; a backup leaves nothing but its file behind, on success and on failure.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "@/scripts/backup";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-modes-"));
const dataDir = path.join(root, "data");
const dbFile = path.join(dataDir, "tracker.db");
const url = `file:${dbFile}`;
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

/** A script run the way a person runs it: from a shell whose umask lets everyone read. */
function run(args: string[], env: Record<string, string> = {}): string {
  return execFileSync("/bin/sh", ["-c", 'umask 022; exec "$@"', "sh", process.execPath, tsx, ...args], {
    env: { ...process.env, DATABASE_URL: url, ...env },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

beforeAll(() => {
  // What an earlier version (or a person) left: a world-readable data folder.
  fs.mkdirSync(dataDir, { mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  run(["scripts/setup.ts"]);
}, 300_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// A SQLite database of its own, in the PostgreSQL pass too: the files are what is tested.
describe("files on disk", () => {
  it("setup leaves the database, its WAL and SHM 0600 in a 0700 folder", () => {
    expect(mode(dataDir)).toBe(0o700);
    const files = fs.readdirSync(dataDir).map((f) => path.join(dataDir, f));
    expect(files).toContain(dbFile);
    for (const f of files) expect([f, mode(f)]).toEqual([f, 0o600]);
  });

  it("setup tightens a database an earlier version created world-readable", () => {
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(dbFile, 0o644);
    run(["scripts/setup.ts"]);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(dbFile)).toBe(0o600);
  }, 300_000);

  it("a backup is one 0600 file in a 0700 folder, with no .partial-* left beside it", () => {
    const dir = path.join(root, "backups");
    run(["scripts/backup.ts", "--out", path.join(dir, "b.db")]);
    expect(mode(dir)).toBe(0o700);
    // The database, and beside it the folder of attached files (restore puts both back).
    expect(fs.readdirSync(dir).sort()).toEqual(["b.db", "b.db.files"]);
    expect(mode(path.join(dir, "b.db"))).toBe(0o600);
    expect(mode(path.join(dir, "b.db.files"))).toBe(0o700);
  });

  it("a failed backup leaves nothing behind either", async () => {
    const dir = path.join(root, "failed");
    await expect(backupDatabase(`file:${path.join(root, "missing.db")}`, path.join(dir, "b.db"))).rejects.toThrow(/backup failed/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("exports (JSON and CSV) are 0600 files in 0700 folders", () => {
    const json = path.join(root, "exports", "all.json");
    run(["scripts/export.ts", "--format", "json", "--out", json]);
    expect(mode(path.dirname(json))).toBe(0o700);
    expect(mode(json)).toBe(0o600);
    // The export and its documents manifest, both owner-only.
    expect(fs.readdirSync(path.dirname(json)).sort()).toEqual(["all.json", "all.json.documents.json"]);
    expect(mode(`${json}.documents.json`)).toBe(0o600);

    const csv = path.join(root, "csv");
    fs.mkdirSync(csv, { mode: 0o755 });
    fs.chmodSync(csv, 0o755);
    run(["scripts/export.ts", "--format", "csv", "--out", csv]);
    expect(mode(csv)).toBe(0o700);
    const files = fs.readdirSync(csv);
    expect(files).toContain("applications.csv");
    for (const f of files) expect([f, mode(path.join(csv, f))]).toEqual([f, 0o600]);
  });
});
