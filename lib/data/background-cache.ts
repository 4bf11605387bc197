import "server-only";
// Expensive reads that no request should wait for after a write (the statistics, the filter
// options): a reader gets the figures computed at the current data version when there are
// some, otherwise the last ones computed (at most one recompute behind) while ONE background
// recompute per process brings them up to date. While a key is being read (within HOT_MS),
// each finished recompute that finds the data moved on starts the next, so figures follow
// writes by about one recompute even with nobody reading at that moment. Only the very first
// read of a key, or one after it was left unread for HOT_MS, waits for the computation.
// lib/db-client's versionedCache is the exact-on-read counterpart, for reads that are cheap.
import { dataVersion } from "../db-client";
import { backgroundReaderFor, readerFor, type Db } from "../db";
import { RECOMPUTE_PACE_MS as PACE_MS, recomputeEnded } from "../recompute-generation";

const HOT_MS = 10 * 60_000;
// At most one recompute of a key per PACE_MS (lib/recompute-generation), counted from the start
// of the last: a writer changing a case a second would otherwise have each key recomputed every
// second. The figures trail the writes by at most about this much more (the target is 10 s).

export interface Latest<T> {
  value: T;
  /** Computed at the current data version; false while a recompute is catching up. */
  exact: boolean;
}

interface Entry<T> {
  version: string;
  value: T;
  readAt: number;
  /** When its last computation started (PACE_MS). */
  startedAt: number;
  compute: () => Promise<T>;
}

/** One recompute at a time per process, across every background cache: a writer must not start a crowd of them. */
let queue: Promise<void> = Promise.resolve();
let backlog = 0;
/** Recomputes waiting for their pace (PACE_MS) before they join the queue. */
const waiting = new Set<Promise<void>>();

export function backgroundCache<T>(max = 200) {
  const entries = new Map<string, Entry<T>>();
  const first = new Map<string, { version: string; promise: Promise<T> }>();
  const refreshing = new Set<string>();

  function refresh(client: Pick<Db, "$queryRawUnsafe">, key: string) {
    if (refreshing.has(key)) return;
    refreshing.add(key);
    backlog++;
    let computed = false;
    const since = entries.get(key)?.startedAt ?? 0;
    const wait = Math.max(0, since + PACE_MS - Date.now());
    // Unref: a pace never keeps a process (a script) alive on its own.
    const paced = wait > 0 ? new Promise<void>((r) => setTimeout(r, wait).unref()) : Promise.resolve();
    const joined = paced.then(() => {
      queue = queue.then(task);
    });
    waiting.add(joined);
    void joined.finally(() => waiting.delete(joined));
    async function task() {
      try {
        const entry = entries.get(key);
        if (!entry) return;
        const version = await dataVersion(client);
        if (entry.version === version) return;
        entry.startedAt = Date.now();
        // Paced (PACE_MS), though a recompute reads through lib/db.ts's backgroundReaderFor (see
        // latest below), whose queries leave the server's thread free: what follows it on that
        // thread (summing the statistics' facts, rendering the page again) is not free.
        const value = await entry.compute();
        const now = entries.get(key);
        if (now) entries.set(key, { ...now, version, value });
        computed = true;
        // A cached page showing the figures this replaces is rendered again at its next visit.
        recomputeEnded();
      } catch (e) {
        // The last figures stay; the next read tries again (and a cached page showing them is
        // rendered again at its next visit, so that there is a next read).
        console.error(`background recompute of ${key} failed`, e);
        recomputeEnded();
      } finally {
        refreshing.delete(key);
        backlog--;
        const entry = entries.get(key);
        // Only a recompute that succeeded starts the next: one that failed (the database gone,
        // a query refused) waits for the next read, or it would retry in a tight loop.
        if (computed && entry && Date.now() - entry.readAt < HOT_MS) {
          const version = await dataVersion(client).catch(() => entry.version);
          if (version !== entry.version) refresh(client, key);
        }
      }
    }
  }

  /**
   * The value for `key` as `actor` may read it. The data version is read through readerFor(actor);
   * `compute` is given backgroundReaderFor(actor), whose queries leave the server's thread free,
   * so no caller can recompute on the thread that answers requests by passing the wrong client.
   */
  return async function latest(actor: object | null, key: string, computeWith: (client: Db) => Promise<T>): Promise<Latest<T>> {
    const client = readerFor(actor);
    const compute = () => computeWith(backgroundReaderFor(actor));
    const version = await dataVersion(client);
    const entry = entries.get(key);
    const now = Date.now();
    if (entry && (entry.version === version || now - entry.readAt < HOT_MS)) {
      entry.readAt = now;
      entry.compute = compute;
      if (entry.version === version) return { value: entry.value, exact: true };
      refresh(client, key);
      return { value: entry.value, exact: false };
    }
    // Nothing recent to show: this read computes (once, however many ask at the same time).
    const pending = first.get(key);
    if (pending && pending.version === version) return { value: await pending.promise, exact: true };
    const started = Date.now();
    const promise = compute();
    first.set(key, { version, promise });
    try {
      const value = await promise;
      entries.delete(key);
      entries.set(key, { version, value, readAt: Date.now(), startedAt: started, compute });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      return { value, exact: true };
    } finally {
      if (first.get(key)?.promise === promise) first.delete(key);
    }
  };
}

/** For tests and the bench: resolves once no background recompute is queued or running. */
export async function backgroundSettled(): Promise<void> {
  while (backlog > 0) {
    await Promise.all([...waiting]);
    await queue;
  }
}
