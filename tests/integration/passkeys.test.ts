// Passkeys as a second factor (issue 14): a member with two factors enrols a passkey (named,
// listed, removed with a fresh code from the app) and signs in with it instead of the code.
// A software authenticator (tests/support/soft-authenticator.ts: an ES256 key pair and the
// responses built by hand) talks to the real @simplewebauthn/server checks. A challenge works
// once and for minutes; a replayed assertion (counter not raised) or one signed by another key
// is refused; the group that requires two factors lets the member in. SQLite and PostgreSQL.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const request = vi.hoisted(() => {
  // The relying party: rpID and origin come from NEXTAUTH_URL (lib/auth/webauthn.ts).
  process.env.NEXTAUTH_URL = "https://tracker.example.org";
  return { cookies: new Map<string, string>() };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.45", host: "tracker.example.org" }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
  }),
}));
// The signed-in caller of an action is whoever this request's session cookie names, as in the app.
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

import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import * as OTPAuth from "otpauth";
import { getServerSession } from "next-auth";
import { createElement as h } from "react";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { sessionCookie } from "@/lib/auth/cookies";
import { pendingSignInCookie } from "@/lib/auth/pending-sign-in";
import { signInAction, verifySignInCodeAction } from "@/lib/actions/auth";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/lib/actions/security";
import { passkeyRegistrationOptionsAction, passkeySignInAction, passkeySignInOptionsAction, registerPasskeyAction, removePasskeyAction } from "@/lib/actions/passkeys";
import { listPasskeys } from "@/lib/data/passkeys";
import { resetLimits } from "@/lib/rate-limit";
import { loadActor } from "@/lib/data/users";
import { getCase } from "@/lib/data/cases";
import { exportData, exportToJson } from "@/lib/data/export";
import type { FormState } from "@/lib/actions/form-state";
import { PasskeySignIn } from "@/components/passkeys/PasskeySignIn";
import { form, makeGroup, renderChecked } from "../support/fixtures";
import { SoftAuthenticator } from "../support/soft-authenticator";

const ORIGIN = "https://tracker.example.org";
const PASSWORD = "a-long-enough-password";
const EMAIL = "passkey@example.test";
let groupId: string;
let privateAppId: string;

async function sessionUserIdOf(cookie: string): Promise<string | null> {
  const req = { cookies: { [sessionCookie().name]: cookie }, headers: {} };
  const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
  const session = await getServerSession(req as never, res as never, authOptions);
  return (session?.user as { id?: string } | undefined)?.id ?? null;
}

