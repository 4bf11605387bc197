// Two-factor sign-in (issue 14): enrolment with a code from the app, the password step that
// opens no session, the code step (TOTP or a recovery code, once), wrong codes limited like
// passwords, a group that requires two factors, a password change that ends the other
// sessions and keeps this one, the last sign-in, and no secret in an export.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.44" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
  }),
}));
// The signed-in caller of an action is whoever this request's session cookie names (checked
// through next-auth, session version included), as in the app.
vi.mock("@/lib/auth/session", async () => {
  const { AppError } = await import("@/lib/errors");
  const current = async () => {
    const { sessionCookie } = await import("@/lib/auth/cookies");
    const { loadActor } = await import("@/lib/data/users");
    const cookie = request.cookies.get(sessionCookie().name);
    const id = cookie ? await sessionUserIdOf(cookie) : null;
    return id ? loadActor(id) : null;
  };
  return {
    getActor: current,
    requireActor: async () => {
      const a = await current();
      if (!a) throw new AppError("unauthenticated");
      return a;
    },
    requirePageActor: current,
  };
});

import bcrypt from "bcryptjs";
import * as OTPAuth from "otpauth";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { sessionCookie } from "@/lib/auth/cookies";
import { pendingSignInCookie } from "@/lib/auth/pending-sign-in";
import { signInAction, verifySignInCodeAction } from "@/lib/actions/auth";
import { changePasswordAction, confirmTwoFactorAction, disableTwoFactorAction, setGroupTwoFactorAction, startTwoFactorAction } from "@/lib/actions/security";
import { resetLimits } from "@/lib/rate-limit";
import { loadActor } from "@/lib/data/users";
import { getCase } from "@/lib/data/cases";
import { setApplicationPublic } from "@/lib/data/applications";
import { createApiToken } from "@/lib/data/api-tokens";
import { resolveApiCaller } from "@/lib/auth/api-token";
import { exportData, exportToJson } from "@/lib/data/export";
import type { FormState } from "@/lib/actions/form-state";
import { form, makeGroup } from "../support/fixtures";

const PASSWORD = "a-long-enough-password";
const EMAIL = "twofactor@example.test";
let groupId: string;
let adminEmail: string;
let privateAppId: string;

async function sessionUserIdOf(cookie: string): Promise<string | null> {
  const req = { cookies: { [sessionCookie().name]: cookie }, headers: {} };
  const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
  const session = await getServerSession(req as never, res as never, authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

/** Runs an action; a redirect comes back as { redirect: path }. */
async function post(action: (prev: FormState, fd: FormData) => Promise<FormState>, entries: Record<string, string>): Promise<FormState & { redirect?: string }> {
  try {
    return await action({ ok: false }, form(entries));
  } catch (e) {
    const digest = String((e as { digest?: string }).digest);
    if (!digest.startsWith("NEXT_REDIRECT")) throw e;
    return { ok: true, redirect: digest.split(";")[2] };
  }
}

const codeFor = (secret: string, at = Date.now()) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at });
const sessionNow = () => request.cookies.get(sessionCookie().name);
const pendingNow = () => request.cookies.get(pendingSignInCookie(false).name);
const userId = async (email = EMAIL) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

/** Signs in with the password alone (no two factors yet) and keeps the session cookie in the jar. */
async function signInWithPassword(email = EMAIL, password = PASSWORD) {
  request.cookies.clear();
  return post(signInAction, { email, password, callbackUrl: "/dashboard" });
}

/** Enrols the signed-in member: start, read the secret, confirm with the app's code. */
async function enrol(): Promise<{ secret: string; recoveryCodes: string[] }> {
  expect(await post(startTwoFactorAction, {})).toMatchObject({ ok: true });
  const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: (await loadActor(await sessionUserIdOf(sessionNow()!) ?? ""))!.userId } });
  const confirmed = await post(confirmTwoFactorAction, { code: codeFor(totpSecret!) });
  expect(confirmed).toMatchObject({ ok: true, message: "two_factor_on" });
  return { secret: totpSecret!, recoveryCodes: confirmed.data!.recoveryCodes as string[] };
}

