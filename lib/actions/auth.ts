"use server";
// Sign-in and sign-out as plain form posts, so both work before (or without) JavaScript and
// no password ever travels in a URL. They write the same session cookie next-auth reads.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { checkCredentials, secondFactorFailed, secondFactorLocked, secondFactorPassed } from "../auth/credentials";
import { sessionCookie } from "../auth/cookies";
import { currentSessionUserId } from "../auth/options";
import { safeCallbackPath } from "../auth/redirect";
import { cameOverHttps, issueSessionCookie } from "../auth/issue-session";
import { decodePendingSignIn, encodePendingSignIn, pendingSignInCookie } from "../auth/pending-sign-in";
import { clientAddress } from "../security/client-address";
import { endSession, endSessions, loadActor } from "../data/users";
import { recordSignIn, sessionUser, verifySecondFactor } from "../data/two-factor";
import { env } from "../env";
import { rememberLocale } from "../i18n/locale-cookie";
import type { FormState } from "./form-state";

function field(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/**
 * Checks the email and password (same limits as next-auth's credentials provider), sets the
  // The account's language, on this device too (it is saved whenever the member switches).
  await rememberLocale(result.user.locale);
 * session cookie and goes to the callback path, if it is one on this site. A failure comes
 * back to the form with the email typed (never the password). With two factors on, no
 * session yet: a short-lived pending cookie and the code step instead.
 */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = field(formData, "email");
  const target = safeCallbackPath(field(formData, "callbackUrl"));
  const result = await checkCredentials({ email, password: field(formData, "password") }, clientAddress(await headers()));
  if (!result.ok) {
    return { ok: false, message: result.reason === "rate_limited" ? "rate_limited" : result.reason === "locked" ? "account_locked" : "sign_in_failed", data: { values: { email: email.slice(0, 320) }, submittedAt: Date.now() } };
  }
  // The account's language, on this device too (it is saved whenever the member switches).
  await rememberLocale(result.user.locale);
  if (result.user.twoFactor) {
    const pending = pendingSignInCookie(await cameOverHttps());
    (await cookies()).set(pending.name, await encodePendingSignIn({ userId: result.user.id, sv: result.user.sessionVersion, target }), pending.options);
    redirect("/signin/code");
  }
  await issueSessionCookie(result.user);
  await recordSignIn(result.user.id);
  // A group that requires two factors hides its records until the member enrols: go there first.
  if ((await loadActor(result.user.id))?.twoFactorRequiredBy?.length) redirect("/settings/security");
  redirect(target);
}

/**
 * The second step: a code from the authenticator app or a recovery code, for the user the
 * pending cookie names. Wrong codes count against the account; past the limit every code is
 * refused for a while. A pending sign-in whose user signed out everywhere meanwhile is void.
 */
export async function verifySignInCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const jar = await cookies();
  const cookie = pendingSignInCookie(await cameOverHttps());
  const pending = await decodePendingSignIn(jar.get(cookie.name)?.value);
  const user = pending ? await sessionUser(pending.userId).catch(() => null) : null;
  if (!pending || !user || user.sessionVersion !== pending.sv) return { ok: false, message: "sign_in_expired" };
  if (await secondFactorLocked(user.id)) return { ok: false, message: "rate_limited" };
  const code = field(formData, "code").trim().slice(0, 40);
  if (!code) return { ok: false, message: "form_invalid", errors: { code: ["required"] } };
  if (!(await verifySecondFactor(user.id, code))) {
    await secondFactorFailed(user.id);
    return { ok: false, message: "form_invalid", errors: { code: ["code_wrong"] } };
  }
  await secondFactorPassed(user.id);
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  await issueSessionCookie(user);
  await recordSignIn(user.id);
  redirect(pending.target);
}

/**
 * Ends this device's session: its row (My sessions) is closed, so this token and every copy of
 * it stop working even if replayed, while the member's other devices stay signed in ("Sign out
 * everywhere" in Settings ends those too). A token from before the session rows carries no
 * session id: it ends every session, as sign-out did then. Removes the cookie and goes home.
 */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const cookie = sessionCookie(await cameOverHttps());
  const raw = jar.get(cookie.name)?.value;
  if (raw) {
    const token = (await decode({ token: raw, secret: env.authSecret }).catch(() => null)) as Record<string, unknown> | null;
    const uid = await currentSessionUserId(token);
    if (uid && typeof token?.sid === "string") await endSession(uid, token.sid);
    else if (uid) await endSessions(uid);
  }
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  redirect("/");
}
