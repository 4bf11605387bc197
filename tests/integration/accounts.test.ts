// Accounts for people at risk: a password reset by an emailed link (received by a real SMTP
// server started here) or by an admin's link; My sessions with sign-out per device and
// everywhere; the new-device alert; "lock my account now"; leaving a group and deleting the
// account; API tokens that expire and carry a scope.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), userAgent: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.77", "user-agent": request.userAgent }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string, options?: { maxAge?: number }) => {
      if (options?.maxAge === 0) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
  }),
}));
vi.mock("@/lib/auth/session", () => import("../support/session"));

import bcrypt from "bcryptjs";
import * as OTPAuth from "otpauth";
import { getServerSession } from "next-auth";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { sessionCookie } from "@/lib/auth/cookies";
import { signInAction } from "@/lib/actions/auth";
import {
  completePasswordResetAction,
  deleteAccountAction,
  issueResetLinkAction,
  leaveGroupAction,
  lockAccountByLinkAction,
  lockMyAccountAction,
  requestPasswordResetAction,
  revokeSessionAction,
  signOutEverywhereAction,
} from "@/lib/actions/accounts";
import { createApplicationAction } from "@/lib/actions/applications";
import { completePasswordReset } from "@/lib/data/accounts";
import { createApiToken } from "@/lib/data/api-tokens";
import { loadActor } from "@/lib/data/users";
import { listSessions } from "@/lib/data/sessions";
import { currentSessionId } from "@/lib/auth/issue-session";
import { resolveApiCaller } from "@/lib/auth/api-token";
import { LOCK_COOKIE, RESET_COOKIE } from "@/lib/accounts/link-cookie";
import { registerAccountJobs } from "@/lib/accounts/mail";
import { reminderMessage } from "@/lib/data/reminders";
import { mailTranslator, renderText } from "@/lib/mail/render";
import { closeMailTransport } from "@/lib/mail";
import { workOnce } from "@/lib/jobs";
import { resetLimits } from "@/lib/rate-limit";
import { loadReference } from "@/prisma/seed/reference";
import { GET as resetLinkGET } from "@/app/(public)/password-reset/link/route";
import { GET as lockLinkGET } from "@/app/(public)/account/lock/route";
import { GET as exportGET } from "@/app/api/v1/export/route";
import { makeActor, makeGroup, renderChecked, run } from "../support/fixtures";
import { createElement as h } from "react";
import { DeleteAccountForm, IssueResetLinkForm, LeaveGroupForm, LockAccountForm, RevokeSessionForm, SignOutEverywhereForm } from "@/components/accounts/SecurityForms";
import { LockByLinkForm, NewPasswordForm, RequestResetForm } from "@/components/accounts/PasswordResetForms";
import { session } from "../support/session";

const APP_URL = "https://tracker.example.org";
const PASSWORD = "a-long-enough-password";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

let smtp: TestSmtp;
let inbox: ParsedMail[] = [];
let groupId: string;
let adminId: string;

beforeAll(async () => {
  smtp = await startTestSmtp((m) => inbox.push(m));
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Tracker <tracker@example.org>";
  process.env.APP_URL = APP_URL;
  await loadReference(db);
  registerAccountJobs();
  groupId = (await makeGroup("accounts", "Accounts Group")).id;
  const admin = await db.user.create({ data: { email: "acc-admin@example.test", name: "Admin Aigerim", passwordHash: await bcrypt.hash(PASSWORD, 4) } });
  adminId = admin.id;
  await db.membership.create({ data: { userId: admin.id, groupId, role: "admin" } });
});

afterAll(async () => {
  closeMailTransport();
  await smtp.close();
});

const EMAIL = "member@example.test";
beforeEach(async () => {
  await resetLimits();
  inbox = [];
  request.cookies.clear();
  request.userAgent = FIREFOX_LINUX;
  session.actor = null;
  await db.job.deleteMany();
  await db.user.deleteMany({ where: { email: EMAIL } });
  const member = await db.user.create({ data: { email: EMAIL, name: "Member Dana", passwordHash: await bcrypt.hash(PASSWORD, 4), locale: "ru" } });
  await db.membership.create({ data: { userId: member.id, groupId, role: "editor" } });
});

