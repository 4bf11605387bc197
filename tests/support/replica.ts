// A PostgreSQL primary and its streaming replica, made for one test with Debian's PostgreSQL 15
// binaries: initdb a throwaway cluster, pg_basebackup -R it into a second folder (the standby
// configuration written for us), start both with pg_ctl on free ports. The shared cluster the
// other tests use is not touched (a base backup copies a whole cluster, and changing its
// replication settings would need a restart). PostgreSQL refuses to run as root, so as root (CI)
// every command runs as the `postgres` user; otherwise as the current user.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface ReplicaPair {
  /** postgresql://… of a database `name` on the primary, and the same database on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  /** Stops replaying WAL on the replica (it keeps serving what it has), and resumes it. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function postgresBinDir(): string | null {
  const candidates = [process.env.TRACKER_PG_BINDIR, "/usr/lib/postgresql/15/bin", ...listVersions()].filter((d): d is string => Boolean(d));
  return candidates.find((d) => fs.existsSync(path.join(d, "pg_ctl")) && fs.existsSync(path.join(d, "initdb")) && fs.existsSync(path.join(d, "pg_basebackup"))) ?? null;
}

function listVersions(): string[] {
  try {
    return fs
      .readdirSync("/usr/lib/postgresql")
      .sort((a, b) => Number(b) - Number(a))
      .map((v) => `/usr/lib/postgresql/${v}/bin`);
  } catch {
    return [];
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startReplicaPair(database = "tracker"): Promise<ReplicaPair> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries (pg_ctl, initdb, pg_basebackup) not found: apt-get install postgresql");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-replica-"));
  let owner: { uid: number; gid: number } | null = null;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    owner = { uid, gid };
    fs.chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const cmd = path.join(bin, tool);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: dir, timeout: 120_000 });
  };
  const primaryDir = path.join(dir, "primary");
  const replicaDir = path.join(dir, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stopAll = () => {
    for (const d of started.reverse()) {
      try {
        run("pg_ctl", ["-D", d, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already down
      }
    }
    started.length = 0;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    // trust on 127.0.0.1 only, for a cluster that lives as long as one test file.
    run("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    const settings = ["listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, "wal_level = replica", "max_wal_senders = 4", "hot_standby = on", "fsync = off", "synchronous_commit = off"];
    fs.appendFileSync(path.join(primaryDir, "postgresql.conf"), `\n${settings.join("\n")}\nport = ${primaryPort}\n`);
    if (owner) fs.chownSync(path.join(primaryDir, "postgresql.conf"), owner.uid, owner.gid);
    run("pg_ctl", ["-D", primaryDir, "-l", path.join(dir, "primary.log"), "-w", "-t", "60", "start"]);
    started.push(primaryDir);
    const primaryAdmin = `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`;
    await query(primaryAdmin, `CREATE DATABASE "${database}"`);
    // The replica: a base backup of the running primary, streaming its WAL (-R writes
    // standby.signal and primary_conninfo), on a port of its own.
    run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream", "-c", "fast"]);
    fs.appendFileSync(path.join(replicaDir, "postgresql.conf"), `\nport = ${replicaPort}\n`);
    run("pg_ctl", ["-D", replicaDir, "-l", path.join(dir, "replica.log"), "-w", "-t", "60", "start"]);
    started.push(replicaDir);
  } catch (e) {
    const logs = ["primary.log", "replica.log"].map((f) => (fs.existsSync(path.join(dir, f)) ? `${f}:\n${fs.readFileSync(path.join(dir, f), "utf8").slice(-2000)}` : "")).join("\n");
    stopAll();
    const err = e as { stderr?: string; message?: string };
    throw new Error(`could not set up a streaming replica: ${err.stderr || err.message}\n${logs}`);
  }
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/${database}`;
  const replicaUrl = `postgresql://postgres@127.0.0.1:${replicaPort}/${database}`;
  const replicaAdmin = `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`;
  const lsn = async (url: string, sql: string) => String((await query(url, sql))[0]?.lsn ?? "");
  return {
    primaryUrl,
    replicaUrl,
    pauseReplay: async () => void (await query(replicaAdmin, "SELECT pg_wal_replay_pause()")),
    resumeReplay: async () => void (await query(replicaAdmin, "SELECT pg_wal_replay_resume()")),
    caughtUp: async (timeoutMs = 30_000) => {
      const target = await lsn(primaryUrl, "SELECT pg_current_wal_lsn()::text AS lsn");
      const end = Date.now() + timeoutMs;
      for (;;) {
        const rows = await query(replicaAdmin, "SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), $1::pg_lsn) >= 0 AS lsn", [target]);
        if (rows[0]?.lsn === true) return;
        if (Date.now() > end) throw new Error(`the replica did not reach ${target} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: async () => stopAll(),
  };
}

async function query(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end().catch(() => undefined);
  }
}
