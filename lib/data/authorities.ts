import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../auth/access";
import { FieldError } from "../validation/applications";
import { logChange } from "./audit";
import { authorityChoicesWhere } from "./scope";

/**
 * Every group files with the same akimats, but a name typed by one group is that group's
 * business: the choices are reference data and the authorities records the actor may read use.
 */
export async function listAuthorities(actor: Actor | null) {
  return db.authority.findMany({
    where: await authorityChoicesWhere(db, actor),
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: { id: true, name: true, nameRu: true, nameKk: true, kind: true, city: true },
  });
}
export type AuthorityOption = Awaited<ReturnType<typeof listAuthorities>>[number];

export interface AuthorityChoice {
  authorityId: string;
  newAuthorityName: string;
  newAuthorityKind: string;
  newAuthorityCity: string;
}

/**
 * The authority an application is filed with: a chosen row, or one named in the form —
 * reusing an existing row of the same name and city so the statistics do not split.
 */
export async function resolveAuthority(tx: Tx, actor: Actor, c: AuthorityChoice, groupId: string, fallbackCity: string): Promise<string | null> {
  if (c.authorityId) {
    const found = await tx.authority.findFirst({ where: { AND: [{ id: c.authorityId }, await authorityChoicesWhere(tx, actor)] }, select: { id: true } });
    if (!found) throw new FieldError("authorityId", "invalid_choice");
    return found.id;
  }
  const name = c.newAuthorityName.trim();
  if (!name) return null;
  const city = c.newAuthorityCity.trim() || fallbackCity.trim();
  const existing = await tx.authority.findUnique({ where: { name_city: { name, city } } });
  if (existing) return existing.id;
  const created = await tx.authority.create({ data: { name, kind: c.newAuthorityKind || "akimat", city } });
  await logChange(tx, actor, { entity: "Authority", entityId: created.id, groupId, action: "create", after: created });
  return created.id;
}