beforeAll(async () => {
  groupId = (await makeGroup("twofactor", "Two Factor Group")).id;
  const admin = await db.user.create({ data: { email: "tf-admin@example.test", name: "Admin", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  adminEmail = admin.email;
  await db.membership.create({ data: { userId: admin.id, groupId, role: "admin" } });
  privateAppId = (await db.application.create({ data: { groupId, isPublic: false, title: "Private march of the 2FA group", procedure: "approval", city: "Almaty" } })).id;
});

beforeEach(async () => {
  await resetLimits();
  request.cookies.clear();
  await db.group.update({ where: { id: groupId }, data: { requireTwoFactor: false } });
  await db.user.deleteMany({ where: { email: EMAIL } });
  const member = await db.user.create({ data: { email: EMAIL, name: "Member", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  await db.membership.create({ data: { userId: member.id, groupId, role: "editor" } });
});

describe("enrolling", () => {
  it("a code from the app turns two factors on; ten recovery codes are shown once and stored only hashed", async () => {
    await signInWithPassword();
    const { secret, recoveryCodes } = await enrol();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.recoveryCode.findMany({ where: { userId: await userId() } });
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(recoveryCodes.join()).not.toContain(row.codeHash);
    }
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).totpEnabledAt).not.toBeNull();
    // This device stays signed in (enrolment ended every other session and re-issued this one).
    expect(await sessionUserIdOf(sessionNow()!)).toBe(await userId());
  });

  it("a wrong code does not turn two factors on", async () => {
    await signInWithPassword();
    await post(startTwoFactorAction, {});
    const r = await post(confirmTwoFactorAction, { code: "000000" });
    expect(r).toMatchObject({ ok: false, errors: { code: ["code_wrong"] } });
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).totpEnabledAt).toBeNull();
  });

  it("turning two factors off needs the current password and a current code from the app", async () => {
    await signInWithPassword();
    const { secret } = await enrol();
    expect(await post(disableTwoFactorAction, { disablePassword: PASSWORD, code: "123456" === codeFor(secret) ? "654321" : "123456" })).toMatchObject({ ok: false, errors: { code: ["code_wrong"] } });
    // A device left signed in is not enough: the right code without the password changes nothing.
    expect(await post(disableTwoFactorAction, { disablePassword: "not the password", code: codeFor(secret) })).toMatchObject({ ok: false, errors: { disablePassword: ["password_wrong"] } });
    expect(await post(disableTwoFactorAction, { code: codeFor(secret) })).toMatchObject({ ok: false, errors: { disablePassword: expect.any(Array) } });
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).totpEnabledAt).not.toBeNull();
    expect(await post(disableTwoFactorAction, { disablePassword: PASSWORD, code: codeFor(secret) })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).toMatchObject({ totpEnabledAt: null, totpSecret: null });
    expect(await db.recoveryCode.count({ where: { userId: await userId() } })).toBe(0);
  });
});

describe("signing in with two factors", () => {
  let secret: string;
  let recoveryCodes: string[];
  beforeEach(async () => {
    await signInWithPassword();
    ({ secret, recoveryCodes } = await enrol());
    await resetLimits();
    request.cookies.clear();
  });

  it("the password alone opens no session: it leads to the code step with a pending cookie that is not a session", async () => {
    const r = await signInWithPassword();
    expect(r.redirect).toBe("/signin/code");
    expect(sessionNow()).toBeUndefined();
    const pending = pendingNow();
    expect(pending).toBeTruthy();
    expect(pending).not.toContain(PASSWORD);
    // Presented as a session cookie, the pending one gets nobody in.
    expect(await sessionUserIdOf(pending!)).toBeNull();
    // Nor does next-auth's own credentials endpoint take the password alone.
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown) => Promise<unknown> } };
    expect(await provider.options.authorize({ email: EMAIL, password: PASSWORD })).toBeNull();
  });

  it("then the app's code opens the session, records the sign-in time and goes where the member was going", async () => {
    await signInWithPassword();
    const before = Date.now();
    const r = await post(verifySignInCodeAction, { code: codeFor(secret) });
    expect(r.redirect).toBe("/dashboard");
    expect(pendingNow()).toBeUndefined();
    expect(await sessionUserIdOf(sessionNow()!)).toBe(await userId());
    const { lastSignInAt } = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("a code from the app signs in once: seen over a shoulder, it does not work again", async () => {
    const code = codeFor(secret);
    await signInWithPassword();
    expect((await post(verifySignInCodeAction, { code })).redirect).toBe("/dashboard");
    await signInWithPassword();
    expect(await post(verifySignInCodeAction, { code })).toMatchObject({ ok: false, errors: { code: ["code_wrong"] } });
    expect(sessionNow()).toBeUndefined();
    // The next code from the app works.
    expect((await post(verifySignInCodeAction, { code: codeFor(secret, Date.now() + 30_000) })).redirect).toBe("/dashboard");
  });

  it("without a pending sign-in, a correct code gets nobody in", async () => {
    const r = await post(verifySignInCodeAction, { code: codeFor(secret) });
    expect(r).toMatchObject({ ok: false, message: "sign_in_expired" });
    expect(sessionNow()).toBeUndefined();
  });

  it("a recovery code works once", async () => {
    await signInWithPassword();
    expect((await post(verifySignInCodeAction, { code: recoveryCodes[3].toUpperCase() })).redirect).toBe("/dashboard");
    expect(await sessionUserIdOf(sessionNow()!)).toBe(await userId());

    await signInWithPassword();
    const again = await post(verifySignInCodeAction, { code: recoveryCodes[3] });
    expect(again).toMatchObject({ ok: false, errors: { code: ["code_wrong"] } });
    expect(sessionNow()).toBeUndefined();
    expect((await post(verifySignInCodeAction, { code: recoveryCodes[4] })).redirect).toBe("/dashboard");
  });

  it("wrong codes are limited: after five, even the right code is refused for a while", async () => {
    await signInWithPassword();
    const wrong = codeFor(secret, Date.now() + 10 * 60_000);
    for (let i = 0; i < 5; i++) expect(await post(verifySignInCodeAction, { code: wrong })).toMatchObject({ ok: false, errors: { code: ["code_wrong"] } });
    expect(await post(verifySignInCodeAction, { code: codeFor(secret) })).toMatchObject({ ok: false, message: "rate_limited" });
    expect(sessionNow()).toBeUndefined();
    await resetLimits();
    expect((await post(verifySignInCodeAction, { code: codeFor(secret) })).redirect).toBe("/dashboard");
  });
});

