import "server-only";
// Passkeys (WebAuthn) as a second factor beside the TOTP app (issue 14), verified by
// @simplewebauthn/server. A member with two factors on enrols one in Settings → Security
// (named, listed, removed with a fresh code from the app); at sign-in it stands in for the
// code. Each challenge is kept on the server, for one user and one purpose, for five minutes,
// and is deleted in the statement that accepts it: a response works once. The signature
// counter must rise (for an authenticator that counts), so a replayed assertion is refused.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { db } from "../db";
import type { RelyingParty } from "../auth/webauthn";
import { FieldError } from "../validation/applications";
import { totpCodeMatches } from "../auth/totp";

export const CHALLENGE_SECONDS = 5 * 60;
export const MAX_PASSKEYS = 10;
type Purpose = "register" | "authenticate";

const b64url = {
  encode: (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url"),
  decode: (s: string) => new Uint8Array(Buffer.from(s, "base64url")),
};

async function keepChallenge(userId: string, purpose: Purpose, challenge: string, now = new Date()): Promise<void> {
  await db.$transaction([
    // Old ones go as new ones come: the table holds only the last few minutes.
    db.webAuthnChallenge.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { userId, purpose }] } }),
    db.webAuthnChallenge.create({ data: { userId, purpose, challenge, expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000) } }),
  ]);
}

/** The challenge the browser signed, if it is one we issued to this user for this purpose, unused and in time; spent now. */
async function spendChallenge(userId: string, purpose: Purpose, clientDataJSON: string): Promise<string | null> {
  let challenge: unknown;
  try {
    challenge = (JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown }).challenge;
  } catch {
    return null;
  }
  if (typeof challenge !== "string" || challenge.length > 200) return null;
  const spent = await db.webAuthnChallenge.deleteMany({ where: { userId, purpose, challenge, expiresAt: { gt: new Date() } } });
  return spent.count === 1 ? challenge : null;
}

/** A response as the browser library sends it, parsed; anything else is a wrong response. */
export function parseResponse<T>(raw: string): T {
  try {
    const v = JSON.parse(raw) as { id?: unknown; response?: { clientDataJSON?: unknown } };
    if (typeof v?.id === "string" && typeof v.response?.clientDataJSON === "string") return v as T;
  } catch {
    // below
  }
  throw new FieldError("_form", "passkey_failed");
}

export async function listPasskeys(userId: string) {
  return db.passkey.findMany({ where: { userId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } });
}

export function passkeyCount(userId: string): Promise<number> {
  return db.passkey.count({ where: { userId } });
}

async function twoFactorOn(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, totpEnabledAt: true, totpSecret: true } });
  if (!user?.totpEnabledAt || !user.totpSecret) throw new FieldError("_form", "passkey_needs_two_factor");
  return user;
}

/**
 * Options for enrolling a passkey. Only with two factors on: the app (and its recovery codes)
 * stays the way in without JavaScript or without the passkey.
 */
export async function passkeyRegistrationOptions(userId: string, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await twoFactorOn(userId);
  const existing = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (existing.length >= MAX_PASSKEYS) throw new FieldError("_form", "passkey_too_many");
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: splitTransports(p.transports) })),
    authenticatorSelection: { residentKey: "discouraged", userVerification: "preferred" },
  });
  await keepChallenge(userId, "register", options.challenge);
  return options;
}

function splitTransports(s: string): AuthenticatorTransport[] {
  return s ? (s.split(",") as AuthenticatorTransport[]) : [];
}

/** Checks the authenticator's answer to the registration challenge and keeps the passkey. */
export async function registerPasskey(userId: string, name: string, response: RegistrationResponseJSON, rp: RelyingParty): Promise<{ id: string }> {
  await twoFactorOn(userId);
  const challenge = await spendChallenge(userId, "register", response.response.clientDataJSON);
  if (!challenge) throw new FieldError("_form", "passkey_expired");
  const result = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.rpID, requireUserVerification: false }).catch(() => null);
  if (!result?.verified) throw new FieldError("_form", "passkey_failed");
  const c = result.registrationInfo.credential;
  if (await db.passkey.findUnique({ where: { credentialId: c.id }, select: { id: true } })) throw new FieldError("_form", "passkey_known");
  const created = await db.passkey.create({
    data: { userId, name, credentialId: c.id, publicKey: b64url.encode(c.publicKey), counter: c.counter, transports: (response.response.transports ?? c.transports ?? []).join(",") },
    select: { id: true },
  });
  return created;
}

/** Options for signing in with one of the user's passkeys (none: null). */
export async function passkeyAuthenticationOptions(userId: string, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const keys = await db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (keys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: splitTransports(k.transports) })),
    userVerification: "preferred",
  });
  await keepChallenge(userId, "authenticate", options.challenge);
  return options;
}

/**
 * Whether the assertion proves the user holds one of their passkeys: the challenge is ours
 * and unused, the signature checks out against the stored key, and the counter rose. The
 * counter is moved in a statement that also requires the old value, so two copies of one
 * assertion cannot both pass.
 */
export async function verifyPasskeyAssertion(userId: string, response: AuthenticationResponseJSON, rp: RelyingParty): Promise<boolean> {
  const key = await db.passkey.findFirst({ where: { userId, credentialId: response.id } });
  const challenge = await spendChallenge(userId, "authenticate", response.response.clientDataJSON);
  if (!key || !challenge) return false;
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: { id: key.credentialId, publicKey: b64url.decode(key.publicKey), counter: key.counter, transports: splitTransports(key.transports) },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  const moved = await db.passkey.updateMany({ where: { id: key.id, counter: key.counter }, data: { counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() } });
  return moved.count === 1;
}

/** Removes one of the member's passkeys; needs a fresh code from the app (a device left signed in is not enough). */
export async function removePasskey(userId: string, passkeyId: string, code: string): Promise<void> {
  const user = await twoFactorOn(userId);
  if (!totpCodeMatches(user.totpSecret!, code)) throw new FieldError("code", "code_wrong");
  const removed = await db.passkey.deleteMany({ where: { id: passkeyId, userId } });
  if (removed.count === 0) throw new FieldError("_form", "passkey_gone");
}
