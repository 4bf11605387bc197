import "server-only";
// A member downloading their own group's records (the settings page link and the API).
import { db } from "../db";
import { requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { exportData, type ExportDocument } from "../data/export";

/** The group by slug or id, if the actor is a member (viewer or above); otherwise not found. */
export async function exportGroupForMember(actor: Actor, groupRef: string): Promise<{ slug: string; doc: ExportDocument }> {
  const group = await db.group.findFirst({ where: { OR: [{ slug: groupRef }, { id: groupRef }] }, select: { id: true, slug: true } });
  if (!group) throw new NotFoundError();
  requireRole(actor, group.id, "viewer");
  return { slug: group.slug, doc: await exportData(db, { groupId: group.id }) };
}
