// Starts the worker with every job kind the app has: from instrumentation.ts (inside the app)
// and from scripts/worker.ts (alone). Any number may run at once: claims keep each job to one.
import { createPrismaClient, type Db } from "../db-client";
import { registerReminderJobs } from "../data/reminders";
import { registerAccountJobs } from "../accounts/mail";
import { closeMailTransport } from "../mail";
import { newWorkerId, registerQueueJobs, runWorker } from "./worker";

export function registerAppJobs(): void {
  registerQueueJobs();
  registerReminderJobs();
  registerAccountJobs();
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
  const running = runWorker({ db, signal: controller.signal, workerId, pollMs: options.pollMs });
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
