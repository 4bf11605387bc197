// Sign-in: wrong passwords and unknown emails look the same; only failures count; guessing
// from rotating addresses slows the account down but never locks out its owner; one address
// is still stopped after a few failures. The sign-in form's own action (no JavaScript needed)
// goes through the same checks and only ever redirects to a path on this site.
import { beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ forwardedFor: "203.0.113.1", cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.forwardedFor }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
  }),
}));

import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import bcrypt from "bcryptjs";
import { signInTiming, signInDelayMs } from "@/lib/auth/credentials";
import { sessionCookie } from "@/lib/auth/cookies";
import { signInAction } from "@/lib/actions/auth";
import { resetLimits } from "@/lib/rate-limit";
import { decode } from "next-auth/jwt";
import { form, run } from "../support/fixtures";
import { setUserLocale } from "@/lib/data/users";
import { resolveLocale } from "@/lib/i18n/request";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/catalogue";

type Authorize = (c: Record<string, string>, req: unknown) => Promise<{ id: string; email?: string | null } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

const EMAIL = "aruzhan@example.test";
const PASSWORD = "a-long-enough-password";
let delays: number[] = [];

beforeEach(async () => {
  await resetLimits();
  delays = [];
  signInTiming.sleep = async (ms) => void delays.push(ms);
  request.cookies.clear();
  request.forwardedFor = "203.0.113.1";
  await db.user.deleteMany({});
  // A cheap hash (cost 4, not the app's 12) keeps dozens of attempts fast; the rule is the same.
  await db.user.create({ data: { email: EMAIL, name: "Aruzhan", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
});

/** One attempt through next-auth's provider: "ok", "refused" or "limited". */
async function attempt(email: string, password: string, from: string): Promise<"ok" | "refused" | "limited"> {
  request.forwardedFor = from;
  try {
    return (await authorize({ email, password }, {})) ? "ok" : "refused";
  } catch (e) {
    expect((e as Error).message).toBe("rate_limited");
    return "limited";
  }
}

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    expect(await authorize({ email: "Aruzhan@example.test", password: PASSWORD }, {})).toMatchObject({ email: EMAIL });
    expect(await authorize({ email: EMAIL, password: "wrong-password" }, {})).toBeNull();
    expect(await authorize({ email: "nobody@example.test", password: "wrong-password" }, {})).toBeNull();
  });

  it("lets the owner in from a fresh address after 30+ failures from rotating addresses", async () => {
    const results: string[] = [];
    for (let i = 0; i < 40; i++) results.push(await attempt(EMAIL, `guess-${i}`, `198.51.100.${i}`));
    // Every guess was checked and refused (each address failed once): none was let in.
    expect(results.every((r) => r === "refused")).toBe(true);
    // The guessing slowed the account down: a growing delay, capped.
    expect(delays.length).toBeGreaterThan(30);
    expect(delays[0]).toBe(signInDelayMs(6));
    expect(Math.max(...delays)).toBe(4000);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    // The owner, from an address that has not failed, gets in with the right password.
    expect(await attempt(EMAIL, PASSWORD, "192.0.2.77")).toBe("ok");
    // ... and the success resets the account: the next attempt does not wait.
    delays = [];
    expect(await attempt(EMAIL, PASSWORD, "192.0.2.78")).toBe("ok");
    expect(delays).toEqual([]);
  });

  it("locks out, for a while, the addresses that failed while the account is under attack", async () => {
    for (let i = 0; i < 25; i++) await attempt(EMAIL, `guess-${i}`, `198.51.100.${i}`);
    // An address that failed recently is turned away, even with the right password.
    expect(await attempt(EMAIL, PASSWORD, "198.51.100.3")).toBe("limited");
    // One that has not failed still gets in.
    expect(await attempt(EMAIL, PASSWORD, "192.0.2.80")).toBe("ok");
  });

  it("does not count successful sign-ins", async () => {
    for (let i = 0; i < 40; i++) expect(await attempt(EMAIL, PASSWORD, "203.0.113.5")).toBe("ok");
    expect(delays).toEqual([]);
  });

  it("still stops one address guessing at an account", async () => {
    const results: string[] = [];
    for (let i = 0; i < 12; i++) results.push(await attempt(EMAIL, `guess-${i}`, "203.0.113.9"));
    expect(results.slice(0, 8)).toEqual(Array(8).fill("refused"));
    expect(results.slice(8)).toEqual(Array(4).fill("limited"));
    // Even the right password waits from there: this address has used its tries.
    expect(await attempt(EMAIL, PASSWORD, "203.0.113.9")).toBe("limited");
  });

  it("delays an unknown email exactly as an existing one, so timing does not tell who has an account", { timeout: 90_000 }, async () => {
    for (let i = 0; i < 12; i++) await attempt(EMAIL, `guess-${i}`, `198.51.100.${i}`);
    const known = delays;
    delays = [];
    for (let i = 0; i < 12; i++) await attempt("nobody@example.test", `guess-${i}`, `198.51.100.${i}`);
    expect(delays).toEqual(known);
    expect(known.length).toBeGreaterThan(0);
  });
});

