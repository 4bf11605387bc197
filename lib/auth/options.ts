import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { endSessions, loadActorForSession } from "../data/users";
import { recordSignIn } from "../data/two-factor";
import { openSession } from "../data/sessions";
import { checkCredentials } from "./credentials";
import { clientAddress } from "../security/client-address";
import { SESSION_MAX_AGE_SECONDS, httpsByConfig, sessionCookie } from "./cookies";
import { safeCallbackPath } from "./redirect";
import { rememberLocale } from "../i18n/locale-cookie";

/** Thrown from the jwt callback for a token whose session was ended: next-auth then treats it as no session. */
class SessionEnded extends Error {
  constructor() {
    super("session_ended");
    this.name = "SessionEnded";
  }
}

/** The claims our session tokens carry beside next-auth's own (name, email, sub). */
export interface SessionClaims {
  uid: string;
  /** The user's sessionVersion when the token was issued. */
  sv: number;
  /** This device's row in My sessions (model UserSession). */
  sid: string;
}

export function sessionClaims(user: { id: string; name: string; email: string; sessionVersion: number; sessionId: string }) {
  return { name: user.name, email: user.email, sub: user.id, uid: user.id, sv: user.sessionVersion, sid: user.sessionId };
}

/** The user id of a token whose session is still current (version and device row), else null. */
export async function currentSessionUserId(token: Record<string, unknown> | null | undefined): Promise<string | null> {
  if (!token || typeof token.uid !== "string") return null;
  return (await loadActorForSession(token.uid, token.sv, token.sid)) ? token.uid : null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  secret: process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET,
  cookies: { sessionToken: sessionCookie() },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const result = await checkCredentials(raw, clientAddress(await headers()));
        // Throwing shows "too many attempts", not a wrong password.
        if (!result.ok && (result.reason === "rate_limited" || result.reason === "locked")) throw new Error(result.reason);
        if (!result.ok) return null;
        // With two factors on, a password alone never makes a session: that takes the
        // sign-in form's second step (/signin/code), which this endpoint does not have.
        if (result.user.twoFactor) return null;
        await recordSignIn(result.user.id);
        const sessionId = await openSession(result.user.id, (await headers()).get("user-agent"));
        // In the auth route handler Next.js adds this cookie to next-auth's response, so a
        // sign-in through next-auth restores the account's language as the form's action does.
        await rememberLocale(result.user.locale);
        return { ...result.user, sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, ...sessionClaims(user as unknown as Parameters<typeof sessionClaims>[0]) };
      // Every read of a session checks it is still current (sign-out, a password change,
      // removal from a group end it); a token that is not counts as no session at all.
      if (!(await currentSessionUserId(token))) throw new SessionEnded();
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
    async redirect({ url, baseUrl }) {
      return `${baseUrl.replace(/\/$/, "")}${safeCallbackPath(url, baseUrl, "/")}`;
    },
  },
  events: {
    // next-auth's own sign-out endpoint ends the session everywhere, as our sign-out action does.
    async signOut({ token }) {
      const uid = await currentSessionUserId(token as Record<string, unknown> | null);
      if (uid) await endSessions(uid);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is expected, not an error worth a stack trace in the log.
      if (code === "JWT_SESSION_ERROR" && (metadata as { name?: string })?.name === "SessionEnded") return;
      console.error(`[next-auth][error][${code}]`, (metadata as { message?: string })?.message ?? "");
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};

/**
 * The options for one request to the auth route: cookies are Secure when the request came
 * over HTTPS (directly, or as X-Forwarded-Proto from the reverse proxy), not only when
 * NEXTAUTH_URL says https — next-auth decides that once at start otherwise.
 */
export function authOptionsFor(https: boolean): NextAuthOptions {
  const secure = https || httpsByConfig();
  return { ...authOptions, useSecureCookies: secure, cookies: { sessionToken: sessionCookie(secure) } };
}
