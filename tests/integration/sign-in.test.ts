// Sign-in: wrong passwords and unknown emails look the same, and guessing is limited per
// account even when the client forges a new X-Forwarded-For for every try.
import { beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ forwardedFor: "203.0.113.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.forwardedFor }) }));

import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { resetLimits } from "@/lib/rate-limit";

type Authorize = (c: Record<string, string>, req: unknown) => Promise<{ id: string; email?: string | null } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

beforeEach(async () => {
  resetLimits();
  await db.user.deleteMany({});
  await db.user.create({ data: { email: "aruzhan@example.test", name: "Aruzhan", passwordHash: await hashPassword("a-long-enough-password") } });
});

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    expect(await authorize({ email: "Aruzhan@example.test", password: "a-long-enough-password" }, {})).toMatchObject({ email: "aruzhan@example.test" });
    expect(await authorize({ email: "aruzhan@example.test", password: "wrong-password" }, {})).toBeNull();
    expect(await authorize({ email: "nobody@example.test", password: "wrong-password" }, {})).toBeNull();
  });

  it("limits guesses at one account even when every try claims a new address", async () => {
    let limited = 0;
    for (let i = 0; i < 40; i++) {
      request.forwardedFor = `198.51.100.${i}`;
      try {
        await authorize({ email: "aruzhan@example.test", password: `guess-${i}` }, {});
      } catch (e) {
        expect((e as Error).message).toBe("rate_limited");
        limited++;
      }
    }
    expect(limited).toBe(10); // 30 tries per account per 15 minutes
    // Even the right password waits now: the limit is what protects the account.
    request.forwardedFor = "192.0.2.77";
    await expect(authorize({ email: "aruzhan@example.test", password: "a-long-enough-password" }, {})).rejects.toThrow("rate_limited");
  });

  it("limits one address to a few tries at an account", async () => {
    request.forwardedFor = "203.0.113.9";
    const results: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        results.push((await authorize({ email: "aruzhan@example.test", password: `guess-${i}` }, {})) ? "ok" : "refused");
      } catch {
        results.push("limited");
      }
    }
    expect(results.filter((r) => r === "refused")).toHaveLength(8);
    expect(results.slice(8)).toEqual(["limited", "limited"]);
  });
});
