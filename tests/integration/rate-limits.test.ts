// Rate limits live in the database: they hold across app instances and restarts, and the
// stored keys do not name the person (an email, a client address) in the clear.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { consume, forget, pruneExpiredLimits, resetLimits, retryAfter, used } from "@/lib/rate-limit";

beforeEach(async () => {
  await resetLimits();
});

describe("shared rate limits", () => {
  it("a restarted (or second) instance sees the points the first one counted", async () => {
    for (let i = 0; i < 30; i++) expect(await consume("invitation", "203.0.113.7")).toBe(true);
    expect(await consume("invitation", "203.0.113.7")).toBe(false);
    // A fresh copy of the module: new limiter objects, nothing in memory, the same database.
    vi.resetModules();
    const fresh = await import("@/lib/rate-limit");
    expect(await fresh.consume("invitation", "203.0.113.7")).toBe(false);
    expect(await fresh.retryAfter("invitation", "203.0.113.7")).toBeGreaterThan(3000);
    expect(await fresh.consume("invitation", "198.51.100.1")).toBe(true);
  });

  it("counts concurrent attempts exactly, the first one for a key included", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => consume("shareToken", "client-x")));
    expect(results.filter(Boolean)).toHaveLength(20);
    const failures = await Promise.all(Array.from({ length: 25 }, () => consume("signInAccountFailures", "b@example.org")));
    expect(failures.every(Boolean)).toBe(true);
    expect(await used("signInAccountFailures", "b@example.org")).toBe(25);
  });

  it("stores a keyed hash, never the email or address", async () => {
    await consume("signInAccountFailures", "aigerim@example.org");
    await consume("signInClientFailures", "203.0.113.7|aigerim@example.org");
    const rows = await db.rateLimit.findMany();
    expect(rows).toHaveLength(2);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain("aigerim");
    expect(dump).not.toContain("203.0.113.7");
    expect(rows.map((r) => r.key.split(":")[0]).sort()).toEqual(["signInAccountFailures", "signInClientFailures"]);
  });

  it("forgets a key on success, and prunes windows that ended", async () => {
    await consume("signInAccountFailures", "a@example.org");
    await forget("signInAccountFailures", "a@example.org");
    expect(await used("signInAccountFailures", "a@example.org")).toBe(0);
    await consume("api", "token-1");
    expect(await retryAfter("api", "token-1")).toBe(0);
    expect(await pruneExpiredLimits(new Date(Date.now() + 2 * 3600_000))).toBe(1);
    expect(await db.rateLimit.count()).toBe(0);
  });
});