const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
const memberId = async () => (await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).id;
const formData = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
};
async function settle<T>(p: Promise<T>): Promise<T | { redirect: string }> {
  try {
    return await p;
  } catch (e) {
    const digest = String((e as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw e;
  }
}

/** Signs in through the sign-in form from a browser, returning the session cookie it set. */
async function signIn(userAgent = FIREFOX_LINUX, password = PASSWORD): Promise<string | null> {
  request.cookies.clear();
  request.userAgent = userAgent;
  const r = await settle(signInAction({ ok: false }, formData({ email: EMAIL, password, callbackUrl: "/dashboard" })));
  if (!("redirect" in r)) return null;
  return request.cookies.get(sessionCookie().name) ?? null;
}

/** The user a session cookie is good for, as every page and action reads it (next-auth's jwt callback). */
async function sessionUserId(cookie: string): Promise<string | null> {
  const req = { cookies: { [sessionCookie().name]: cookie }, headers: {} };
  const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
  const s = await getServerSession(req as never, res as never, authOptions);
  return (s?.user as { id?: string } | undefined)?.id ?? null;
}

/** As the browser holding `cookie`: the session module stands in for the cookie's user. */
async function asDevice(cookie: string) {
  request.cookies.clear();
  request.cookies.set(sessionCookie().name, cookie);
  session.actor = await loadActor(await memberId());
}

/** Every text value in every table, for "this name is nowhere". */
async function wholeDatabase(): Promise<string> {
  const { Prisma } = await import("@/lib/generated/sqlite/client");
  const parts: string[] = [];
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<unknown[]> }>)[model.charAt(0).toLowerCase() + model.slice(1)];
    parts.push(JSON.stringify(await delegate.findMany(), (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
  }
  return parts.join("\n");
}

describe("password reset by email", () => {
  it("the same answer for an unknown email; the member gets one email in their language whose link works once, and every session ends", async () => {
    const stolen = (await signIn())!;
    expect(await sessionUserId(stolen)).toBe(await memberId());

    const known = await requestPasswordResetAction({ ok: false }, formData({ email: "Member@Example.test" }));
    const unknown = await requestPasswordResetAction({ ok: false }, formData({ email: "nobody@example.test" }));
    const strip = (s: typeof known) => ({ ok: s.ok, message: s.message, errors: s.errors });
    expect(strip(known)).toEqual({ ok: true, message: "reset_requested", errors: undefined });
    expect(strip(unknown)).toEqual(strip(known));

    await workOnce({ db });
    expect(inbox).toHaveLength(1);
    const mail = inbox[0];
    expect(to(mail)).toEqual([EMAIL]);
    expect(mail.subject).toBe("Новый пароль");
    const link = /https:\/\/tracker\.example\.org\/password-reset\/link\?t=([A-Za-z0-9_-]+)/.exec(mail.text ?? "");
    expect(link).not.toBeNull();
    const token = link![1];
    // Only the hash is stored.
    expect(await wholeDatabase()).not.toContain(token);

    // The link's page moves the token out of the URL at once: a cookie, and a clean address.
    const res = await resetLinkGET(new Request(link![0]));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/password-reset/new");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toContain(`${RESET_COOKIE.name}=${token}`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toContain(`Path=${RESET_COOKIE.path}`);

    request.cookies.clear();
    request.cookies.set(RESET_COOKIE.name, token);
    const weak = await completePasswordResetAction({ ok: false }, formData({ password: "short" }));
    expect(weak).toMatchObject({ ok: false, errors: { password: ["password_too_short"] } });
    const done = await settle(completePasswordResetAction({ ok: false }, formData({ password: "a brand new long passphrase" })));
    expect(done).toEqual({ redirect: "/signin?reset=1" });
    expect(request.cookies.has(RESET_COOKIE.name)).toBe(false);

    expect(await sessionUserId(stolen)).toBeNull();
    expect(await signIn(FIREFOX_LINUX, PASSWORD)).toBeNull();
    expect(await sessionUserId((await signIn(FIREFOX_LINUX, "a brand new long passphrase"))!)).toBe(await memberId());

    // Single use.
    request.cookies.clear();
    request.cookies.set(RESET_COOKIE.name, token);
    expect(await completePasswordResetAction({ ok: false }, formData({ password: "yet another long passphrase" }))).toMatchObject({ ok: false, message: "reset_link_invalid" });
    expect(await signIn(FIREFOX_LINUX, "yet another long passphrase")).toBeNull();
  });

  it("a link stops working after 30 minutes", async () => {
    await requestPasswordResetAction({ ok: false }, formData({ email: EMAIL }));
    await workOnce({ db });
    const token = /password-reset\/link\?t=([A-Za-z0-9_-]+)/.exec(inbox[0].text ?? "")![1];
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: await memberId() } });
    await expect(completePasswordReset(token, "a brand new long passphrase", new Date(row.createdAt.getTime() + 31 * 60_000))).rejects.toMatchObject({ key: "reset_link_invalid" });
    expect(await signIn(FIREFOX_LINUX, PASSWORD)).not.toBeNull();
  });

  it("asking is rate-limited, for unknown emails exactly as for known ones", async () => {
    for (const email of [EMAIL, "nobody@example.test"]) {
      await resetLimits();
      for (let i = 0; i < 5; i++) expect((await requestPasswordResetAction({ ok: false }, formData({ email }))).message, `${email} #${i + 1}`).toBe("reset_requested");
      expect((await requestPasswordResetAction({ ok: false }, formData({ email }))).message, email).toBe("rate_limited");
    }
    await workOnce({ db });
    expect(inbox.filter((m) => to(m).includes(EMAIL))).toHaveLength(5);
  });

  it("without email, an admin of the member's group issues a link by hand, shown once; an editor cannot", async () => {
    const membership = await db.membership.findFirstOrThrow({ where: { userId: await memberId(), groupId } });
    const editor = await makeActor("acc-editor", [[groupId, "editor"]]);
    expect((await run(editor, issueResetLinkAction, { groupId, membershipId: membership.id })).state).toMatchObject({ ok: false, message: "forbidden" });
    const r = (await run((await loadActor(adminId))!, issueResetLinkAction, { groupId, membershipId: membership.id })).state!;
    expect(r).toMatchObject({ ok: true, message: "reset_link_issued" });
    const token = /\/password-reset\/link\?t=([A-Za-z0-9_-]+)$/.exec(String(r.data?.url))![1];
    expect(await wholeDatabase()).not.toContain(token);
    request.cookies.set(RESET_COOKIE.name, token);
    expect(await settle(completePasswordResetAction({ ok: false }, formData({ password: "set by the admin's link" })))).toEqual({ redirect: "/signin?reset=1" });
    expect(await signIn(FIREFOX_LINUX, "set by the admin's link")).not.toBeNull();
  });
});

