// Crash safety: a server under write load is killed with SIGKILL (no shutdown, no flush),
// several times. Every write it acknowledged must be there afterwards, every transaction
// whole or absent, the database intact (SQLite: PRAGMA integrity_check and
// foreign_key_check), and a restarted server must carry on writing.
// The server is tests/support/fault-server.ts (why not Next.js: see there).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { db } from "@/lib/db";
import { isPostgresUrl, sqliteFilePath } from "@/lib/db-url";

const url = process.env.DATABASE_URL!;
const postgres = isPostgresUrl(url);
const running = new Set<ChildProcess>();

afterAll(async () => {
  for (const p of running) p.kill("SIGKILL");
  await db.$disconnect();
});

function startServer(groupId: string): Promise<{ proc: ChildProcess; base: string }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, and a
  // SIGKILL to the CLI would leave that child serving.
  const proc = spawn(process.execPath, ["--import", "tsx", "tests/support/fault-server.ts"], {
    env: { ...process.env, DATABASE_URL: url, FAULT_GROUP_ID: groupId },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(proc);
  proc.on("exit", () => running.delete(proc));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("fault server did not start")), 20_000);
    let out = "";
    proc.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    proc.on("exit", (code) => reject(new Error(`fault server exited early (${code})`)));
  });
}

/** Concurrent writers until `stop()`; returns the tokens the server acknowledged. */
function load(base: string, prefix: string, writers = 6) {
  const acked: string[] = [];
  let failed = 0;
  let stopped = false;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped) {
      const token = `${prefix}-${n++}`;
      try {
        const res = await fetch(`${base}/write?token=${token}`, { method: "POST", signal: AbortSignal.timeout(10_000) });
        if (res.ok) acked.push(((await res.json()) as { token: string }).token);
        else failed++;
      } catch {
        failed++; // the connection died with the server: not acknowledged, may or may not be stored
      }
    }
  });
  return {
    acked,
    get failed() {
      return failed;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

async function waitFor(cond: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

function exited(proc: ChildProcess): Promise<void> {
  return new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once("exit", () => r())));
}

describe("a server killed under write load", () => {
  it("keeps every acknowledged write, no half transaction, and an intact database", async () => {
    const group = await db.group.create({ data: { slug: `fault-${Date.now()}`, name: "Fault group" } });
    const allAcked: string[] = [];

    for (let round = 0; round < 3; round++) {
      const { proc, base } = await startServer(group.id);
      const traffic = load(base, `r${round}`);
      // Kill at a moment when writes are certainly in flight.
      await waitFor(() => traffic.acked.length >= 60 + round * 15, 15_000);
      proc.kill("SIGKILL");
      await exited(proc);
      await traffic.stop();
      expect(traffic.acked.length).toBeGreaterThan(0);
      expect(traffic.failed).toBeGreaterThan(0); // the kill really interrupted requests
      allAcked.push(...traffic.acked);

      const stored = await db.application.findMany({
        where: { groupId: group.id },
        select: { id: true, title: true, _count: { select: { parts: true } } },
      });
      const titles = new Set(stored.map((a) => a.title));
      const lost = allAcked.filter((t) => !titles.has(t));
      expect(lost, "acknowledged writes missing after SIGKILL").toEqual([]);
      // All or nothing: an application is never there without both parts and its audit entry.
      expect(stored.filter((a) => a._count.parts !== 2)).toEqual([]);
      const audited = await db.changeLog.count({ where: { groupId: group.id, entity: "Application" } });
      expect(audited).toBe(stored.length);
    }

    if (!postgres) {
      const sqlite = new Database(sqliteFilePath(url));
      try {
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(sqlite.pragma("foreign_key_check")).toEqual([]);
        expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        sqlite.close();
      }
    } else {
      const broken = await db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT COUNT(*) AS n FROM "Part" p LEFT JOIN "Application" a ON a.id = p."applicationId" WHERE a.id IS NULL`,
      );
      expect(Number(broken[0].n)).toBe(0);
    }

    // And it recovers: a restarted server takes writes again.
    const { proc, base } = await startServer(group.id);
    const after = load(base, "after", 2);
    await waitFor(() => after.acked.length >= 20, 15_000);
    await after.stop();
    expect(after.failed).toBe(0);
    proc.kill("SIGTERM");
    await exited(proc);
  }, 120_000);
});
