// The worker thread behind lib/sqlite/off-thread.ts: the SQLite queries of the background
// reader run here, so the server's own thread keeps answering while a recompute scans the
// database (better-sqlite3 is synchronous). It opens the same file read-only (WAL lets it
// read while the server writes) through Prisma's own better-sqlite3 adapter, so rows, column
// types and errors are exactly what the main client would get, and answers each message from
// the main thread with the adapter's result. Plain JavaScript, loaded as a file at run time
// (not bundled): the modules it imports resolve from the project's node_modules.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { registerUnicodeLike } from "./like.mjs";

const factory = new PrismaBetterSQLite3({ url: workerData.file, readonly: true, fileMustExist: true, timeout: 10_000 });
const adapter = await factory.connect();
// The same user functions as the server's connections (lib/db-client.ts).
registerUnicodeLike(adapter.client);
// A recompute scans the whole file a dozen times: reading it through a memory map instead of
// a read() per page made computeStats at 100,000 applications some 15% faster (median of 5,
// 2.07–2.39 s → 1.85–1.92 s). Read-only, so nothing is ever written through the map.
adapter.client.pragma("mmap_size = 268435456");

const transactions = new Map();
let nextTransaction = 1;

async function run(op, tx, arg) {
  const target = tx ? transactions.get(tx) : adapter;
  if (!target) throw new Error(`transaction ${tx} is not open`);
  switch (op) {
    case "queryRaw":
      return target.queryRaw(arg);
    case "executeRaw":
      return target.executeRaw(arg);
    case "executeScript":
      return adapter.executeScript(arg);
    case "startTransaction": {
      const t = await adapter.startTransaction(arg);
      const id = nextTransaction++;
      transactions.set(id, t);
      return { id, options: t.options };
    }
    case "commit":
    case "rollback":
      transactions.delete(tx);
      return target[op]();
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

parentPort.on("message", async ({ id, op, tx, arg }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: await run(op, tx, arg) });
  } catch (e) {
    // A driver error keeps its mapped kind (unique violation, missing table, …) for Prisma.
    const error = e && e.name === "DriverAdapterError" ? { driver: e.cause, message: e.message } : { message: String(e?.message ?? e), name: e?.name, stack: e?.stack };
    parentPort.postMessage({ id, ok: false, error });
  }
});
parentPort.postMessage({ ready: true });
