// Who may do what: pure rules over an actor's memberships. The data layer applies them.
import { ROLES, type Role } from "../domain/vocabulary";
import { ForbiddenError, NotFoundError } from "../errors";

export interface Actor {
  userId: string;
  name: string;
  email: string;
  /** An operator of this server: edits the shared legal reference data (User.isOperator). */
  isOperator: boolean;
  memberships: { groupId: string; role: Role; groupName: string; groupSlug: string }[];
  /**
   * Groups the user belongs to but may not reach yet: they require two-factor sign-in and the
   * user has not enrolled. Left out of `memberships`, so every rule above treats the user as a
   * non-member there; named here so a page can say why.
   */
  twoFactorRequiredBy?: string[];
}

export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

export function roleIn(actor: Actor | null, groupId: string): Role | null {
  return actor?.memberships.find((m) => m.groupId === groupId)?.role ?? null;
}

export function can(actor: Actor | null, groupId: string, min: Role): boolean {
  const role = roleIn(actor, groupId);
  return role !== null && roleAtLeast(role, min);
}

/**
 * Throws unless the actor holds `min` in the group. A non-member is told the record does
 * not exist (404), a member with too small a role that it is forbidden.
 */
export function requireRole(actor: Actor | null, groupId: string, min: Role): void {
  const role = roleIn(actor, groupId);
  if (role === null) throw new NotFoundError();
  if (!roleAtLeast(role, min)) throw new ForbiddenError();
}

export function groupIds(actor: Actor | null): string[] {
  return actor?.memberships.map((m) => m.groupId) ?? [];
}

/** The actor's groups, each once and sorted: everyone with the same memberships reads the same records. */
export function visibleGroupIds(actor: Actor | null): string[] {
  return [...new Set(groupIds(actor))].sort();
}

/** A cache key for what the actor may read: their groups, sorted (public records are everyone's). */
export function visibilityKey(actor: Actor | null): string {
  return visibleGroupIds(actor).join(",");
}

/** A cache key for what the actor may read and do: each group with the role held there. */
export function accessKey(actor: Actor | null): string {
  return (actor?.memberships ?? []).map((m) => `${m.groupId}:${m.role}`).sort().join(",");
}

/** Prisma `where` for owned records the actor may read: public ones and their groups' own. */
export function visibleWhere(actor: Actor | null): { OR: ({ isPublic: boolean } | { groupId: { in: string[] } })[] } {
  return { OR: [{ isPublic: true }, { groupId: { in: groupIds(actor) } }] };
}

/** Groups where the actor may create records. */
export function writableGroups(actor: Actor | null): Actor["memberships"] {
  return actor?.memberships.filter((m) => roleAtLeast(m.role, "editor")) ?? [];
}

/**
 * The deadline rules, holiday calendar and legal standards are shared by every group on a
 * server, so a group's admin must not change them for everyone: only the server's operators
 * do — users marked as operators (the first admin `user:create` makes, or `--operator`) and
 * the emails in TRACKER_OPERATORS.
 */
export function canEditSharedReference(actor: Actor | null, operatorEmails: readonly string[]): boolean {
  if (!actor) return false;
  return actor.isOperator === true || operatorEmails.includes(actor.email.toLowerCase());
}
