// Stopping on SIGTERM / SIGINT (a deploy, `systemctl stop`, `docker stop`, Ctrl-C): the worker
// takes no further job and finishes the one in hand — or, past its grace period, gives the
// job's lease back — before the process exits, so no job sits leased by a dead process until
// its lease runs out.
//
// Inside the app, the server has its own handlers (scripts/serve.ts, as `next start` in
// next/dist/server/lib/start-server.js): it stops accepting connections, lets in-flight
// requests finish (server.close), closes the Next server and then calls process.exit(143).
// That exit would cut the worker's job short, so while the worker stops, the exit the server
// asks for is held back until the worker is done. With NEXT_MANUAL_SIG_HANDLE set, the server
// installs no handlers (as `next start`): the operator's own handler exits, and this only
// stops the worker.
import type { BackgroundWorker } from "./background";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/** `npm run worker`: stop the worker, then exit 0. */
export function exitAfterWorkerOnSignals(worker: BackgroundWorker, log: (line: string) => void = console.log): void {
  let stopping = false;
  for (const sig of SIGNALS) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      log(`worker ${worker.workerId}: ${sig}, finishing the job in hand`);
      void worker.stop().then(
        (outcome) => {
          log(`worker ${worker.workerId}: stopped (${outcome === "released" ? "job released to the queue" : "nothing left in hand"})`);
          process.exit(0);
        },
        (e: unknown) => {
          console.error(`worker ${worker.workerId}: stop failed:`, e instanceof Error ? e.message : e);
          process.exit(1);
        },
      );
    });
  }
}

/** The app's in-process worker: stops with the server; the server's exit waits for it. */
export function stopWorkerWithServer(worker: BackgroundWorker): void {
  let stopping: Promise<unknown> | null = null;
  const realExit = process.exit.bind(process);
  for (const sig of SIGNALS) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = worker.stop().catch((e: unknown) => console.error("jobs: stopping the worker failed:", e instanceof Error ? e.message : e));
      if (process.env.NEXT_MANUAL_SIG_HANDLE) return;
      // Next's handler calls process.exit once its HTTP server has closed; hold that until the
      // worker has finished (or released) its job. The worker's stop is bounded by its grace.
      process.exit = ((code?: number | string | null) => {
        void stopping!.finally(() => realExit(code ?? undefined));
        return undefined as never;
      }) as typeof process.exit;
    });
  }
}
