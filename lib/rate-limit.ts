// rate-limiter-flexible: well-tested in-memory counters with block durations. One process
// serves the app (SQLite); a multi-process deployment would swap in its Redis/PG stores.
import { RateLimiterMemory } from "rate-limiter-flexible";

function limiter(points: number, durationSeconds: number, blockSeconds: number) {
  return new RateLimiterMemory({ points, duration: durationSeconds, blockDuration: blockSeconds });
}

/** A plain counter that expires `durationSeconds` after its first point (no block). */
function counter(durationSeconds: number) {
  return new RateLimiterMemory({ points: Number.MAX_SAFE_INTEGER, duration: durationSeconds });
}

function makeLimiters() {
  return {
    // Sign-in counts failures only (lib/auth/sign-in-guard.ts decides what they mean).
    signInClientFailures: counter(15 * 60),
    signInRecentFailure: counter(5 * 60),
    signInAccountFailures: counter(15 * 60),
    secondFactorFailures: counter(15 * 60),
    passwordReset: limiter(5, 60 * 60, 60 * 60),
    shareToken: limiter(20, 60, 5 * 60),
    invitation: limiter(30, 60 * 60, 60 * 60),
    api: limiter(600, 60, 60),
  };
}
let limiters = makeLimiters();

export type LimitName = keyof typeof limiters;

/** true while under the limit; false once the key has used its points. */
export async function consume(name: LimitName, key: string, points = 1): Promise<boolean> {
  try {
    await limiters[name].consume(key, points);
    return true;
  } catch {
    return false;
  }
}

/** Seconds until the key may try again (0 when not limited). */
export async function retryAfter(name: LimitName, key: string): Promise<number> {
  const r = await limiters[name].get(key);
  return r && r.remainingPoints <= 0 ? Math.ceil(r.msBeforeNext / 1000) : 0;
}

/** Points the key has used in its current window (0 when none). */
export async function used(name: LimitName, key: string): Promise<number> {
  const r = await limiters[name].get(key);
  return r?.consumedPoints ?? 0;
}

/** Forgets the key's points (a success resets its failures). */
export async function forget(name: LimitName, key: string): Promise<void> {
  await limiters[name].delete(key);
}

/** Test hook: forget every counter. */
export function resetLimits(): void {
  limiters = makeLimiters();
}
