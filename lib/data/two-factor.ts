import "server-only";
// Two-factor sign-in, password change and last sign-in: each for the member themself only.
// The TOTP secret is stored as it is for now; encrypting it at rest (with TRACKER_DATA_KEY)
// is the "encryption at rest" step of issue 14.
import { db } from "../db";
import type { Actor } from "../auth/access";
import { requireRole } from "../auth/access";
import { FieldError } from "../validation/applications";
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpCodeMatches, totpCodeStep, looksLikeRecoveryCode } from "../auth/totp";
import { hashPassword, passwordProblem } from "../auth/password";
import { endSessions } from "./users";
import { logChange } from "./audit";

export interface SecurityOverview {
  email: string;
  enabledAt: Date | null;
  /** The secret of an enrolment not yet confirmed (shown as QR code and text), else null. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
  lastSignInAt: Date | null;
  /** Groups the member administers, with whether each requires two factors. */
  adminGroups: { id: string; name: string; requireTwoFactor: boolean }[];
  /** Groups whose records are held back until the member has two factors. */
  requiredBy: string[];
}

export async function securityOverview(actor: Actor): Promise<SecurityOverview> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      email: true,
      totpSecret: true,
      totpEnabledAt: true,
      lastSignInAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
      memberships: { select: { role: true, group: { select: { id: true, name: true, requireTwoFactor: true } } }, orderBy: { group: { name: "asc" } } },
    },
  });
  return {
    email: user.email,
    enabledAt: user.totpEnabledAt,
    pendingSecret: user.totpEnabledAt ? null : user.totpSecret,
    recoveryCodesLeft: user.totpEnabledAt ? user._count.recoveryCodes : 0,
    lastSignInAt: user.lastSignInAt,
    adminGroups: user.memberships.filter((m) => m.role === "admin").map((m) => m.group),
    requiredBy: user.totpEnabledAt ? [] : user.memberships.filter((m) => m.group.requireTwoFactor).map((m) => m.group.name),
  };
}

/** Starts (or restarts) an enrolment: a new secret, not yet in force. */
export async function startTwoFactor(userId: string): Promise<void> {
  const updated = await db.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpSecret: newTotpSecret(), totpLastStep: null } });
  if (updated.count === 0) throw new FieldError("_form", "two_factor_already_on");
}

/**
 * Confirms an enrolment with a current code: two factors are on from now, every other session
 * ends (one signed in with the password alone), and ten recovery codes are returned — the
 * only time they exist in clear.
 */
export async function confirmTwoFactor(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || user.totpEnabledAt) throw new FieldError("_form", "two_factor_not_started");
  if (!totpCodeMatches(user.totpSecret, code)) throw new FieldError("code", "code_wrong");
  const codes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const done = await tx.user.updateMany({ where: { id: userId, totpSecret: user.totpSecret, totpEnabledAt: null }, data: { totpEnabledAt: new Date() } });
    if (done.count === 0) throw new FieldError("_form", "two_factor_not_started");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryCodeHash(c) })) });
    await endSessions(userId, tx);
  });
  return { recoveryCodes: codes };
}

/** Turns two factors off; needs a current code from the app (not a recovery code). */
export async function disableTwoFactor(userId: string, code: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) throw new FieldError("_form", "two_factor_not_on");
  if (!totpCodeMatches(user.totpSecret, code)) throw new FieldError("code", "code_wrong");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    // Passkeys are a second factor beside the app, not instead of it (lib/data/passkeys.ts).
    await tx.passkey.deleteMany({ where: { userId } });
  });
}

export function hasTwoFactor(userId: string): Promise<boolean> {
  return db.user.count({ where: { id: userId, totpEnabledAt: { not: null } } }).then((n) => n > 0);
}

/**
 * The second step of a sign-in: a code from the app, or a recovery code, which is spent in the
 * same statement that finds it (so it works once). An app code is spent too: its time step is
 * recorded, and a code of that step or an earlier one no longer signs in.
 */
export async function verifySecondFactor(userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  const step = totpCodeStep(user.totpSecret, code);
  if (step !== null) {
    const spent = await db.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
    return spent.count === 1;
  }
  if (!looksLikeRecoveryCode(code)) return false;
  const spent = await db.recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date() } });
  return spent.count === 1;
}

export async function recordSignIn(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
}

/**
 * Sets a new password (the current one already checked by the caller) and ends every
 * session; returns the new session version so the caller can re-issue this device's cookie.
 */
export async function changePassword(userId: string, next: string): Promise<{ sessionVersion: number }> {
  const problem = passwordProblem(next);
  if (problem) throw new FieldError("newPassword", problem);
  const passwordHash = await hashPassword(next);
  return db.$transaction(async (tx) => {
    await endSessions(userId, tx);
    return tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { sessionVersion: true } });
  });
}

/** The user's current claims, for re-issuing this device's session after the version was raised. */
export function sessionUser(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, sessionVersion: true } });
}

/**
 * An admin sets whether the group's members need two factors. Only an admin who has them
 * may turn it on, so nobody locks themself out of their own group by one click.
 */
export async function setGroupRequireTwoFactor(actor: Actor, groupId: string, on: boolean): Promise<void> {
  requireRole(actor, groupId, "admin");
  if (on && !(await hasTwoFactor(actor.userId))) throw new FieldError("_form", "two_factor_enrol_first");
  await db.$transaction(async (tx) => {
    const before = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: { requireTwoFactor: true } });
    await tx.group.update({ where: { id: groupId }, data: { requireTwoFactor: on } });
    await logChange(tx, actor, { entity: "Group", entityId: groupId, groupId, action: "update", before, after: { requireTwoFactor: on } });
  });
}
