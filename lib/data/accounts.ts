import "server-only";
// A member's own account, for people at risk: resetting a forgotten password (by email, or by a
// link an admin of their group issues where the server sends no email), "lock my account now",
// leaving a group and deleting the account. Each for the member themself only.
import crypto from "node:crypto";
import { createTranslator } from "use-intl/core";
import { db, type Tx } from "../db";
import type { Actor } from "../auth/access";
import { requireRole } from "../auth/access";
import { hashPassword, passwordProblem } from "../auth/password";
import { NotFoundError } from "../errors";
import { env } from "../env";
import { loadMessages } from "../i18n/catalogue";
import { enqueue } from "../jobs";
import { mailEnabled } from "../mail";
import { consume } from "../rate-limit";
import { FieldError } from "../validation/applications";
import { RESET_EMAIL_KIND, createResetLink, resetTokenHash } from "../accounts/mail";
import { logChange } from "./audit";
import { endSessions } from "./users";

/**
 * Asks for a reset email. The answer is the same whether or not an account has this email
 * (and whether or not email is configured): only a job is queued, and only for an account.
 * Limited per email and per client, counted alike for unknown emails.
 */
export async function requestPasswordReset(email: string, client: string, now = new Date()): Promise<"sent" | "rate_limited"> {
  const address = email.trim().toLowerCase();
  const [byEmail, byClient] = await Promise.all([consume("passwordReset", `email|${address}`), consume("passwordReset", `client|${client}`)]);
  if (!byEmail || !byClient) return "rate_limited";
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (user && mailEnabled()) {
    await db.$transaction((tx) => enqueue(tx, { kind: RESET_EMAIL_KIND, key: `${RESET_EMAIL_KIND}:${crypto.randomUUID()}`, payload: { userId: user.id, at: now.toISOString() }, maxAttempts: 4 }));
  }
  return "sent";
}

/** Whom a reset token resets, while it is unused and unexpired; else null. */
export async function resetTokenUser(token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!token || token.length > 200) return null;
  const r = await db.passwordReset.findUnique({ where: { tokenHash: resetTokenHash(token) }, select: { usedAt: true, expiresAt: true, user: { select: { email: true } } } });
  return r && !r.usedAt && r.expiresAt > now ? { email: r.user.email } : null;
}

/**
 * Sets a new password with a reset token: the token is spent in the same statement that checks
 * it (so it works once), every session ends, a lock is lifted, and any other open reset link of
 * the member stops working.
 */
export async function completePasswordReset(token: string, password: string, now = new Date()): Promise<void> {
  const problem = passwordProblem(password);
  if (problem) throw new FieldError("password", problem);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const hash = resetTokenHash(token);
    const spent = await tx.passwordReset.updateMany({ where: { tokenHash: hash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new FieldError("_form", "reset_link_invalid");
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hash }, select: { userId: true } });
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, lockedAt: null, failedSignIns: 0 }, select: { id: true, name: true } });
    await endSessions(userId, tx);
    await logChange(tx, { userId: user.id, name: user.name }, { entity: "User", entityId: userId, action: "update", before: { passwordReset: false }, after: { passwordReset: true } });
  });
}

/**
 * Where the server sends no email: an admin of a group the member belongs to issues a reset
 * link by hand, shown once to the admin (only its hash is kept). Not for oneself.
 */
export async function issueResetLink(actor: Actor, input: { groupId: string; membershipId: string }): Promise<string> {
  requireRole(actor, input.groupId, "admin");
  return db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { id: input.membershipId, groupId: input.groupId }, select: { userId: true } });
    if (!m) throw new NotFoundError();
    if (m.userId === actor.userId) throw new FieldError("_form", "reset_self");
    const url = await createResetLink(tx, m.userId, actor.userId);
    await logChange(tx, actor, { entity: "User", entityId: m.userId, groupId: input.groupId, action: "update", before: { resetLinkIssued: false }, after: { resetLinkIssued: true } });
    return url;
  });
}