describe("the sign-in form's action (works without JavaScript)", () => {
  it("signs in with a session cookie next-auth reads, and goes to the callback path", async () => {
    const res = await run(null, signInAction, { email: "ARUZHAN@example.test ", password: PASSWORD, callbackUrl: "/applications?year=2024" });
    expect(res.redirect).toBe("/applications?year=2024");
    const cookie = request.cookies.get(sessionCookie().name);
    expect(cookie).toBeTruthy();
    const token = await decode({ token: cookie!, secret: process.env.AUTH_SECRET! });
    const user = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(token).toMatchObject({ uid: user.id, sub: user.id, sv: user.sessionVersion, email: EMAIL });
  });

  it("shows a wrong password on the form, keeps the email and never returns the password", async () => {
    const res = await run(null, signInAction, { email: EMAIL, password: "wrong-password", callbackUrl: "/dashboard" });
    expect(res.state).toMatchObject({ ok: false, message: "sign_in_failed", data: { values: { email: EMAIL } } });
    expect(JSON.stringify(res.state)).not.toContain("wrong-password");
    expect(request.cookies.size).toBe(0);
  });

  it("says so when the address is rate-limited", async () => {
    for (let i = 0; i < 8; i++) await signInAction({ ok: false }, form({ email: EMAIL, password: `guess-${i}`, callbackUrl: "/" }));
    const res = await run(null, signInAction, { email: EMAIL, password: PASSWORD, callbackUrl: "/" });
    expect(res.state).toMatchObject({ ok: false, message: "rate_limited" });
    expect(request.cookies.size).toBe(0);
  });

  it.each(["/\\evil.example/", "/\t/evil.example", "//evil.example", "https://evil.example", "/.//evil.example", "javascript:alert(1)"])(
    "never sends the browser off the site (callbackUrl %j)",
    async (callbackUrl) => {
      const res = await run(null, signInAction, { email: EMAIL, password: PASSWORD, callbackUrl });
      expect(res.redirect).toBe("/dashboard");
    },
  );

  it("next-auth's redirect callback keeps only same-origin targets too", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    const baseUrl = "http://localhost:3000";
    expect(await redirect({ url: "/\\evil.example/", baseUrl })).toBe("http://localhost:3000/");
    expect(await redirect({ url: "https://evil.example/x", baseUrl })).toBe("http://localhost:3000/");
    expect(await redirect({ url: "http://localhost:3000/applications", baseUrl })).toBe("http://localhost:3000/applications");
    expect(await redirect({ url: "/stats?year=2024", baseUrl })).toBe("http://localhost:3000/stats?year=2024");
  });

  it("restores the language a member chose on another device: Kazakh on a fresh browser", async () => {
    // Device 1: sign in, switch to Kazakh (the switch's action saves it on the account so).
    await run(null, signInAction, { email: EMAIL, password: PASSWORD, callbackUrl: "/dashboard" });
    await setUserLocale((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).id, "kk");
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).locale).toBe("kk");
    // Device 2: no cookies at all.
    request.cookies.clear();
    expect(await resolveLocale()).not.toBe("kk");
    const res = await run(null, signInAction, { email: EMAIL, password: PASSWORD, callbackUrl: "/dashboard" });
    expect(res.redirect).toBe("/dashboard");
    expect(request.cookies.get(LOCALE_COOKIE)).toBe("kk");
    const locale = await resolveLocale();
    expect(locale).toBe("kk");
    expect((loadMessages(locale).nav as Record<string, string>).signOut).toBe("Шығу");
  });

  it("a member who never chose a language keeps the browser's: sign-in sets no language", async () => {
    const fresh = await db.user.create({ data: { email: "never-chose@example.org", name: "Never Chose", passwordHash: (await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).passwordHash } });
    expect(fresh.locale).toBe("");
    request.cookies.clear();
    const res = await run(null, signInAction, { email: fresh.email, password: PASSWORD, callbackUrl: "/dashboard" });
    expect(res.redirect).toBe("/dashboard");
    expect(request.cookies.has(LOCALE_COOKIE)).toBe(false);
  });

  it("a wrong password sets no language either", async () => {
    await db.user.update({ where: { email: EMAIL }, data: { locale: "kk" } });
    await run(null, signInAction, { email: EMAIL, password: "wrong-password", callbackUrl: "/" });
    expect(request.cookies.has(LOCALE_COOKIE)).toBe(false);
  });

  it("next-auth's credentials path restores the account's language too", async () => {
    await db.user.update({ where: { email: EMAIL }, data: { locale: "ru" } });
    expect(await attempt(EMAIL, PASSWORD, "203.0.113.9")).toBe("ok");
    expect(request.cookies.get(LOCALE_COOKIE)).toBe("ru");
  });
});