describe("My sessions", () => {
  it("lists each device; one signed out from another stops working at its next request; sign out everywhere ends the rest", async () => {
    const laptop = (await signIn(FIREFOX_LINUX))!;
    const phone = (await signIn(CHROME_ANDROID))!;
    const id = await memberId();
    expect(await sessionUserId(laptop)).toBe(id);
    expect(await sessionUserId(phone)).toBe(id);

    await asDevice(laptop);
    const listed = await listSessions(session.actor!, await currentSessionId());
    expect(listed.map((s) => `${s.browser} on ${s.os}${s.current ? " (this device)" : ""}`).sort()).toEqual(["Chrome on Android", "Firefox on Linux (this device)"]);
    // No address is kept anywhere for a session.
    expect(JSON.stringify(await db.userSession.findMany())).not.toContain("203.0.113.77");

    const phoneRow = listed.find((s) => s.browser === "Chrome")!;
    expect(await revokeSessionAction({ ok: false }, formData({ sessionId: phoneRow.id }))).toMatchObject({ ok: true, message: "session_revoked" });
    expect(await sessionUserId(phone)).toBeNull();
    expect(await sessionUserId(laptop)).toBe(id);

    // Someone else's session id is not found, and changes nothing.
    const other = await makeActor("acc-other", []);
    session.actor = other;
    const laptopRow = listed.find((s) => s.current)!;
    expect(await revokeSessionAction({ ok: false }, formData({ sessionId: laptopRow.id }))).toMatchObject({ ok: false, message: "not_found" });
    expect(await sessionUserId(laptop)).toBe(id);

    const tablet = (await signIn(SAFARI_MAC))!;
    await asDevice(laptop);
    expect(await settle(signOutEverywhereAction({ ok: false }, formData({})))).toEqual({ redirect: "/signin?everywhere=1" });
    expect(request.cookies.has(sessionCookie().name)).toBe(false);
    expect(await sessionUserId(laptop)).toBeNull();
    expect(await sessionUserId(tablet)).toBeNull();
    expect(await listSessions((await loadActor(id))!, null)).toEqual([]);
  });
});

