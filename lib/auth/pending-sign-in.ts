import "server-only";
// Between a correct password and a correct second factor: a short-lived, encrypted, signed,
// httpOnly cookie naming the user (never the password, never in a URL). Encoded like the
// session token but under its own salt, so the one can never be read as the other.
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";

export const PENDING_SIGN_IN_SECONDS = 5 * 60;
const SALT = "tracker.pending-sign-in";

export function pendingSignInCookie(https: boolean) {
  return { name: "tracker.pending-sign-in", options: { httpOnly: true, sameSite: "lax" as const, path: "/signin", secure: https, maxAge: PENDING_SIGN_IN_SECONDS } };
}

export interface PendingSignIn {
  userId: string;
  /** The user's session version at the password step: a sign-out everywhere in between ends it. */
  sv: number;
  target: string;
}

export function encodePendingSignIn(p: PendingSignIn): Promise<string> {
  return encode({ token: { purpose: "pending-sign-in", uid: p.userId, sv: p.sv, target: p.target }, secret: env.authSecret, salt: SALT, maxAge: PENDING_SIGN_IN_SECONDS });
}

/** The pending sign-in, or null when the cookie is missing, forged or expired. */
export async function decodePendingSignIn(raw: string | undefined): Promise<PendingSignIn | null> {
  if (!raw) return null;
  const t = await decode({ token: raw, secret: env.authSecret, salt: SALT }).catch(() => null);
  if (!t || t.purpose !== "pending-sign-in" || typeof t.uid !== "string" || typeof t.sv !== "number" || typeof t.target !== "string") return null;
  return { userId: t.uid, sv: t.sv, target: t.target };
}
