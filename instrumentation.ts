// Next.js calls register() once per server process. The background worker (lib/jobs: deadline
// reminders …) runs inside the app unless TRACKER_WORKER=off; `npm run worker` runs it alone.
// Several app instances may each run one: a job is claimed by one worker only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./lib/env");
  if (!env.inProcessWorker) return;
  const { startBackgroundWorker } = await import("./lib/jobs/background");
  // No signal handlers of its own (they would keep the process from exiting): a worker that dies
  // with the server leaves at most one job leased, which another worker takes once the lease ends.
  startBackgroundWorker();
}
