// Starts the worker with every job kind the app has: from instrumentation.ts (inside the app)
// and from scripts/worker.ts (alone). Any number may run at once: claims keep each job to one.
import { createPrismaClient, type Db } from "../db-client";
import { registerReminderJobs } from "../data/reminders";
import { registerNotificationJobs } from "../data/notification-jobs";
import { registerTelegramJobs } from "../telegram/jobs";
import { registerAccountJobs } from "../accounts/mail";
import { closeMailTransport } from "../mail";
import { registerOcrJobs } from "../ocr/job";
import { registerCommentJobs } from "../data/comment-jobs";
import { newWorkerId, registerQueueJobs, releaseLease, runWorker } from "./worker";

export function registerAppJobs(): void {
  registerQueueJobs();
  registerReminderJobs();
  registerOcrJobs();
  registerNotificationJobs();
  registerTelegramJobs();
  registerAccountJobs();
  registerCommentJobs();
}

export interface BackgroundWorker {
  workerId: string;
  /**
   * Takes no further job, lets the one in hand finish, and returns. A job still running after
   * `graceMs` (TRACKER_WORKER_STOP_GRACE_MS, default 20 s: a long OCR run) has its lease
   * released, so another worker takes it at once instead of after the lease.
   */
  stop: (graceMs?: number) => Promise<"finished" | "released">;
}

export const DEFAULT_STOP_GRACE_MS = 20_000;

export function startBackgroundWorker(options: { db?: Db; pollMs?: number } = {}): BackgroundWorker {
  registerAppJobs();
  const db = options.db ?? createPrismaClient();
  const controller = new AbortController();
  const workerId = newWorkerId();
  // TRACKER_JOB_LEASE_MS: how long a claimed job stays another worker's before it is taken
  // over (default 5 minutes: longer than any job runs; tests shorten it).
  const leaseMs = Number(process.env.TRACKER_JOB_LEASE_MS) || undefined;
  const inHand = { id: null as string | null };
  const running = runWorker({ db, signal: controller.signal, workerId, pollMs: options.pollMs, leaseMs, inHand });
  let stopped: Promise<"finished" | "released"> | null = null;
  return {
    workerId,
    stop: (graceMs = Number(process.env.TRACKER_WORKER_STOP_GRACE_MS) || DEFAULT_STOP_GRACE_MS) =>
      (stopped ??= (async () => {
        controller.abort();
        let timer: NodeJS.Timeout | undefined;
        const finished = await Promise.race([
          running.then(() => true),
          new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
        ]);
        clearTimeout(timer);
        let outcome: "finished" | "released" = "finished";
        if (!finished && inHand.id) {
          await releaseLease(db, inHand.id, workerId).catch(() => false);
          outcome = "released";
        }
        closeMailTransport();
        if (!options.db) await db.$disconnect().catch(() => undefined);
        return outcome;
      })()),
  };
}
