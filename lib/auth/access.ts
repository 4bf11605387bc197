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
  /**
   * Cases other groups shared with one of the actor's groups (a coalition: the owner's admin
   * granted access and this group's admin accepted). Each counts for that one case only.
   */
  caseGrants?: CaseGrant[];
}

/** One case shared with the actor through one of their groups. */
export interface CaseGrant {
  applicationId: string;
  ownerGroupId: string;
  viaGroupId: string;
  viaGroupName: string;
  /** viewer for read access; editor for edit access when the actor edits in their own group. */
  role: Role;
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

/** A cache key for what the actor may read: their groups, sorted (public records are everyone's), and the cases shared with them. */
export function visibilityKey(actor: Actor | null): string {
  const shared = sharedCaseIds(actor);
  return visibleGroupIds(actor).join(",") + (shared.length ? `|shared:${shared.join(",")}` : "");
}

/** A cache key for what the actor may read and do: each group with the role held there, each shared case with its role. */
export function accessKey(actor: Actor | null): string {
  return [
    ...(actor?.memberships ?? []).map((m) => `${m.groupId}:${m.role}`),
    ...(actor?.caseGrants ?? []).map((g) => `case:${g.applicationId}:${g.role}:${g.viaGroupId}`),
  ]
    .sort()
    .join(",");
}

/** Prisma `where` for owned records the actor may read: public ones and their groups' own. */
export function visibleWhere(actor: Actor | null): { OR: ({ isPublic: boolean } | { groupId: { in: string[] } })[] } {
  return { OR: [{ isPublic: true }, { groupId: { in: groupIds(actor) } }] };
}

/** visibleWhere for a record already read: public, or one of the actor's groups'. */
export function isVisibleTo(actor: Actor | null, record: { isPublic: boolean; groupId: string }): boolean {
  return record.isPublic || groupIds(actor).includes(record.groupId);
}

// ───────────────────────────── cases shared with a coalition
// A case shared with a co-organizing group is, for that one case, as if the group's members
// were members of the owning group with the granted role (viewer or editor, never admin):
// these functions are the only place that decides it. Nothing else of the owning group —
// its other cases, incidents, people, sources, settings — is reached through a grant.

/** The ids of the cases shared with the actor, sorted. */
export function sharedCaseIds(actor: Actor | null): string[] {
  return [...new Set((actor?.caseGrants ?? []).map((g) => g.applicationId))].sort();
}

/** The grant through which the actor reaches this case, the strongest if several of their groups have one. */
export function caseGrant(actor: Actor | null, app: { id: string; groupId: string }): CaseGrant | null {
  const grants = (actor?.caseGrants ?? []).filter((g) => g.applicationId === app.id && g.ownerGroupId === app.groupId);
  return grants.sort((a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role))[0] ?? null;
}

/** The actor's role for one case: as a member of its group, or through a coalition grant. */
export function caseRole(actor: Actor | null, app: { id: string; groupId: string }): Role | null {
  const own = roleIn(actor, app.groupId);
  const grant = caseGrant(actor, app)?.role ?? null;
  if (own && grant) return roleAtLeast(own, grant) ? own : grant;
  return own ?? grant;
}

export function canCase(actor: Actor | null, app: { id: string; groupId: string }, min: Role): boolean {
  const role = caseRole(actor, app);
  return role !== null && roleAtLeast(role, min);
}

/** requireRole for one case: a coalition grant counts. */
export function requireCaseRole(actor: Actor | null, app: { id: string; groupId: string }, min: Role): void {
  const role = caseRole(actor, app);
  if (role === null) throw new NotFoundError();
  if (!roleAtLeast(role, min)) throw new ForbiddenError();
}

/**
 * The actor as a reader of this one case: a coalition member counts as a member of the owning
 * group with the granted role. Only for deciding what of this case they see (disclosureFor);
 * never pass it on to a list or to another record.
 */
export function forCase(actor: Actor | null, app: { id: string; groupId: string }): Actor | null {
  if (!actor || roleIn(actor, app.groupId)) return actor;
  const grant = caseGrant(actor, app);
  if (!grant) return actor;
  return { ...actor, memberships: [...actor.memberships, { groupId: app.groupId, role: grant.role, groupName: grant.viaGroupName, groupSlug: "" }], caseGrants: [] };
}

// Both are wrapped in AND so that spreading them into a `where` that has its own OR cannot
// silently replace the visibility condition.

/** Prisma `where` for applications the actor works on: their groups' own and those shared with them. */
export function memberCasesWhere(actor: Actor | null): { AND: { OR: ({ groupId: { in: string[] } } | { id: { in: string[] } })[] }[] } {
  return { AND: [{ OR: [{ groupId: { in: groupIds(actor) } }, { id: { in: sharedCaseIds(actor) } }] }] };
}

/** Prisma `where` for applications the actor may read: public ones, their groups' own and those shared with them. */
export function visibleCasesWhere(actor: Actor | null): { AND: { OR: ({ isPublic: boolean } | { groupId: { in: string[] } } | { id: { in: string[] } })[] }[] } {
  return { AND: [{ OR: [{ isPublic: true }, { groupId: { in: groupIds(actor) } }, { id: { in: sharedCaseIds(actor) } }] }] };
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
