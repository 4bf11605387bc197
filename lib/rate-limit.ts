// rate-limiter-flexible: well-tested in-memory counters with block durations. One process
// serves the app (SQLite); a multi-process deployment would swap in its Redis/PG stores.
import { RateLimiterMemory } from "rate-limiter-flexible";

function limiter(points: number, durationSeconds: number, blockSeconds: number) {
  return new RateLimiterMemory({ points, duration: durationSeconds, blockDuration: blockSeconds });
}

function makeLimiters() {
  return {
    signIn: limiter(8, 15 * 60, 15 * 60),
    signInAccount: limiter(30, 15 * 60, 15 * 60),
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

export function consumeSignInAttempt(key: string): Promise<boolean> {
  return consume("signIn", key);
}

/** Test hook: forget every counter. */
export function resetLimits(): void {
  limiters = makeLimiters();
}
