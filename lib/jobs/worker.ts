// Works the job table: claim one job with a lease, run its kind's handler, record the outcome.
// A job is claimed only while pending and unleased (or its lease ran out: the worker holding it
// died), so two workers (two app instances, the app and `npm run worker`) never run it at once,
// and a job that completed is never run again.
//  - PostgreSQL: SELECT … FOR UPDATE SKIP LOCKED in a transaction (as graphile-worker and
//    pg-boss do), so racing workers take different rows without waiting on each other.
//  - SQLite: one UPDATE … WHERE id = ? AND status = 'pending' AND (lockedUntil IS NULL OR
//    lockedUntil < now), a compare-and-set that SQLite's single writer makes atomic; a worker
//    whose UPDATE changed no row lost the race and tries the next candidate.
import os from "node:os";
import crypto from "node:crypto";
import { Prisma } from "../generated/sqlite/client";
import { isSqliteClient, type Db } from "../db-client";
import { enqueue } from "./queue";

export interface ClaimedJob {
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  /** Including this one. */
  attempts: number;
  maxAttempts: number;
}

export interface JobContext {
  db: Db;
  now: Date;
  workerId: string;
}

/** What a handler returns: nothing when done, or { drop } when the job no longer applies. */
export type JobOutcome = void | { drop: string };
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<JobOutcome>;

const handlers = new Map<string, JobHandler>();

/** One handler per kind; registering again replaces it (hot reload). */
export function registerHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function registeredKinds(): string[] {
  return [...handlers.keys()].sort();
}

export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Seconds before the n-th retry: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

export interface WorkOptions {
  db: Db;
  workerId?: string;
  /** The clock (tests move it forward). */
  now?: () => Date;
  leaseMs?: number;
  /** At most this many jobs in one call. */
  max?: number;
  /** Once aborted (the process is shutting down), no further job is claimed. */
  signal?: AbortSignal;
  /** The job this worker holds right now, for a shutdown that cannot wait for it (releaseLease). */
  inHand?: { id: string | null };
}

export interface WorkSummary {
  done: number;
  dropped: number;
  retried: number;
  failed: number;
}

/** Claims the next due job of a registered kind for `workerId`, or null. */
export async function claimNext(db: Db, workerId: string, now: Date, leaseMs = DEFAULT_LEASE_MS): Promise<ClaimedJob | null> {
  const kinds = registeredKinds();
  if (kinds.length === 0) return null;
  const lockedUntil = new Date(now.getTime() + leaseMs);
  let id: string | null = null;
  if (isSqliteClient(db)) {
    const candidates = await db.job.findMany({
      where: { status: "pending", kind: { in: kinds }, runAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: [{ runAt: "asc" }, { createdAt: "asc" }],
      take: 5,
      select: { id: true },
    });
    for (const c of candidates) {
      // One statement, no transaction around it: nothing is held between awaits. Dates bound as
      // parameters compare as the same ISO text Prisma writes.
      const won = await db.$executeRaw`
        UPDATE "Job" SET "lockedUntil" = ${lockedUntil}, "lockedBy" = ${workerId}, "attempts" = "attempts" + 1
        WHERE "id" = ${c.id} AND "status" = 'pending' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`;
      if (won === 1) {
        id = c.id;
        break;
      }
    }
  } else {
    id = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Job"
        WHERE "status" = 'pending' AND "kind" IN (${Prisma.join(kinds)}) AND "runAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
        ORDER BY "runAt", "createdAt"
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      const row = rows[0];
      if (!row) return null;
      await tx.job.update({ where: { id: row.id }, data: { lockedUntil, lockedBy: workerId, attempts: { increment: 1 } } });
      return row.id;
    });
  }
  if (!id) return null;
  const job = await db.job.findUnique({ where: { id }, select: { id: true, kind: true, key: true, payload: true, attempts: true, maxAttempts: true } });
  if (!job) return null;
  let payload: unknown = {};
  try {
    payload = JSON.parse(job.payload);
  } catch {
    payload = {};
  }
  return { ...job, payload };
}

