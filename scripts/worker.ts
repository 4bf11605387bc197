// npm run worker: the background worker alone (reminders, and whatever else lib/jobs runs),
// for a deployment that runs the app with TRACKER_WORKER=off or wants a worker of its own.
// Stops cleanly on SIGINT/SIGTERM: no further job is taken, the job in hand finishes (or, past
// TRACKER_WORKER_STOP_GRACE_MS, its lease is released), and the process exits 0.
import { startBackgroundWorker } from "../lib/jobs/background";
import { exitAfterWorkerOnSignals } from "../lib/jobs/shutdown";
import { mailEnabled } from "../lib/mail";

const worker = startBackgroundWorker({ pollMs: Number(process.env.TRACKER_WORKER_POLL_MS) || undefined });
console.log(`worker ${worker.workerId} started; email ${mailEnabled() ? "on" : "off (SMTP_URL is not set)"}`);
exitAfterWorkerOnSignals(worker);
