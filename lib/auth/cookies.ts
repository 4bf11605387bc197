// The session cookie: next-auth reads and writes it, and so do our own sign-in and sign-out
// actions (which work without JavaScript). One definition, so the name and flags agree.
//
// The name stays the same whatever the request, so every reader finds it: with an https
// NEXTAUTH_URL every request is HTTPS and it carries the browser-enforced __Secure- prefix.
// The Secure flag follows the request: set whenever it came over HTTPS, directly or as
// X-Forwarded-Proto from the reverse proxy, not only when NEXTAUTH_URL says so.

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

export interface SessionCookie {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
}

export const httpsByConfig = (): boolean => (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export function sessionCookie(https = false): SessionCookie {
  const byConfig = httpsByConfig();
  return { name: `${byConfig ? "__Secure-" : ""}next-auth.session-token`, options: { httpOnly: true, sameSite: "lax", path: "/", secure: https || byConfig } };
}
