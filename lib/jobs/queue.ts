// The job queue: a table (model Job) that the write causing some background work also writes
// to, in its own transaction (the transactional outbox). No "server-only" marker: the worker
// runs as a script (npm run worker) and from instrumentation.ts as well as in the app.
import crypto from "node:crypto";
import type { Tx } from "../db-client";

export interface NewJob {
  /** Which handler runs it (lib/jobs/worker.ts registerHandler). */
  kind: string;
  /** Idempotency key: a second enqueue with the same key is a no-op, whatever its state. */
  key: string;
  payload?: unknown;
  /** Not before this moment (default: now). */
  runAt?: Date;
  maxAttempts?: number;
  /** The group the job concerns: its admins see the job's failures (Settings → Delivery). */
  groupId?: string | null;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Adds a job unless one with its key exists. Pass the transaction of the write that causes the
 * job, so both commit or neither. INSERT … ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike)
 * so that a duplicate neither fails nor aborts the caller's PostgreSQL transaction, as a unique
 * violation would. Returns whether a job was added.
 */
export async function enqueue(tx: Tx, job: NewJob): Promise<boolean> {
  const now = new Date();
  const runAt = job.runAt ?? now;
  const payload = JSON.stringify(job.payload ?? {});
  const max = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  // Dates are bound as parameters (never CURRENT_TIMESTAMP, which SQLite writes in another format).
  const added = await tx.$executeRaw`
    INSERT INTO "Job" ("id", "kind", "key", "payload", "status", "runAt", "attempts", "maxAttempts", "createdAt", "groupId")
    VALUES (${crypto.randomUUID()}, ${job.kind}, ${job.key}, ${payload}, 'pending', ${runAt}, 0, ${max}, ${now}, ${job.groupId ?? null})
    ON CONFLICT ("key") DO NOTHING`;
  return added > 0;
}