describe("a group that requires two factors", () => {
  it("an admin without two factors cannot require them (nobody locks themself out)", async () => {
    await signInWithPassword(adminEmail);
    expect(await post(setGroupTwoFactorAction, { groupId, requireTwoFactor: "on" })).toMatchObject({ ok: false, message: "two_factor_enrol_first" });
    expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).requireTwoFactor).toBe(false);
  });

  it("hides the group's private records from a member without two factors — pages, API, actions — until they enrol", async () => {
    // The admin enrols, then requires it.
    await signInWithPassword(adminEmail);
    const admin = await enrol();
    expect(await post(setGroupTwoFactorAction, { groupId, requireTwoFactor: "on" })).toMatchObject({ ok: true });
    await db.user.update({ where: { email: adminEmail }, data: { totpSecret: null, totpEnabledAt: null } });
    expect(admin.secret).toBeTruthy();

    const id = await userId();
    // Signing in with the password sends the member to enrol, not to where they were going.
    expect((await signInWithPassword()).redirect).toBe("/settings/security");
    const member = (await loadActor(id))!;
    expect(member.memberships.map((m) => m.groupId)).not.toContain(groupId);
    expect(member.twoFactorRequiredBy).toEqual(["Two Factor Group"]);
    // A page reads the case through getCase: missing, as for a stranger.
    await expect(getCase(member, privateAppId)).rejects.toMatchObject({ code: "not_found" });
    // An action on it is refused and changes nothing.
    await expect(setApplicationPublic(member, privateAppId, true)).rejects.toMatchObject({ code: "not_found" });
    expect((await db.application.findUniqueOrThrow({ where: { id: privateAppId } })).isPublic).toBe(false);
    // The API (a token, or a session) resolves to the same actor without the group.
    const token = await createApiToken(member, "script");
    const caller = await resolveApiCaller(new Request("http://localhost/api/v1/applications", { headers: { authorization: `Bearer ${token.token}` } }));
    expect(caller.actor?.memberships.map((m) => m.groupId)).not.toContain(groupId);

    // The member enrols: the group's records are back.
    await signInWithPassword();
    await enrol();
    const enrolled = (await loadActor(id))!;
    expect(enrolled.memberships.map((m) => m.groupId)).toContain(groupId);
    expect(enrolled.twoFactorRequiredBy).toEqual([]);
    expect((await getCase(enrolled, privateAppId)).title).toBe("Private march of the 2FA group");
  });
});

describe("changing the password", () => {
  it("asks the current password and the policy, ends every other session and keeps this one", async () => {
    const id = await userId();
    const stolen = (await signInWithPassword(), sessionNow()!);
    await signInWithPassword();
    const here = sessionNow()!;
    expect(await sessionUserIdOf(stolen)).toBe(id);

    expect(await post(changePasswordAction, { currentPassword: "not the password", newPassword: "a completely new passphrase" })).toMatchObject({
      ok: false,
      errors: { currentPassword: ["password_wrong"] },
    });
    expect(await post(changePasswordAction, { currentPassword: PASSWORD, newPassword: "short" })).toMatchObject({ ok: false, errors: { newPassword: ["password_too_short"] } });
    expect(await sessionUserIdOf(stolen)).toBe(id);

    expect(await post(changePasswordAction, { currentPassword: PASSWORD, newPassword: "a completely new passphrase" })).toMatchObject({ ok: true, message: "password_changed" });
    expect(await sessionUserIdOf(stolen)).toBeNull();
    expect(await sessionUserIdOf(here)).toBeNull();
    // This device got a new cookie that works.
    expect(await sessionUserIdOf(sessionNow()!)).toBe(id);
    expect((await signInWithPassword(EMAIL, PASSWORD)).ok).toBe(false);
    expect((await signInWithPassword(EMAIL, "a completely new passphrase")).redirect).toBe("/dashboard");
  });
});

describe("export", () => {
  it("carries no TOTP secret, recovery code or sign-in state", async () => {
    await signInWithPassword();
    const { secret, recoveryCodes } = await enrol();
    const hashes = (await db.recoveryCode.findMany({ where: { userId: await userId() } })).map((r) => r.codeHash);
    const text = exportToJson(await exportData(db));
    expect(text).toContain(EMAIL);
    expect(text).not.toContain(secret);
    for (const c of recoveryCodes) expect(text).not.toContain(c);
    for (const h of hashes) expect(text).not.toContain(h);
    expect(text).not.toMatch(/totpSecret|totpEnabledAt|totpLastStep|lastSignInAt|codeHash|recoveryCode/i);
  });
});
