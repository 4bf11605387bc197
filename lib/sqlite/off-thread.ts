// A Prisma driver adapter whose SQLite queries run in a worker thread (./reader-worker.mjs).
// better-sqlite3 is synchronous: a query runs on the thread that calls it, and on the server's
// thread a recompute of the statistics over 100,000 applications would hold every other
// request of the process until it ends. Through this adapter the main thread only posts the
// query and awaits the answer. A PrismaClient over it is a full client (findMany, groupBy,
// aggregate, $queryRaw), reading the same file read-only. Used by lib/db.ts's
// backgroundReaderFor() only.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction, TransactionOptions } from "@prisma/driver-adapter-utils";

/**
 * Where the worker's file is: found from the project directory at run time, because Next
 * bundles server code and the worker must be loaded as a file of its own (it imports
 * better-sqlite3 and Prisma's adapter from node_modules, as they are).
 */
export function readerWorkerFile(): string | null {
  const file = path.join(process.cwd(), "lib", "sqlite", "reader-worker.mjs");
  return fs.existsSync(file) ? file : null;
}

type Op = "queryRaw" | "executeRaw" | "executeScript" | "startTransaction" | "commit" | "rollback";
type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { driver?: object; message: string; name?: string; stack?: string } };

/** One worker and the calls waiting for it. The worker holds the process open only while a call is pending. */
class WorkerConnection {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly dbFile: string,
    private readonly workerFile: string,
  ) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(pathToFileURL(this.workerFile), { workerData: { file: this.dbFile }, name: "tracker-sqlite-reader" });
    worker.unref();
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: Answer | { ready: true }) => {
        if ("ready" in m) return resolve();
        const call = this.pending.get(m.id);
        if (!call) return;
        this.pending.delete(m.id);
        if (this.pending.size === 0) worker.unref();
        if (m.ok) call.resolve(m.result);
        else call.reject(toError(m.error));
      });
      const fail = (e: unknown) => {
        // Every call in flight fails; the next call starts a new worker.
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        for (const call of this.pending.values()) call.reject(e);
        this.pending.clear();
        reject(e);
      };
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`the SQLite reader thread exited (${code})`)));
    });
    // Waited for by the first call; a start that failed is reported there, not as unhandled.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async call<T>(op: Op, arg?: unknown, tx?: number): Promise<T> {
    if (this.closed) throw new Error("the SQLite reader is closed");
    await this.start();
    const worker = this.worker!;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ id, op, tx, arg });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }
}

/** An error as Prisma expects it: a driver error keeps its name and mapped cause (see isDriverAdapterError). */
function toError(e: { driver?: object; message: string; name?: string; stack?: string }): Error {
  const error = new Error(e.message);
  if (e.driver) return Object.assign(error, { name: "DriverAdapterError", cause: e.driver });
  if (e.name) error.name = e.name;
  if (e.stack) error.stack = `${e.stack}\n    (in the SQLite reader thread)`;
  return error;
}

class OffThreadTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  constructor(
    readonly adapterName: string,
    private readonly conn: WorkerConnection,
    private readonly id: number,
    readonly options: TransactionOptions,
  ) {}
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.conn.call("queryRaw", query, this.id);
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.conn.call("executeRaw", query, this.id);
  }
  commit(): Promise<void> {
    return this.conn.call("commit", undefined, this.id);
  }
  rollback(): Promise<void> {
    return this.conn.call("rollback", undefined, this.id);
  }
}

class OffThreadAdapter implements SqlDriverAdapter {
  readonly provider = "sqlite" as const;
  constructor(
    readonly adapterName: string,
    private readonly conn: WorkerConnection,
  ) {}
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.conn.call("queryRaw", query);
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.conn.call("executeRaw", query);
  }
  executeScript(script: string): Promise<void> {
    return this.conn.call("executeScript", script);
  }
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const t = await this.conn.call<{ id: number; options: TransactionOptions }>("startTransaction", isolationLevel);
    return new OffThreadTransaction(this.adapterName, this.conn, t.id, t.options);
  }
  dispose(): Promise<void> {
    return this.conn.close();
  }
}

/** The factory a PrismaClient takes: a read-only connection to `dbFile`, in a worker thread. */
export class OffThreadSqlite implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  // The adapter that really runs the queries, in the worker.
  readonly adapterName = "@prisma/adapter-better-sqlite3";
  constructor(
    private readonly dbFile: string,
    private readonly workerFile: string,
  ) {}
  async connect(): Promise<SqlDriverAdapter> {
    return new OffThreadAdapter(this.adapterName, new WorkerConnection(this.dbFile, this.workerFile));
  }
}
