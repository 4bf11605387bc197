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
import { newWorkerId, registerQueueJobs, runWorker } from "./worker";

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
  stop: () => Promise<void>;
}

export function startBackgroundWorker(options: { db?: Db; pollMs?: number } = {}): BackgroundWorker {
  registerAppJobs();
  const db = options.db ?? createPrismaClient();
  const controller = new AbortController();
  const workerId = newWorkerId();
  // TRACKER_JOB_LEASE_MS: how long a claimed job stays another worker's before it is taken
  // over (default 5 minutes: longer than any job runs; tests shorten it).
  const leaseMs = Number(process.env.TRACKER_JOB_LEASE_MS) || undefined;
  const running = runWorker({ db, signal: controller.signal, workerId, pollMs: options.pollMs, leaseMs });
  return {
    workerId,
    stop: async () => {
      controller.abort();
      await running;
      closeMailTransport();
      if (!options.db) await db.$disconnect();
    },
  };
}
