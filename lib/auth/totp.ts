import "server-only";
// Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds — what every authenticator
// app expects) and recovery codes. otpauth: small, maintained, no dependencies.
import crypto from "node:crypto";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";

const ISSUER = "Permit tracker";

/** A new random secret (160 bits, the RFC's recommendation), as base32 for typing into an app. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "") {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** The otpauth:// address an app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The QR code as an SVG data URI, drawn on the server (no script, no third party sees the secret). */
export async function totpQrDataUri(secret: string, email: string): Promise<string> {
  const svg = await QRCode.toString(totpUri(secret, email), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Whether the code is the current one, or the one before or after (a clock off by 30 s). */
export function totpCodeMatches(secret: string, code: string): boolean {
  return totpCodeStep(secret, code) !== null;
}

/** The time step (30-second counter) the code belongs to, or null when it matches none near now. */
export function totpCodeStep(secret: string, code: string, now = Date.now()): number | null {
  const digits = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secret).validate({ token: digits, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / 30) + delta;
}

// Recovery codes: 10 characters from a 31-letter alphabet without look-alikes (~49 bits),
// shown as "xxxxx-xxxxx". Stored as SHA-256, not bcrypt: bcrypt's slowness protects chosen,
// guessable passwords; a random 49-bit code is not guessable from its hash at any useful
// rate, and a plain hash lets the database find and spend a code in one atomic update (so a
// code works exactly once even under concurrent attempts).
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A typed recovery code, normalised (case, spaces, dash) and hashed. */
export function recoveryCodeHash(code: string): string {
  const plain = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return crypto.createHash("sha256").update(`recovery:${plain}`).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "").length === 10;
}
