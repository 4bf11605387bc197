import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { findUserForSignIn } from "../data/users";
import { verifyPassword } from "./password";
import { consume, consumeSignInAttempt } from "../rate-limit";
import { clientAddress } from "../security/client-address";

/**
 * The session cookie keeps one name whatever the request, so getServerSession finds it; its
 * Secure flag follows the request (see authOptionsFor). With an https NEXTAUTH_URL every
 * request is HTTPS and the name carries the browser-enforced __Secure- prefix.
 */
const httpsByConfig = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const SESSION_COOKIE = `${httpsByConfig ? "__Secure-" : ""}next-auth.session-token`;
const sessionCookie = (secure: boolean) => ({ name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure } });

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(500) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
  pages: { signIn: "/signin" },
  cookies: { sessionToken: sessionCookie(httpsByConfig) },
  secret: process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const client = clientAddress(await headers());
        // Per client and account, and per account alone: a forged X-Forwarded-For can rotate
        // the first key but not the second. Throwing shows "too many attempts", not a wrong password.
        const allowed = (await consumeSignInAttempt(`${client}|${parsed.data.email}`)) && (await consume("signInAccount", parsed.data.email));
        if (!allowed) throw new Error("rate_limited");
        const user = await findUserForSignIn(parsed.data.email);
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !ok) return null;
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};

/**
 * The options for one request to the auth route: cookies are Secure when the request came
 * over HTTPS (directly, or as X-Forwarded-Proto from the reverse proxy), not only when
 * NEXTAUTH_URL says https — next-auth decides that once at start otherwise.
 */
export function authOptionsFor(https: boolean): NextAuthOptions {
  const secure = https || httpsByConfig;
  return { ...authOptions, useSecureCookies: secure, cookies: { sessionToken: sessionCookie(secure) } };
}
