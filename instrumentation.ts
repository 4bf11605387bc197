// Next.js calls register() once per server process. The background worker (lib/jobs: deadline
// reminders …) runs inside the app unless TRACKER_WORKER=off; `npm run worker` runs it alone.
// Several app instances may each run one: a job is claimed by one worker only.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./lib/env");
  if (!env.inProcessWorker) return;
  const { startBackgroundWorker } = await import("./lib/jobs/background");
  const { stopWorkerWithServer } = await import("./lib/jobs/shutdown");
  // On SIGTERM/SIGINT the server (scripts/serve.ts) finishes in-flight requests and exits; the
  // worker takes no further job and that exit waits until the job in hand is done or its lease
  // released.
  stopWorkerWithServer(startBackgroundWorker());
}
