// Which groups and authorities a caller may see named. A name is itself information (a group
// that exists, an akimat a group is dealing with), so it is shown only where a record the
// caller may read uses it. Authorities are also reference data: those a published source
// vouches for (the seeded history cites each one) are every group's to choose.
//
// No "server-only" marker: the export (also run by scripts) uses authoritiesUsedBy.
import type { Prisma } from "../generated/sqlite/client";
import type { Db, Tx } from "../db-client";
import { groupIds, visibleWhere, type Actor } from "../auth/access";

/**
 * A group named as co-organizer counts only once it accepted (a pending request waits for
 * its admin). Every reader of Application.organizers filters with this.
 */
export const ACCEPTED_ORGANIZER = { status: "accepted" } as const satisfies Prisma.ApplicationGroupWhereInput;

/** `include`/`select` argument for the organizers a reader may show. */
export const acceptedOrganizers = { where: ACCEPTED_ORGANIZER } as const;

/** How a record can use a group: its own membership, owning or organizing an application, an incident. */
export type GroupUse = "member" | "application" | "organizer" | "incident";
const ALL_GROUP_USES: readonly GroupUse[] = ["member", "application", "organizer", "incident"];

/** Groups the actor may see named: their own, and those used (in `uses` ways) by a record they may read. */
export function visibleGroupsWhere(actor: Actor | null, uses: readonly GroupUse[] = ALL_GROUP_USES): Prisma.GroupWhereInput {
  const visible = visibleWhere(actor);
  const or: Prisma.GroupWhereInput[] = [];
  if (uses.includes("member") && actor) {
    // Their own groups, and those their groups asked to co-organize (a request they made).
    or.push({ id: { in: groupIds(actor) } }, { organizing: { some: { application: { groupId: { in: groupIds(actor) } } } } });
  }
  if (uses.includes("application")) or.push({ owned: { some: visible } });
  if (uses.includes("organizer")) or.push({ organizing: { some: { ...ACCEPTED_ORGANIZER, application: visible } } });
  if (uses.includes("incident")) or.push({ ownedIncidents: { some: visible } }, { incidents: { some: { incident: visible } } });
  return or.length ? { OR: or } : { id: { in: [] } };
}

/** How a record can use an authority: an application filed with it, an appeal stage before it. */
export type AuthorityUse = "filed" | "appealBody";
const ALL_AUTHORITY_USES: readonly AuthorityUse[] = ["filed", "appealBody"];

/** Authorities that applications matching `apps` (or their appeal stages) use. */
export function authoritiesUsedBy(apps: Prisma.ApplicationWhereInput, uses: readonly AuthorityUse[] = ALL_AUTHORITY_USES): Prisma.AuthorityWhereInput {
  const or: Prisma.AuthorityWhereInput[] = [];
  if (uses.includes("filed")) or.push({ applications: { some: apps } });
  if (uses.includes("appealBody")) or.push({ appealStages: { some: { application: apps } } });
  return { OR: or };
}

/** Authorities the actor may see named: those a record they may read uses. */
export function visibleAuthoritiesWhere(actor: Actor | null, uses: readonly AuthorityUse[] = ALL_AUTHORITY_USES): Prisma.AuthorityWhereInput {
  return authoritiesUsedBy(visibleWhere(actor), uses);
}

/** Authorities cited by a published source: reference data, not any one group's. */
async function referenceAuthorityIds(client: Db | Tx): Promise<string[]> {
  const rows = await client.citation.findMany({ where: { recordType: "Authority", source: { isPublic: true } }, select: { recordId: true }, distinct: ["recordId"] });
  return rows.map((r) => r.recordId);
}

/** What a form may offer (and accept) as an authority: reference data, and what the actor's readable records use. */
export async function authorityChoicesWhere(client: Db | Tx, actor: Actor | null): Promise<Prisma.AuthorityWhereInput> {
  const reference = await referenceAuthorityIds(client);
  return { OR: [visibleAuthoritiesWhere(actor), ...(reference.length ? [{ id: { in: reference } }] : [])] };
}
