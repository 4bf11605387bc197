// Sessions can be ended: a captured session cookie stops working after sign-out (on every
// device, even if replayed), after a password change by `npm run user:create`, and after an
// admin removes the member. Personal API tokens are governed separately and keep working.
import { execFileSync } from "node:child_process";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.20" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
  }),
}));

import bcrypt from "bcryptjs";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { sessionCookie } from "@/lib/auth/cookies";
import { actorForSessionToken } from "@/lib/auth/session-token";
import { signInAction, signOutAction } from "@/lib/actions/auth";
import { resetLimits } from "@/lib/rate-limit";
import { loadActor } from "@/lib/data/users";
import { removeMember } from "@/lib/data/settings";
import { createApiToken } from "@/lib/data/api-tokens";
import { resolveApiCaller } from "@/lib/auth/api-token";
import { form, makeGroup } from "../support/fixtures";

const PASSWORD = "a-long-enough-password";
let groupId: string;
let adminId: string;

beforeAll(async () => {
  groupId = (await makeGroup("sessions", "Sessions Group")).id;
  const hash = await bcrypt.hash(PASSWORD, 4);
  const admin = await db.user.create({ data: { email: "admin@example.test", name: "Admin", passwordHash: hash } });
  adminId = admin.id;
  await db.membership.create({ data: { userId: admin.id, groupId, role: "admin" } });
});

beforeEach(async () => {
  await resetLimits();
  request.cookies.clear();
  await db.user.deleteMany({ where: { email: "member@example.test" } });
  const member = await db.user.create({ data: { email: "member@example.test", name: "Member", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  await db.membership.create({ data: { userId: member.id, groupId, role: "editor" } });
});

/** Signs in through the sign-in form's action and returns the session cookie it set (as a thief would copy it). */
async function signIn(password = PASSWORD): Promise<string> {
  request.cookies.clear();
  await signInAction({ ok: false }, form({ email: "member@example.test", password, callbackUrl: "/dashboard" })).catch((e) => {
    if (!String((e as { digest?: string }).digest).startsWith("NEXT_REDIRECT")) throw e;
  });
  const value = request.cookies.get(sessionCookie().name);
  expect(value).toBeTruthy();
  return value!;
}

/**
 * Who a cookie signs in, read both ways the app reads it: next-auth's getServerSession (its own
 * routes), given the request's cookies directly (its pages-router form, no Next request scope),
 * and actorForSessionToken, which lib/auth/session's getActor calls for every page and action.
 * The two must always agree.
 */
async function sessionUserId(cookie: string): Promise<string | null> {
  const req = { cookies: { [sessionCookie().name]: cookie }, headers: {} };
  const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
  const session = await getServerSession(req as never, res as never, authOptions);
  const byNextAuth = (session?.user as { id?: string } | undefined)?.id ?? null;
  const byPages = (await actorForSessionToken(cookie))?.userId ?? null;
  expect(byPages).toBe(byNextAuth);
  return byNextAuth;
}

async function memberId() {
  return (await db.user.findUniqueOrThrow({ where: { email: "member@example.test" } })).id;
}

describe("ending sessions", () => {
  it("sign-out ends the session: the captured cookie no longer works, on this device or any other; the member's other devices stay signed in", async () => {
    const id = await memberId();
    const otherDevice = await signIn();
    const stolen = await signIn();
    expect(await sessionUserId(stolen)).toBe(id);
    expect(await sessionUserId(otherDevice)).toBe(id);

    request.cookies.set(sessionCookie().name, stolen);
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(request.cookies.has(sessionCookie().name)).toBe(false);

    expect(await sessionUserId(stolen)).toBeNull();
    // Signing out on the laptop does not sign the phone out ("Sign out everywhere" does).
    expect(await sessionUserId(otherDevice)).toBe(id);
    expect(await db.userSession.count({ where: { userId: id, revokedAt: null } })).toBe(1);
    // Signing in again works, with a new cookie.
    expect(await sessionUserId(await signIn())).toBe(id);
  });

  it("a replayed sign-out with an old cookie does not end the sessions that came after", async () => {
    const old = await signIn();
    request.cookies.set(sessionCookie().name, old);
    await signOutAction().catch(() => undefined);
    const fresh = await signIn();
    request.cookies.set(sessionCookie().name, old);
    await signOutAction().catch(() => undefined);
    expect(await sessionUserId(fresh)).toBe(await memberId());
  });

  it("a password change by `npm run user:create` ends every session; the new password signs in", { timeout: 120_000 }, async () => {
    const id = await memberId();
    const stolen = await signIn();
    expect(await sessionUserId(stolen)).toBe(id);
    execFileSync("npx", ["tsx", "scripts/user-create.ts", "--email", "member@example.test", "--name", "Member", "--group", "sessions", "--role", "editor"], {
      input: "an entirely new passphrase\n",
      env: process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    expect(await sessionUserId(stolen)).toBeNull();
    expect(await sessionUserId(await signIn("an entirely new passphrase"))).toBe(id);
  });

  it("removal from a group by an admin ends the member's sessions and their access to the group at once", async () => {
    const id = await memberId();
    const stolen = await signIn();
    expect(await sessionUserId(stolen)).toBe(id);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: id, groupId } });
    await removeMember((await loadActor(adminId))!, { groupId, membershipId: membership.id });
    expect(await sessionUserId(stolen)).toBeNull();
    expect((await loadActor(id))!.memberships).toEqual([]);
  });

  it("a token from before session versions (no version in it) is not accepted", async () => {
    const { encode } = await import("next-auth/jwt");
    const id = await memberId();
    const legacy = await encode({ token: { sub: id, uid: id, name: "Member", email: "member@example.test" }, secret: process.env.AUTH_SECRET! });
    expect(await sessionUserId(legacy)).toBeNull();
  });

  it("an expired, altered or foreign-key cookie is no session, even for a session that is still open", async () => {
    const { encode } = await import("next-auth/jwt");
    const id = await memberId();
    const good = await signIn();
    expect(await sessionUserId(good)).toBe(id);
    const claims = { sub: id, uid: id, name: "Member", email: "member@example.test", sv: (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion, sid: (await db.userSession.findFirstOrThrow({ where: { userId: id, revokedAt: null } })).id };
    // The same claims as the open session, but expired a minute ago (beyond next-auth's 15 s leeway).
    expect(await sessionUserId(await encode({ token: claims, secret: process.env.AUTH_SECRET!, maxAge: -60 }))).toBeNull();
    // Sealed under another secret.
    expect(await sessionUserId(await encode({ token: claims, secret: "not-this-server-s-secret-at-all-0123456789" }))).toBeNull();
    // One character of the captured cookie changed.
    const altered = good.slice(0, -3) + (good.at(-3) === "A" ? "B" : "A") + good.slice(-2);
    expect(await sessionUserId(altered)).toBeNull();
    // And the real one, read again (now from the decrypted-token cache), still works until sign-out.
    expect(await sessionUserId(good)).toBe(id);
    request.cookies.set(sessionCookie().name, good);
    await signOutAction().catch(() => undefined);
    expect(await sessionUserId(good)).toBeNull();
  });

  it("personal API tokens are governed separately: sign-out leaves them working", async () => {
    const id = await memberId();
    const api = await createApiToken((await loadActor(id))!, "script");
    request.cookies.set(sessionCookie().name, await signIn());
    await signOutAction().catch(() => undefined);
    const caller = await resolveApiCaller(new Request("http://localhost/api/v1/applications", { headers: { authorization: `Bearer ${api.token}` } }));
    expect(caller.actor?.userId).toBe(id);
  });
});
