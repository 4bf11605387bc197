// The "this wasn't me → lock my account" link in every reminder and alert email: a signed,
// encrypted token naming the user and its one purpose, under its own salt so it can never be
// read as a session or a pending sign-in. It only opens a confirmation page, whose button
// POSTs it; locking is all it can do. No "server-only": the worker writes the emails.
import { decode, encode } from "next-auth/jwt";
import { env } from "../env";

const SALT = "tracker.lock-account";
/** Long enough for a reminder read days later. */
export const LOCK_TOKEN_SECONDS = 60 * 60 * 24 * 30;

export function encodeLockToken(userId: string): Promise<string> {
  return encode({ token: { purpose: "lock-account", uid: userId }, secret: env.authSecret, salt: SALT, maxAge: LOCK_TOKEN_SECONDS });
}

/** The user the token names, or null when it is forged, expired or made for something else. */
export async function decodeLockToken(raw: unknown): Promise<string | null> {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  const t = await decode({ token: raw, secret: env.authSecret, salt: SALT }).catch(() => null);
  return t && t.purpose === "lock-account" && typeof t.uid === "string" ? t.uid : null;
}

/** The link for an email: the confirmation page, which moves the token out of the URL at once. */
export async function lockAccountUrl(userId: string): Promise<string> {
  return `${env.appUrl}/account/lock?t=${encodeURIComponent(await encodeLockToken(userId))}`;
}
