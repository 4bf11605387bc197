import "server-only";
// Checking an email and password, for next-auth's credentials provider and for the sign-in
// form's own action (which works without JavaScript): one function, one set of limits.
//
// Only failures count. Per client and account, a few failures lock that client out of that
// account for a while. Per account, failures from anywhere slow every attempt down (a
// growing delay) and, past a higher count, lock out the clients that have recently failed
// there, but never a client that has not: so nobody can lock the owner out by guessing from
// rotating addresses. A success resets the account's and the client's counts. Unknown emails
// are counted and delayed the same way, so timing says nothing about who has an account.
import { z } from "zod";
import { findUserForSignIn } from "../data/users";
import { verifyPassword } from "./password";
import { consume, forget, used } from "../rate-limit";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(500) });

export const SIGN_IN_LIMITS = {
  /** Failures one client may make at one account in 15 minutes. */
  clientFailures: 8,
  /** Failures at an account (from anywhere, in 15 minutes) after which every attempt waits. */
  slowDownAfter: 5,
  /** Failures at an account after which a client that failed there in the last 5 minutes is locked out. */
  lockFailingClientsAfter: 20,
  maxDelayMs: 4000,
} as const;

/** How long an attempt at an account waits, given its recent failures: 0, then 250 ms doubling to 4 s. */
export function signInDelayMs(accountFailures: number): number {
  const over = accountFailures - SIGN_IN_LIMITS.slowDownAfter;
  return over <= 0 ? 0 : Math.min(250 * 2 ** (over - 1), SIGN_IN_LIMITS.maxDelayMs);
}

/** Test hook: tests replace the wait to count it instead of sleeping. */
export const signInTiming = { sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
  /** Two-factor sign-in is on: the password alone must not start a session. */
  twoFactor: boolean;
  /** The language the member last chose (User.locale), restored at sign-in. */
  locale: string;
}

export type CredentialsResult = { ok: true; user: SignedInUser } | { ok: false; reason: "invalid" | "rate_limited" | "locked" };

export async function checkCredentials(raw: unknown, client: string): Promise<CredentialsResult> {
  const parsed = credentials.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const clientKey = `${client}|${email}`;
  const [clientFailures, recentFailures, accountFailures] = await Promise.all([
    used("signInClientFailures", clientKey),
    used("signInRecentFailure", clientKey),
    used("signInAccountFailures", email),
  ]);
  if (clientFailures >= SIGN_IN_LIMITS.clientFailures) return { ok: false, reason: "rate_limited" };
  if (accountFailures >= SIGN_IN_LIMITS.lockFailingClientsAfter && recentFailures > 0) return { ok: false, reason: "rate_limited" };
  const delay = signInDelayMs(accountFailures);
  if (delay > 0) await signInTiming.sleep(delay);

  const user = await findUserForSignIn(email);
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok) {
    await Promise.all([
      consume("signInClientFailures", clientKey),
      consume("signInRecentFailure", clientKey),
      consume("signInAccountFailures", email),
    ]);
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([forget("signInClientFailures", clientKey), forget("signInRecentFailure", clientKey), forget("signInAccountFailures", email)]);
  // Locked with "lock my account now": only a password reset opens it again. Said only to
  // whoever knows the password, so it tells a stranger nothing.
  if (user.lockedAt) return { ok: false, reason: "locked" };
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, twoFactor: Boolean(user.totpEnabledAt), locale: user.locale } };
}

/**
 * Wrong second-factor codes, per account: like passwords, only failures count, and past the
 * limit every attempt is refused for a while (a 6-digit code must not be guessable by trying).
 * Per account rather than per client, since whoever is at this step already has the password.
 */
export const SECOND_FACTOR_FAILURES = 5;

export async function secondFactorLocked(userId: string): Promise<boolean> {
  return (await used("secondFactorFailures", userId)) >= SECOND_FACTOR_FAILURES;
}

export async function secondFactorFailed(userId: string): Promise<void> {
  await consume("secondFactorFailures", userId);
}

export async function secondFactorPassed(userId: string): Promise<void> {
  await forget("secondFactorFailures", userId);
}
