// npm run worker: the background worker alone (reminders, and whatever else lib/jobs runs),
// for a deployment that runs the app with TRACKER_WORKER=off or wants a worker of its own.
// Stops cleanly on SIGINT/SIGTERM: the job in hand finishes first.
import { startBackgroundWorker } from "../lib/jobs/background";
import { mailEnabled } from "../lib/mail";

const worker = startBackgroundWorker({ pollMs: Number(process.env.TRACKER_WORKER_POLL_MS) || undefined });
console.log(`worker ${worker.workerId} started; email ${mailEnabled() ? "on" : "off (SMTP_URL is not set)"}`);
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void worker.stop().then(() => process.exit(0));
  });
}
