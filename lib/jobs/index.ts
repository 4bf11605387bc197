// lib/jobs: background work from a table in the database. See queue.ts (enqueue) and worker.ts.
export { enqueue, type NewJob } from "./queue";
export {
  registerHandler,
  registerRecurring,
  registerQueueJobs,
  pruneFinished,
  scheduleRecurring,
  claimNext,
  workOnce,
  runWorker,
  newWorkerId,
  backoffMs,
  type ClaimedJob,
  type JobContext,
  type JobHandler,
  type JobOutcome,
  type WorkSummary,
} from "./worker";
