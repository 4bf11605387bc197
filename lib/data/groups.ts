import "server-only";
import { db } from "../db";
import type { Actor } from "../auth/access";
import { requireRole } from "../auth/access";
import { visibleGroupsWhere } from "./scope";

/** The groups the actor may see named (their own, and those a record they may read uses). */
export function listGroups(actor: Actor | null) {
  return db.group.findMany({ where: visibleGroupsWhere(actor), orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, city: true } });
}

export async function listMembers(actor: Actor, groupId: string) {
  requireRole(actor, groupId, "viewer");
  return db.membership.findMany({
    where: { groupId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}
