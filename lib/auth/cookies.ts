// The session cookie: next-auth reads and writes it, and so do our own sign-in and sign-out
// actions (which work without JavaScript). One definition, so the name and flags agree.
//
// Same rule as next-auth's default: Secure, with the __Secure- prefix, when NEXTAUTH_URL is
// https. (Deciding Secure per request behind an HTTPS proxy belongs here too.)

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 14;

export interface SessionCookie {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
}

export function sessionCookie(): SessionCookie {
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, options: { httpOnly: true, sameSite: "lax", path: "/", secure } };
}