/** Runs an action; a redirect comes back as { redirect: path }. */
async function post(action: (prev: FormState, fd: FormData) => Promise<FormState>, entries: Record<string, string> = {}): Promise<FormState & { redirect?: string }> {
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
const userId = async () => (await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).id;

async function signInWithPassword() {
  request.cookies.clear();
  return post(signInAction, { email: EMAIL, password: PASSWORD, callbackUrl: "/dashboard" });
}

/** Signs in with the password alone and turns two factors on with the app; returns the TOTP secret. */
async function memberWithTwoFactors(): Promise<string> {
  await signInWithPassword();
  expect(await post(startTwoFactorAction)).toMatchObject({ ok: true });
  const { totpSecret } = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
  expect(await post(confirmTwoFactorAction, { code: codeFor(totpSecret!) })).toMatchObject({ ok: true });
  return totpSecret!;
}

/** Enrols a passkey from this authenticator under a name, as the Settings form does. */
async function enrol(auth: SoftAuthenticator, name = "Blue key") {
  const options = await post(passkeyRegistrationOptionsAction);
  expect(options).toMatchObject({ ok: true });
  const opts = options.data!.options as { challenge: string; rp: { id: string }; excludeCredentials: { id: string }[] };
  expect(opts.rp.id).toBe("tracker.example.org");
  const response = auth.register(opts);
  return { result: await post(registerPasskeyAction, { name, response: JSON.stringify(response) }), response, options: opts };
}

/** The password step, then the passkey's options: what the code page's button fetches. */
async function passkeyChallenge(): Promise<{ challenge: string; allowCredentials: { id: string }[] }> {
  await signInWithPassword();
  expect(pendingNow()).toBeDefined();
  const options = await post(passkeySignInOptionsAction);
  expect(options).toMatchObject({ ok: true });
  return options.data!.options as { challenge: string; allowCredentials: { id: string }[] };
}

beforeAll(async () => {
  groupId = (await makeGroup("passkeys", "Passkey Group")).id;
  privateAppId = (await db.application.create({ data: { groupId, isPublic: false, title: "Private march of the passkey group", procedure: "approval", city: "Almaty" } })).id;
});

beforeEach(async () => {
  await resetLimits();
  request.cookies.clear();
  await db.group.update({ where: { id: groupId }, data: { requireTwoFactor: false } });
  await db.user.deleteMany({ where: { email: EMAIL } });
  const member = await db.user.create({ data: { email: EMAIL, name: "Member", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  await db.membership.create({ data: { userId: member.id, groupId, role: "editor" } });
});

describe("enrolling a passkey", () => {
  it("needs two factors with the app first", async () => {
    await signInWithPassword();
    expect(await post(passkeyRegistrationOptionsAction)).toMatchObject({ ok: false, message: "passkey_needs_two_factor" });
    expect(await db.webAuthnChallenge.count({ where: { userId: await userId() } })).toBe(0);
  });

  it("keeps the credential id, public key, counter and transports under the member's name for it; listed, never twice", async () => {
    await memberWithTwoFactors();
    const auth = new SoftAuthenticator(ORIGIN);
    const { result } = await enrol(auth, "Blue key");
    expect(result).toMatchObject({ ok: true, message: "passkey_added" });
    const [stored] = await db.passkey.findMany({ where: { userId: await userId() } });
    expect(stored).toMatchObject({ name: "Blue key", credentialId: auth.id, counter: 0, transports: "usb" });
    const jwk = auth.keys.publicKey.export({ format: "jwk" }) as { x: string };
    expect(Buffer.from(stored.publicKey, "base64url").includes(Buffer.from(jwk.x, "base64url"))).toBe(true);
    expect((await listPasskeys(await userId())).map((p) => p.name)).toEqual(["Blue key"]);
    // The challenge is gone once used; the next enrolment excludes the key already there.
    expect(await db.webAuthnChallenge.count({ where: { userId: await userId() } })).toBe(0);
    const again = await enrol(auth, "Same key");
    expect(again.options.excludeCredentials.map((c) => c.id)).toEqual([auth.id]);
    expect(again.result).toMatchObject({ ok: false, message: "passkey_known" });
    expect(await db.passkey.count()).toBe(1);
  });

  it("refuses a registration challenge used twice, one from another site, and one past its minutes", async () => {
    await memberWithTwoFactors();
    const auth = new SoftAuthenticator(ORIGIN);
    const { response } = await enrol(auth);
    expect(await post(registerPasskeyAction, { name: "Replayed", response: JSON.stringify(response) })).toMatchObject({ ok: false, message: "passkey_expired" });

    const phished = new SoftAuthenticator("https://tracker.example.org.evil.test", "tracker.example.org");
    const o1 = (await post(passkeyRegistrationOptionsAction)).data!.options as { challenge: string };
    expect(await post(registerPasskeyAction, { name: "Phished", response: JSON.stringify(phished.register(o1)) })).toMatchObject({ ok: false, message: "passkey_failed" });

    const late = new SoftAuthenticator(ORIGIN);
    const o2 = (await post(passkeyRegistrationOptionsAction)).data!.options as { challenge: string };
    await db.webAuthnChallenge.updateMany({ where: { challenge: o2.challenge }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await post(registerPasskeyAction, { name: "Late", response: JSON.stringify(late.register(o2)) })).toMatchObject({ ok: false, message: "passkey_expired" });
    expect(await post(registerPasskeyAction, { name: "Junk", response: "{not json" })).toMatchObject({ ok: false, message: "passkey_failed" });
    expect((await listPasskeys(await userId())).map((p) => p.name)).toEqual(["Blue key"]);
  });
});

describe("signing in with a passkey", () => {
  it("stands in for the code: a session for this device, the pending step gone, the group's records open", async () => {
    await memberWithTwoFactors();
    const auth = new SoftAuthenticator(ORIGIN);
    await enrol(auth);
    await db.group.update({ where: { id: groupId }, data: { requireTwoFactor: true } });

    const options = await passkeyChallenge();
    expect(sessionNow()).toBeUndefined(); // the password alone opened nothing
    expect(options.allowCredentials.map((c) => c.id)).toEqual([auth.id]);
    const done = await post(passkeySignInAction, { response: JSON.stringify(auth.authenticate(options)) });
    expect(done.redirect).toBe("/dashboard");
    expect(pendingNow()).toBeUndefined();
    expect(await sessionUserIdOf(sessionNow()!)).toBe(await userId());
    const actor = (await loadActor(await userId()))!;
    expect(actor.twoFactorRequiredBy ?? []).toEqual([]);
    expect((await getCase(actor, privateAppId)).title).toBe("Private march of the passkey group");
    const stored = await db.passkey.findFirstOrThrow({ where: { credentialId: auth.id } });
    expect(stored.counter).toBe(1);
    expect(stored.lastUsedAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a challenge used twice, a counter that did not rise, another key's signature and another site; each counts as a wrong code", async () => {
    const secret = await memberWithTwoFactors();
    const auth = new SoftAuthenticator(ORIGIN);
    await enrol(auth);

    const first = await passkeyChallenge();
    const assertion = auth.authenticate(first);
    expect((await post(passkeySignInAction, { response: JSON.stringify(assertion) })).redirect).toBe("/dashboard");

    // The same assertion again, at a new password step: its challenge is spent.
    await passkeyChallenge();
    expect(await post(passkeySignInAction, { response: JSON.stringify(assertion) })).toMatchObject({ ok: false, message: "passkey_failed" });
    expect(sessionNow()).toBeUndefined();

    // A fresh challenge, but the counter is where it was (a cloned authenticator).
    const second = await passkeyChallenge();
    expect(await post(passkeySignInAction, { response: JSON.stringify(auth.authenticate(second, { counter: 1 })) })).toMatchObject({ ok: false, message: "passkey_failed" });

    // Signed by a key that is not the enrolled one.
    const third = await passkeyChallenge();
    const stranger = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    expect(await post(passkeySignInAction, { response: JSON.stringify(auth.authenticate(third, { signWith: stranger })) })).toMatchObject({ ok: false, message: "passkey_failed" });

    // Made for another site.
    const fourth = await passkeyChallenge();
    expect(await post(passkeySignInAction, { response: JSON.stringify(auth.authenticate(fourth, { origin: "https://evil.test" })) })).toMatchObject({ ok: false, message: "passkey_failed" });
    expect(sessionNow()).toBeUndefined();
    expect((await db.passkey.findFirstOrThrow({ where: { credentialId: auth.id } })).counter).toBe(1);

    // Four failures; the fifth locks the second step, passkey and code alike.
    await passkeyChallenge();
    expect(await post(passkeySignInAction, { response: "{}" })).toMatchObject({ ok: false, message: "passkey_failed" });
    expect(await post(passkeySignInOptionsAction)).toMatchObject({ ok: false, message: "rate_limited" });
    expect(await post(verifySignInCodeAction, { code: codeFor(secret) })).toMatchObject({ ok: false, message: "rate_limited" });
  });

  it("needs the password step first, and the code keeps working without a passkey prompt", async () => {
    const secret = await memberWithTwoFactors();
    const auth = new SoftAuthenticator(ORIGIN);
    await enrol(auth);
    request.cookies.clear();
    expect(await post(passkeySignInOptionsAction)).toMatchObject({ ok: false, message: "sign_in_expired" });
    expect(await post(passkeySignInAction, { response: "{}" })).toMatchObject({ ok: false, message: "sign_in_expired" });
    await signInWithPassword();
    expect((await post(verifySignInCodeAction, { code: codeFor(secret, Date.now() + 30_000) })).redirect).toBe("/dashboard");
    // Without JavaScript the button is not there (server HTML); the code form is.
    expect(renderChecked(h(PasskeySignIn), "ru")).toBe("");
  });
});

describe("removing passkeys", () => {
  it("takes a fresh code from the app; turning two factors off removes them all; no key in an export", async () => {
    const secret = await memberWithTwoFactors();
    await enrol(new SoftAuthenticator(ORIGIN), "Blue key");
    await enrol(new SoftAuthenticator(ORIGIN), "Laptop");
    const [blue] = await listPasskeys(await userId());
    expect(await post(removePasskeyAction, { passkeyId: blue.id, code: "000000" })).toMatchObject({ ok: false, errors: { code: ["code_wrong"] } });
    expect(await post(removePasskeyAction, { passkeyId: blue.id, code: "" })).toMatchObject({ ok: false, errors: { code: ["required"] } });
    expect(await db.passkey.count()).toBe(2);
    expect(await post(removePasskeyAction, { passkeyId: blue.id, code: codeFor(secret) })).toMatchObject({ ok: true, message: "passkey_removed" });
    expect((await listPasskeys(await userId())).map((p) => p.name)).toEqual(["Laptop"]);

    // Another member cannot remove this one by its id.
    const other = await db.user.create({ data: { email: "other-pk@example.test", name: "Other", passwordHash: await bcrypt.hash(PASSWORD, 4), totpSecret: secret, totpEnabledAt: new Date() } });
    const [laptop] = await listPasskeys(await userId());
    const { issueSessionCookie } = await import("@/lib/auth/issue-session");
    const mine = sessionNow();
    await issueSessionCookie({ id: other.id, name: other.name, email: other.email, sessionVersion: 0 });
    expect(await post(removePasskeyAction, { passkeyId: laptop.id, code: codeFor(secret) })).toMatchObject({ ok: false, message: "passkey_gone" });
    request.cookies.set(sessionCookie().name, mine!);

    expect(exportToJson(await exportData(db))).not.toContain((await db.passkey.findFirstOrThrow()).publicKey);
    expect(await post(disableTwoFactorAction, { disablePassword: PASSWORD, code: codeFor(secret, Date.now() + 30_000) })).toMatchObject({ ok: true });
    expect(await db.passkey.count({ where: { userId: await userId() } })).toBe(0);
    await db.user.delete({ where: { id: other.id } });
  });
});
