"use server";
// Sign-in and sign-out as plain form posts, so both work before (or without) JavaScript and
// no password ever travels in a URL. They write the same session cookie next-auth reads.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { decode, encode } from "next-auth/jwt";
import { checkCredentials } from "../auth/credentials";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "../auth/cookies";
import { currentSessionUserId, sessionClaims } from "../auth/options";
import { safeCallbackPath } from "../auth/redirect";
import { clientAddress } from "../security/client-address";
import { isHttps } from "../security/headers";
import { endSessions } from "../data/users";
import { env } from "../env";
import { rememberLocale } from "../i18n/locale-cookie";
import type { FormState } from "./form-state";

function field(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** Whether this request reached us over HTTPS (directly or through the reverse proxy). */
async function cameOverHttps(): Promise<boolean> {
  const h = await headers();
  return isHttps(`${h.get("origin") ?? "http:"}`, h.get("x-forwarded-proto"));
}

/**
 * Checks the email and password (same limits as next-auth's credentials provider), sets the
 * session cookie and the account's language cookie, and goes to the callback path, if it is one on this site. A failure comes
 * back to the form with the email typed (never the password).
 */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = field(formData, "email");
  const target = safeCallbackPath(field(formData, "callbackUrl"));
  const result = await checkCredentials({ email, password: field(formData, "password") }, clientAddress(await headers()));
  if (!result.ok) {
    return { ok: false, message: result.reason === "rate_limited" ? "rate_limited" : "sign_in_failed", data: { values: { email: email.slice(0, 320) }, submittedAt: Date.now() } };
  }
  const token = await encode({ token: sessionClaims(result.user), secret: env.authSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  const cookie = sessionCookie(await cameOverHttps());
  (await cookies()).set(cookie.name, token, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
  // The account's language, on this device too (it is saved whenever the member switches).
  await rememberLocale(result.user.locale);
  redirect(target);
}

/**
 * Ends the session on every device (the user's session version is raised, so this token and
 * every copy of it stop working even if replayed), removes the cookie and goes home.
 */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const cookie = sessionCookie(await cameOverHttps());
  const raw = jar.get(cookie.name)?.value;
  if (raw) {
    const token = await decode({ token: raw, secret: env.authSecret }).catch(() => null);
    const uid = await currentSessionUserId(token as Record<string, unknown> | null);
    if (uid) await endSessions(uid);
  }
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  redirect("/");
}