/** An error as stored on the job: its message without addresses, short. */
export function describeError(e: unknown): string {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return msg.replace(/[^\s<>@"']+@[^\s<>@"']+/g, "[address]").slice(0, 500);
}

/**
 * Records a job's outcome and releases its lease, only while this worker holds it: if the lease
 * ran out and another worker took the job over, that worker records the outcome. A single
 * statement (see claimNext).
 */
async function settle(db: Db, id: string, workerId: string, o: { status: string; lastError: string | null; finishedAt: Date | null; runAt?: Date }): Promise<boolean> {
  const n = o.runAt
    ? await db.$executeRaw`
        UPDATE "Job" SET "status" = ${o.status}, "lastError" = ${o.lastError}, "finishedAt" = ${o.finishedAt}, "runAt" = ${o.runAt}, "lockedUntil" = NULL
        WHERE "id" = ${id} AND "lockedBy" = ${workerId} AND "status" = 'pending'`
    : await db.$executeRaw`
        UPDATE "Job" SET "status" = ${o.status}, "lastError" = ${o.lastError}, "finishedAt" = ${o.finishedAt}, "lockedUntil" = NULL
        WHERE "id" = ${id} AND "lockedBy" = ${workerId} AND "status" = 'pending'`;
  return n === 1;
}

/** Runs due jobs one at a time until none is due (or `max`). */
export async function workOnce(opts: WorkOptions): Promise<WorkSummary> {
  const { db } = opts;
  const workerId = opts.workerId ?? newWorkerId();
  const clock = opts.now ?? (() => new Date());
  const max = opts.max ?? 100;
  const summary: WorkSummary = { done: 0, dropped: 0, retried: 0, failed: 0 };
  for (let i = 0; i < max; i++) {
    if (opts.signal?.aborted) break;
    const now = clock();
    const job = await claimNext(db, workerId, now, opts.leaseMs);
    if (!job) break;
    if (opts.inHand) opts.inHand.id = job.id;
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const outcome = await handler(job, { db, now, workerId });
      if (outcome && "drop" in outcome) {
        await settle(db, job.id, workerId, { status: "dropped", lastError: outcome.drop.slice(0, 500), finishedAt: clock() });
        summary.dropped++;
      } else {
        await settle(db, job.id, workerId, { status: "done", lastError: null, finishedAt: clock() });
        summary.done++;
      }
    } catch (e) {
      const lastError = describeError(e);
      if (job.attempts >= job.maxAttempts) {
        await settle(db, job.id, workerId, { status: "failed", lastError, finishedAt: clock() });
        summary.failed++;
      } else {
        await settle(db, job.id, workerId, { status: "pending", lastError, finishedAt: null, runAt: new Date(clock().getTime() + backoffMs(job.attempts)) });
        summary.retried++;
      }
    } finally {
      if (opts.inHand) opts.inHand.id = null;
    }
  }
  return summary;
}

/**
 * Gives a job back to the queue at once, as if never claimed (its attempt not counted): for a
 * worker that must stop before the job in hand is done. Only while this worker holds it; the
 * handler's later outcome (if the process lives that long) is then ignored by settle().
 */
export async function releaseLease(db: Db, id: string, workerId: string): Promise<boolean> {
  const n = await db.$executeRaw`
    UPDATE "Job" SET "lockedUntil" = NULL, "lockedBy" = NULL, "attempts" = CASE WHEN "attempts" > 0 THEN "attempts" - 1 ELSE 0 END
    WHERE "id" = ${id} AND "lockedBy" = ${workerId} AND "status" = 'pending'`;
  return n === 1;
}

/** A job kind enqueued once per interval (its key names the interval), e.g. a scan. */
const recurring = new Map<string, number>();
export function registerRecurring(kind: string, intervalMs: number): void {
  recurring.set(kind, intervalMs);
}

const scheduled = new Map<string, number>();

/** Enqueues this interval's run of every recurring kind; many workers enqueue it once. */
export async function scheduleRecurring(db: Db, now: Date): Promise<void> {
  for (const [kind, interval] of recurring) {
    const slot = Math.floor(now.getTime() / interval);
    // This process has done it for this interval: spare the database the no-op insert.
    if (scheduled.get(`${kind}|${interval}`) === slot) continue;
    await enqueue(db, { kind, key: `${kind}@${new Date(slot * interval).toISOString()}`, runAt: new Date(slot * interval), maxAttempts: 3 });
    scheduled.set(`${kind}|${interval}`, slot);
  }
}

/**
 * Deletes jobs that finished (done or dropped) before `before`; failed ones stay for an admin
 * to see. Safe for reminders: a finished reminder's date has passed long before, so no scan
 * enqueues it again.
 */
export async function pruneFinished(db: Db, before: Date): Promise<number> {
  const r = await db.job.deleteMany({ where: { status: { in: ["done", "dropped"] }, finishedAt: { lt: before } } });
  return r.count;
}

export const PRUNE_KIND = "jobs.prune";
const DAY_MS = 86_400_000;

/**
 * The queue's own housekeeping: once a day, forget jobs finished more than 90 days ago, and
 * rate-limit counters (lib/rate-limit.ts) whose window ended over an hour ago.
 */
export function registerQueueJobs(): void {
  registerRecurring(PRUNE_KIND, DAY_MS);
  registerHandler(PRUNE_KIND, async (_job, ctx) => {
    await pruneFinished(ctx.db, new Date(ctx.now.getTime() - 90 * DAY_MS));
    await ctx.db.rateLimit.deleteMany({ where: { expire: { lt: new Date(ctx.now.getTime() - 3600_000) } } });
  });
}

export interface RunOptions extends WorkOptions {
  signal: AbortSignal;
  /** Pause between polls when nothing is due. */
  pollMs?: number;
}

/** Polls until `signal` aborts: schedules recurring jobs, then works what is due. */
export async function runWorker(opts: RunOptions): Promise<void> {
  const workerId = opts.workerId ?? newWorkerId();
  const clock = opts.now ?? (() => new Date());
  const pollMs = opts.pollMs ?? 10_000;
  while (!opts.signal.aborted) {
    let worked = 0;
    try {
      await scheduleRecurring(opts.db, clock());
      const s = await workOnce({ ...opts, workerId, max: 20 });
      worked = s.done + s.dropped + s.retried + s.failed;
    } catch (e) {
      // The database may be briefly away (restart, lock timeout): try again after a pause.
      console.error("jobs: worker pass failed:", describeError(e));
    }
    if (worked === 0) await sleep(pollMs, opts.signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