/** "Lock my account now": every session ends and signing in is refused until a password reset. */
export async function lockAccount(userId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, lockedAt: true } });
    if (!user) throw new NotFoundError();
    await endSessions(userId, tx);
    if (user.lockedAt) return;
    await tx.user.update({ where: { id: userId }, data: { lockedAt: now } });
    await logChange(tx, { userId, name: user.name }, { entity: "User", entityId: userId, action: "update", before: { locked: false }, after: { locked: true } });
  });
}

/** Leaves a group; its last admin must first make someone else admin. */
export async function leaveGroup(actor: Actor, groupId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const m = await tx.membership.findFirst({ where: { userId: actor.userId, groupId } });
    if (!m) throw new NotFoundError();
    if (m.role === "admin" && (await tx.membership.count({ where: { groupId, role: "admin", id: { not: m.id } } })) === 0) {
      if ((await tx.membership.count({ where: { groupId, id: { not: m.id } } })) > 0) throw new FieldError("_form", "last_admin");
    }
    await tx.membership.delete({ where: { id: m.id } });
    await logChange(tx, actor, { entity: "Membership", entityId: m.id, groupId, action: "delete", before: { role: m.role } });
  });
}

/** Groups where the member is the only admin and others remain: deleting would leave them without one. */
export async function groupsNeedingAnotherAdmin(userId: string): Promise<string[]> {
  const mine = await db.membership.findMany({ where: { userId, role: "admin" }, select: { groupId: true, group: { select: { name: true } } } });
  const out: string[] = [];
  for (const m of mine) {
    const [admins, members] = await Promise.all([
      db.membership.count({ where: { groupId: m.groupId, role: "admin", userId: { not: userId } } }),
      db.membership.count({ where: { groupId: m.groupId, userId: { not: userId } } }),
    ]);
    if (admins === 0 && members > 0) out.push(m.group.name);
  }
  return out;
}

/** The catalogue's "a former member", in the server's language: what records they made are attributed to. */
export function formerMemberLabel(): string {
  const locale = env.defaultLocale;
  return createTranslator({ locale, messages: loadMessages(locale) as Record<string, never>, namespace: "accounts" as never })("formerMember" as never) as string;
}

/**
 * Deletes the member's own account (password and code are checked by the caller). Records they
 * made stay with the group; every place that kept their name (change log, share links,
 * attachments) now says "a former member", and their name and email are cut out of the change
 * log's before/after texts.
 */
export async function deleteAccount(actor: Actor): Promise<void> {
  const blocking = await groupsNeedingAnotherAdmin(actor.userId);
  if (blocking.length) throw new FieldError("_form", "delete_last_admin");
  const label = formerMemberLabel();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, name: true, email: true } });
    await tx.changeLog.updateMany({ where: { userId: user.id }, data: { userId: null, userName: label } });
    await scrubChangeLogTexts(tx, [user.name, user.email], label);
    await tx.shareLink.updateMany({ where: { createdById: user.id }, data: { createdByName: label } });
    await tx.attachment.updateMany({ where: { createdById: user.id }, data: { createdById: null, createdByName: label } });
    await tx.invitation.deleteMany({ where: { email: user.email } });
    await tx.user.delete({ where: { id: user.id } });
  });
}

/** Replaces each value (a name, an email) in every change-log text that holds it. */
async function scrubChangeLogTexts(tx: Tx, values: string[], label: string): Promise<void> {
  for (const value of values.filter((v) => v.length >= 2)) {
    const rows = await tx.changeLog.findMany({ where: { OR: [{ before: { contains: value } }, { after: { contains: value } }, { userName: value }] }, select: { id: true, before: true, after: true, userName: true } });
    const json = JSON.stringify(value).slice(1, -1);
    for (const r of rows) {
      const clean = (s: string) => s.split(json).join(label).split(value).join(label);
      await tx.changeLog.update({ where: { id: r.id }, data: { before: clean(r.before), after: clean(r.after), userName: clean(r.userName) } });
    }
  }
}
