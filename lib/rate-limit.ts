// Rate limits that hold across app instances and restarts: rate-limiter-flexible's Prisma
// store, on a table (RateLimit) in the app's own database — SQLite or PostgreSQL alike. Keys
// name people (an email, a client address), so they are stored only as a keyed hash.
import crypto from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { db } from "./db";
import { env } from "./env";

interface LimitSpec {
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

// A plain counter (no block) expires `durationSeconds` after its first point.
const COUNTER = 2_000_000_000;
const specs = {
  // Sign-in counts failures only (lib/auth/sign-in-guard.ts decides what they mean).
  signInClientFailures: { points: COUNTER, durationSeconds: 15 * 60 },
  signInRecentFailure: { points: COUNTER, durationSeconds: 5 * 60 },
  signInAccountFailures: { points: COUNTER, durationSeconds: 15 * 60 },
  secondFactorFailures: { points: COUNTER, durationSeconds: 15 * 60 },
  passwordReset: { points: 5, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  shareToken: { points: 20, durationSeconds: 60, blockSeconds: 5 * 60 },
  invitation: { points: 30, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  api: { points: 600, durationSeconds: 60, blockSeconds: 60 },
} satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof specs;

let limiters: Map<LimitName, RateLimiterAbstract> | null = null;

function limiter(name: LimitName): RateLimiterAbstract {
  limiters ??= new Map();
  let l = limiters.get(name);
  if (!l) {
    const spec: LimitSpec = specs[name];
    l = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix: name,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
      // Expired rows are replaced on their next use and swept by the job queue's pruning
      // (lib/jobs); no timer per limiter in every process.
      clearExpiredByTimeout: false,
    });
    limiters.set(name, l);
  }
  return l;
}

function hashed(key: string): string {
  return crypto.createHmac("sha256", env.hashPepper).update(key).digest("base64url").slice(0, 32);
}

/** Two instances may insert a key's first row at once: the loser's unique violation is retried. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof RateLimiterRes || attempt >= 2) throw e;
    }
  }
}

/** true while under the limit; false once the key has used its points. */
export async function consume(name: LimitName, key: string, points = 1): Promise<boolean> {
  try {
    await withRetry(() => limiter(name).consume(hashed(key), points));
    return true;
  } catch (e) {
    if (e instanceof RateLimiterRes) return false;
    throw e;
  }
}

/** Seconds until the key may try again (0 when not limited). */
export async function retryAfter(name: LimitName, key: string): Promise<number> {
  const r = await limiter(name).get(hashed(key));
  return r && r.remainingPoints <= 0 ? Math.ceil(r.msBeforeNext / 1000) : 0;
}

/** Points the key has used in its current window (0 when none). */
export async function used(name: LimitName, key: string): Promise<number> {
  const r = await limiter(name).get(hashed(key));
  return r?.consumedPoints ?? 0;
}

/** Forgets the key's points (a success resets its failures). */
export async function forget(name: LimitName, key: string): Promise<void> {
  await limiter(name).delete(hashed(key));
}

/** Removes counters whose window ended (run by the job queue's recurring pruning). */
export async function pruneExpiredLimits(before = new Date()): Promise<number> {
  const r = await db.rateLimit.deleteMany({ where: { expire: { lt: before } } });
  return r.count;
}

/** Test hook: forget every counter. */
export async function resetLimits(): Promise<void> {
  await db.rateLimit.deleteMany({});
}
