import "server-only";
import { db } from "../db";
import type { Actor } from "../auth/access";
import { requireRole } from "../auth/access";

export function listGroups() {
  return db.group.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, city: true } });
}

export async function listMembers(actor: Actor, groupId: string) {
  requireRole(actor, groupId, "viewer");
  return db.membership.findMany({
    where: { groupId },
    orderBy: { createdAt: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}
