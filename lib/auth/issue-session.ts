import "server-only";
// Writing this device's session cookie: after a complete sign-in, and again after a password
// change or enrolment ended every other session (the version in the old cookie is stale).
// Not a "use server" file, so nothing here can be called from outside.
import { cookies, headers } from "next/headers";
import { encode } from "next-auth/jwt";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./cookies";
import { sessionClaims } from "./options";
import { isHttps } from "../security/headers";
import { env } from "../env";
import { openSession } from "../data/sessions";
import { decode } from "next-auth/jwt";

/** This device's session id (the `sid` of its cookie), or null. */
export async function currentSessionId(): Promise<string | null> {
  const raw = (await cookies()).get(sessionCookie(await cameOverHttps()).name)?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env.authSecret }).catch(() => null);
  return typeof token?.sid === "string" ? token.sid : null;
}

/** Whether this request reached us over HTTPS (directly or through the reverse proxy). */
export async function cameOverHttps(): Promise<boolean> {
  const h = await headers();
  return isHttps(`${h.get("origin") ?? "http:"}`, h.get("x-forwarded-proto"));
}

/**
 * Opens a session (a row in My sessions, for this browser) and writes its cookie. After a
 * password change or enrolment ended every session, this device gets a new one the same way.
 */
export async function issueSessionCookie(user: { id: string; name: string; email: string; sessionVersion: number }): Promise<void> {
  const sessionId = await openSession(user.id, (await headers()).get("user-agent"));
  const token = await encode({ token: sessionClaims({ ...user, sessionId }), secret: env.authSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  const cookie = sessionCookie(await cameOverHttps());
  (await cookies()).set(cookie.name, token, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
}