describe("new sign-in alert and lock my account", () => {
  it("an email only on a device not seen before, with a link that locks the account until a password reset", async () => {
    await signIn(FIREFOX_LINUX); // the first sign-in ever: nothing to compare with
    await signIn(FIREFOX_LINUX);
    await workOnce({ db });
    expect(inbox).toHaveLength(0);
    const phone = (await signIn(CHROME_ANDROID))!;
    await signIn(CHROME_ANDROID);
    await workOnce({ db });
    expect(inbox).toHaveLength(1);
    const alert = inbox[0];
    expect(to(alert)).toEqual([EMAIL]);
    expect(alert.subject).toBe("Новый вход в вашу учётную запись");
    expect(alert.text).toContain("Chrome · Android");

    const api = await createApiToken((await loadActor(await memberId()))!, "script");
    const link = /https:\/\/tracker\.example\.org\/account\/lock\?t=([^\s]+)/.exec(alert.text ?? "")!;
    const res = await lockLinkGET(new Request(link[0]));
    expect(res.headers.get("location")).toBe("/account/lock/confirm");
    const token = decodeURIComponent(link[1]);
    request.cookies.clear();
    request.cookies.set(LOCK_COOKIE.name, token);
    expect(await settle(lockAccountByLinkAction({ ok: false }, formData({})))).toEqual({ redirect: "/account/locked" });

    expect(await sessionUserId(phone)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).lockedAt).not.toBeNull();
    const refused = await signInAction({ ok: false }, formData({ email: EMAIL, password: PASSWORD, callbackUrl: "/dashboard" }));
    expect(refused).toMatchObject({ ok: false, message: "account_locked" });
    await expect(resolveApiCaller(new Request("http://x/api/v1/applications", { headers: { authorization: `Bearer ${api.token}` } }))).rejects.toMatchObject({ code: "unauthenticated" });

    // A reset opens it again.
    await requestPasswordResetAction({ ok: false }, formData({ email: EMAIL }));
    await workOnce({ db });
    const reset = /password-reset\/link\?t=([A-Za-z0-9_-]+)/.exec(inbox[1].text ?? "")![1];
    await completePasswordReset(reset, "unlocked with a new passphrase");
    expect(await signIn(FIREFOX_LINUX, "unlocked with a new passphrase")).not.toBeNull();
    // A forged link locks nothing.
    request.cookies.clear();
    request.cookies.set(LOCK_COOKIE.name, "forged.token.value");
    expect(await lockAccountByLinkAction({ ok: false }, formData({}))).toMatchObject({ ok: false, message: "lock_link_invalid" });
  });

  it("Settings → lock my account now ends every session and refuses sign-in", async () => {
    const a = (await signIn(FIREFOX_LINUX))!;
    const b = (await signIn(CHROME_ANDROID))!;
    await asDevice(a);
    expect(await settle(lockMyAccountAction({ ok: false }, formData({})))).toEqual({ redirect: "/account/locked" });
    expect(await sessionUserId(a)).toBeNull();
    expect(await sessionUserId(b)).toBeNull();
    expect(await signIn(FIREFOX_LINUX)).toBeNull();
  });

  it("every reminder email carries the lock link", () => {
    const content = reminderMessage({
      title: "March",
      group: "G",
      item: { type: "deadline", ruleCode: "x", nextStep: "complaint", dueOn: "2026-03-10" },
      days: 3,
      url: `${APP_URL}/applications/1`,
      lockUrl: `${APP_URL}/account/lock?t=abc`,
    })(mailTranslator("en"), "en");
    expect(renderText(content)).toContain(`Lock my account: ${APP_URL}/account/lock?t=abc`);
  });
});

