// `npm run backup` / `npm run restore` round trip, on whichever database the pass uses:
// the backup is taken while writes go on, holds a consistent snapshot, and a restore
// brings back exactly what was backed up (keeping the replaced database aside).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { isPostgresUrl } from "@/lib/db-url";
import { backupDatabase, verifySqliteBackup } from "@/scripts/backup";
import { restoreDatabase } from "@/scripts/restore";

const url = process.env.DATABASE_URL!;
const postgres = isPostgresUrl(url);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-backup-test-"));
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function seed() {
  const group = await db.group.create({ data: { slug: `backup-${Date.now()}`, name: "Backup group" } });
  await db.application.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({ groupId: group.id, title: `Known ${i}`, procedure: "notification", city: "Almaty" })),
  });
  return group;
}

describe("backup and restore", () => {
  it("takes a consistent backup while the app writes, and a restore brings it back exactly", async () => {
    const group = await seed();
    const known = await db.application.findMany({ where: { groupId: group.id }, orderBy: { title: "asc" }, select: { id: true, title: true } });

    // Writes keep landing while the backup runs: the copy must still be whole and consistent.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.application.create({ data: { groupId: group.id, title: `During ${written}`, procedure: "approval" } });
        written++;
        // SQLite's writes resolve without leaving the microtask queue: let the backup step.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = path.join(dir, postgres ? "snap.pgdump" : "snap.db");
    const result = await backupDatabase(url, file);
    writing = false;
    await writer;
    expect(result.bytes).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);

    if (!postgres) {
      verifySqliteBackup(file);
      const copy = new Database(file, { readonly: true });
      const inCopy = copy.prepare(`SELECT COUNT(*) AS n FROM "Application" WHERE "groupId" = ? AND "title" LIKE 'Known %'`).get(group.id) as { n: number };
      copy.close();
      expect(inCopy.n).toBe(50);
    }

    // Damage: some records deleted, one changed, one added.
    await db.application.deleteMany({ where: { id: { in: known.slice(0, 10).map((k) => k.id) } } });
    await db.application.update({ where: { id: known[20].id }, data: { title: "Changed after the backup" } });
    await db.application.create({ data: { groupId: group.id, title: "Added after the backup", procedure: "approval" } });

    const restored = await restoreDatabase(url, file, { migrate: postgres });
    expect(restored.previous && fs.existsSync(restored.previous)).toBeTruthy();

    const after = await db.application.findMany({ where: { groupId: group.id, title: { startsWith: "Known" } }, orderBy: { title: "asc" }, select: { id: true, title: true } });
    expect(after).toEqual(known);
    expect(await db.application.count({ where: { title: "Added after the backup" } })).toBe(0);
    expect(await db.application.count({ where: { title: "Changed after the backup" } })).toBe(0);
  });

  it("refuses a file that is not a backup, and changes nothing", async () => {
    const before = await db.application.count();
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "this is not a database".repeat(100));
    await expect(restoreDatabase(url, junk)).rejects.toThrow();
    await expect(restoreDatabase(url, path.join(dir, "missing.db"))).rejects.toThrow(/no such backup/);
    expect(await db.application.count()).toBe(before);
  });

  it("works from the command line: npm run backup -- --out PATH, npm run restore -- PATH", async () => {
    // A database made the way `npm run setup` makes one (with Prisma's migration table), so the
    // restore's migrate step runs for real.
    let cliUrl = url;
    if (!postgres) {
      cliUrl = `file:${path.join(dir, "cli.db")}`;
      execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: cliUrl }, stdio: "ignore" });
      const sqlite = new Database(path.join(dir, "cli.db"));
      sqlite.prepare(`INSERT INTO "Group" (id, slug, name, description, city, "createdAt") VALUES ('g-cli', 'cli', 'CLI group', '', '', 0)`).run();
      sqlite.close();
    } else {
      await db.group.create({ data: { id: "g-cli", slug: "cli", name: "CLI group" } });
    }
    const env = { ...process.env, DATABASE_URL: cliUrl };
    const out = path.join(dir, postgres ? "cli.pgdump" : "cli-backup.db");
    const said = execFileSync(process.execPath, [tsx, "scripts/backup.ts", "--out", out], { env, encoding: "utf8" });
    expect(said).toMatch(/backup: wrote .*cli/);

    if (postgres) await db.group.delete({ where: { id: "g-cli" } });
    else {
      const sqlite = new Database(path.join(dir, "cli.db"));
      sqlite.prepare(`DELETE FROM "Group" WHERE id = 'g-cli'`).run();
      sqlite.close();
    }
    const restoredSaid = execFileSync(process.execPath, [tsx, "scripts/restore.ts", out], { env, encoding: "utf8" });
    expect(restoredSaid).toMatch(/restore: database restored from/);
    if (postgres) expect(await db.group.count({ where: { id: "g-cli" } })).toBe(1);
    else {
      const sqlite = new Database(path.join(dir, "cli.db"), { readonly: true });
      expect(sqlite.prepare(`SELECT name FROM "Group" WHERE id = 'g-cli'`).get()).toEqual({ name: "CLI group" });
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      sqlite.close();
    }
  });
});
