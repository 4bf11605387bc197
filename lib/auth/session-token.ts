import "server-only";
// Who a page request comes from, read straight from the session cookie. next-auth's
// getServerSession did the same through its whole route machinery on every page a member
// opened: it derived the key (HKDF), decrypted the token, ran the callbacks, then derived the
// key again and encrypted a fresh token to extend the cookie — which a page render cannot set,
// so that half was thrown away (about 5% of a member's page, npm run bench's CPU profile).
// The checks are the same ones, in the same place: the token must decrypt under our secret and
// not be expired, and its session must still be current (loadActorForSession: version, device
// row, lock), read through the write-invalidated account cache, so sign-out, a password
// change or removal from a group still end it on the very next request.
import { decode } from "next-auth/jwt";
import { env } from "../env";
import { loadActorForSession } from "../data/users";
import type { Actor } from "./access";

interface Decoded {
  secret: string;
  /** The token's own expiry (seconds since the epoch). */
  exp: number;
  claims: Record<string, unknown>;
}

/**
 * Tokens already decrypted, by their text. A token's content cannot change once issued, so
 * decrypting it again on each request only repeated the work; an entry is used only until the
 * token's expiry and only under the secret it was decrypted with. Whether its session is still
 * current is not cached here — that is asked on every request.
 */
const decoded = new Map<string, Decoded>();
const MAX_DECODED = 1000;

/** The claims of a valid, unexpired session token, or null (missing, forged, expired, another secret). */
export async function sessionTokenClaims(raw: string | undefined | null, now = Date.now()): Promise<Record<string, unknown> | null> {
  if (!raw) return null;
  const secret = env.authSecret;
  const hit = decoded.get(raw);
  if (hit && hit.secret === secret && hit.exp * 1000 > now) return hit.claims;
  const claims = (await decode({ token: raw, secret }).catch(() => null)) as Record<string, unknown> | null;
  if (!claims) return null;
  if (typeof claims.exp === "number") {
    decoded.delete(raw);
    decoded.set(raw, { secret, exp: claims.exp, claims });
    if (decoded.size > MAX_DECODED) decoded.delete(decoded.keys().next().value as string);
  }
  return claims;
}

/** The member a session cookie belongs to while that session is current, else null. */
export async function actorForSessionToken(raw: string | undefined | null): Promise<Actor | null> {
  const claims = await sessionTokenClaims(raw);
  if (!claims || typeof claims.uid !== "string") return null;
  return loadActorForSession(claims.uid, claims.sv, claims.sid);
}