describe("leaving a group and deleting the account", () => {
  it("a member leaves; the last admin of a group with members cannot", async () => {
    const id = await memberId();
    expect((await run((await loadActor(id))!, leaveGroupAction, { groupId })).state).toMatchObject({ ok: true, message: "group_left" });
    expect(await db.membership.count({ where: { userId: id } })).toBe(0);
    const other = await makeActor("acc-stays", [[groupId, "viewer"]]);
    expect((await run((await loadActor(adminId))!, leaveGroupAction, { groupId })).state).toMatchObject({ ok: false, message: "last_admin" });
    await db.user.delete({ where: { id: other.userId } });
  });

  it("deleting takes the password (and a code with two factors); what they made stays, by “a former member”, and their name is nowhere in the database", async () => {
    const name = "Zhanar Qwertyuiop";
    const email = "zhanar.qwertyuiop@example.test";
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const user = await db.user.create({ data: { email, name, passwordHash: await bcrypt.hash(PASSWORD, 4), totpSecret: secret, totpEnabledAt: new Date() } });
    await db.membership.create({ data: { userId: user.id, groupId, role: "editor" } });
    const actor = (await loadActor(user.id))!;
    const created = await run(actor, createApplicationAction, {
      groupId,
      organizerIds: groupId,
      title: "Picket for the shelter law",
      authorityId: "",
      city: "Almaty",
      filedOn: "2024-02-20",
      filedOnPrecision: "day",
      "parts.0.form": "picket",
      "parts.0.eventDate": "2025-03-08",
      "parts.0.eventDatePrecision": "day",
    });
    expect(created.redirect).toMatch(/^\/applications\//);
    const appId = created.redirect!.split("/")[2];
    await createApiToken(actor, "script");
    expect(await wholeDatabase()).toContain(name);

    expect((await run(actor, deleteAccountAction, { deletePassword: "wrong password here" })).state).toMatchObject({ ok: false, errors: { deletePassword: ["password_wrong"] } });
    expect((await run(actor, deleteAccountAction, { deletePassword: PASSWORD, deleteCode: "000000" })).state).toMatchObject({ ok: false, errors: { deleteCode: ["code_wrong"] } });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
    expect((await run(actor, deleteAccountAction, { deletePassword: PASSWORD, deleteCode: code })).redirect).toBe("/account/deleted");

    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    const app = await db.application.findUniqueOrThrow({ where: { id: appId } });
    expect(app.title).toBe("Picket for the shelter law");
    const history = await db.changeLog.findMany({ where: { entityId: appId } });
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.userName === "a former member" && h.userId === null)).toBe(true);
    const everything = await wholeDatabase();
    expect(everything).not.toContain(name);
    expect(everything).not.toContain(email);
  });
});

describe("API tokens", () => {
  it("expire; read tokens cannot export; exports give people's ID numbers to editors only", async () => {
    const person = await db.person.create({ data: { groupId, fullName: "Applicant Person", idNumber: "900101300123", address: "Abay 1", phone: "+7 700 000 0000" } });
    const viewer = await makeActor("acc-viewer", [[groupId, "viewer"]]);
    const editor = (await loadActor(await memberId()))!;
    const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    const exportUrl = "http://tracker.test/api/v1/export?group=accounts";

    const read = await createApiToken(editor, "reader");
    expect((await exportGET(new Request(exportUrl, bearer(read.token)))).status).toBe(403);

    const exp = await createApiToken(editor, "exporter", { scopes: ["read", "export"] });
    const full = await (await exportGET(new Request(exportUrl, bearer(exp.token)))).json();
    expect(full.entities.people.find((p: { id: string }) => p.id === person.id).idNumber).toBe("900101300123");

    const vexp = await createApiToken(viewer, "viewer exporter", { scopes: ["read", "export"] });
    const res = await exportGET(new Request(exportUrl, bearer(vexp.token)));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("Applicant Person");
    expect(text).not.toContain("900101300123");
    expect(text).not.toContain("Abay 1");

    // A week-long token stops working after a week; the default is 90 days.
    const week = await createApiToken(editor, "short", { days: 7 }, new Date(Date.now() - 8 * 86_400_000));
    await expect(resolveApiCaller(new Request(exportUrl, bearer(week.token)))).rejects.toMatchObject({ code: "unauthenticated" });
    expect(exp.expiresAt.getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect(exp.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(90 * 86_400_000);
    expect((await resolveApiCaller(new Request(exportUrl, bearer(exp.token)))).scopes).toEqual(["read", "export"]);
    await db.person.delete({ where: { id: person.id } });
  });
});

describe("the forms", () => {
  it("render in every language with every string in the catalogue", () => {
    for (const locale of ["en", "ru", "kk"] as const) {
      const html: string[] = [
        h(RequestResetForm),
        h(NewPasswordForm),
        h(LockByLinkForm),
        h(RevokeSessionForm, { sessionId: "s1", label: "Firefox · Linux" }),
        h(SignOutEverywhereForm),
        h(LockAccountForm),
        h(LeaveGroupForm, { groupId: "g1", groupName: "G" }),
        h(DeleteAccountForm, { twoFactor: true }),
        h(IssueResetLinkForm, { groupId: "g1", membershipId: "m1", name: "Dana" }),
      ].map((el) => renderChecked(el, locale));
      for (const form of html) expect(form).toContain("<form");
    }
    expect(renderChecked(h(LockAccountForm), "ru")).toContain("Заблокировать учётную запись сейчас");
    expect(renderChecked(h(DeleteAccountForm, { twoFactor: true }), "kk")).toContain("Тіркелгіні жою");
  });
});
