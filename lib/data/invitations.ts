import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "../db";
import { requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { hashPassword } from "../auth/password";
import type { Role } from "../domain/vocabulary";
import type { InviteInput } from "../validation/settings";
import { refusal } from "./appeals";
import { logChange } from "./audit";
import { enqueueInvitationEmail } from "./notification-jobs";

export const INVITATION_DAYS = 7;

/** Only the hash is stored: a leaked database does not hand out working invitation links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function createInvitation(actor: Actor, input: InviteInput, now = new Date()) {
  requireRole(actor, input.groupId, "admin");
  const existing = await db.membership.findFirst({ where: { groupId: input.groupId, user: { email: input.email } }, select: { id: true } });
  if (existing) throw refusal("already_member");
  const token = randomBytes(32).toString("base64url");
  const invitation = await db.$transaction(async (tx) => {
    const inv = await tx.invitation.create({
      data: {
        groupId: input.groupId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        createdById: actor.userId,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
    });
    // The address is the invitee's, not the log reader's: it stays out of the history.
    const { email, ...logged } = inv;
    void email;
    await logChange(tx, actor, { entity: "Invitation", entityId: inv.id, groupId: input.groupId, action: "create", after: logged });
    // With email configured the link also goes to the invitee, in the same transaction: no
    // invitation without its email, no email for an invitation that was never saved.
    const emailed = await enqueueInvitationEmail(tx, inv, token, actor.userId);
    return { ...inv, emailed };
  });
  return { invitation, token, emailed: invitation.emailed };
}

export async function revokeInvitation(actor: Actor, groupId: string, invitationId: string) {
  requireRole(actor, groupId, "admin");
  await db.$transaction(async (tx) => {
    const inv = await tx.invitation.findFirst({ where: { id: invitationId, groupId, acceptedAt: null } });
    if (!inv) throw new NotFoundError();
    await tx.invitation.deleteMany({ where: { id: inv.id, groupId } });
    const { email, ...logged } = inv;
    void email;
    await logChange(tx, actor, { entity: "Invitation", entityId: inv.id, groupId, action: "delete", before: logged });
  });
}

export type InvitationStatus = "valid" | "expired" | "used" | "unknown";

export type InvitationView =
  | { status: "expired" | "used" | "unknown" }
  | { status: "valid"; groupName: string; email: string; role: Role; accountExists: boolean };

/** What the invitation page shows; an unknown token reveals nothing about any group. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationView> {
  const inv = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { group: { select: { name: true } } } });
  if (!inv) return { status: "unknown" };
  if (inv.acceptedAt) return { status: "used" };
  if (inv.expiresAt <= now) return { status: "expired" };
  const accountExists = Boolean(await db.user.findUnique({ where: { email: inv.email.toLowerCase() }, select: { id: true } }));
  return { status: "valid", groupName: inv.group.name, email: inv.email, role: inv.role as Role, accountExists };
}

/**
 * Marks the invitation used, only if it is still unused and unexpired: two tabs accepting at
 * once cannot both create a membership.
 */
async function claim(tx: Tx, token: string, now: Date) {
  const inv = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!inv || inv.acceptedAt || inv.expiresAt <= now) throw refusal("invitation_invalid");
  const { count } = await tx.invitation.updateMany({ where: { id: inv.id, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
  if (count !== 1) throw refusal("invitation_invalid");
  return inv;
}

/** A new account for the invited address, with the invited role in the group. */
export async function acceptInvitationNewUser(input: { token: string; name: string; password: string }, now = new Date()) {
  // Hashing is slow on purpose: check the link first, so a made-up token costs nothing.
  const pre = await db.invitation.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { acceptedAt: true, expiresAt: true } });
  if (!pre || pre.acceptedAt || pre.expiresAt <= now) throw refusal("invitation_invalid");
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const inv = await claim(tx, input.token, now);
    const email = inv.email.toLowerCase();
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw refusal("account_exists");
    const user = await tx.user.create({ data: { email, name: input.name, passwordHash } });
    const membership = await tx.membership.create({ data: { userId: user.id, groupId: inv.groupId, role: inv.role } });
    const who = { userId: user.id, name: user.name };
    await logChange(tx, who, { entity: "Membership", entityId: membership.id, groupId: inv.groupId, action: "create", after: membership });
    return { user, membership };
  });
}

/** Invitations are bound to the address they were sent to; emails are compared ignoring case. */
export function isInvitedEmail(invitedEmail: string, email: string): boolean {
  return invitedEmail.trim().toLowerCase() === email.trim().toLowerCase();
}

/**
 * The signed-in user joins the group with the invited role, only if the invitation was sent
 * to their address: a link forwarded to (or seen by) someone else lets nobody else in, and
 * such an attempt leaves the invitation unused.
 */
export async function acceptInvitationAsActor(actor: Actor, token: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invited = await tx.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true } });
    if (invited && !isInvitedEmail(invited.email, actor.email)) throw refusal("invitation_other_email");
    const inv = await claim(tx, token, now);
    if (await tx.membership.findUnique({ where: { userId_groupId: { userId: actor.userId, groupId: inv.groupId } } })) throw refusal("already_member");
    const membership = await tx.membership.create({ data: { userId: actor.userId, groupId: inv.groupId, role: inv.role } });
    await logChange(tx, actor, { entity: "Membership", entityId: membership.id, groupId: inv.groupId, action: "create", after: membership });
    return membership;
  });
}
