import "server-only";
// A group's choice to keep its people's names encrypted at rest (lib/crypto/names.ts): the
// name fields a write stores, and switching the setting, which seals (or opens) every name of
// the group's people — and takes the names out of their earlier change-log entries — in one
// transaction.
import { db, type Tx } from "../db";
import { requireRole, type Actor } from "../auth/access";
import { storedNames, type StoredNames } from "../crypto/names";
import { logChange } from "./audit";

export async function groupEncryptsNames(tx: Tx, groupId: string): Promise<boolean> {
  const g = await tx.group.findUnique({ where: { id: groupId }, select: { encryptNames: true } });
  return Boolean(g?.encryptNames);
}

/**
 * The name fields to write for a person of this group, spread into the create/update data:
 * just the name where the group keeps names plain; sealed, with the other spellings and the
 * word hashes, where it encrypts them.
 */
export async function namesFor(tx: Tx, groupId: string, fullName: string, altNames = ""): Promise<{ fullName: string } & Partial<StoredNames>> {
  if (!(await groupEncryptsNames(tx, groupId))) return { fullName };
  return storedNames(fullName, altNames, true);
}

const MASK = "[personal data]";

/** A change-log before/after with the name fields masked (the JSON stays valid). */
function maskNames(json: string): string {
  if (!json) return json;
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    let changed = false;
    for (const k of ["fullName", "altNames"]) {
      if (typeof v[k] === "string" && v[k] !== "" && v[k] !== MASK) {
        v[k] = MASK;
        changed = true;
      }
    }
    return changed ? JSON.stringify(v) : json;
  } catch {
    return json;
  }
}

/**
 * Turns "encrypt people's names" on or off for a group (its admins). On: every name and other
 * spelling of the group's people is sealed and hashed word by word, and the names in the
 * people's earlier change-log entries become "[personal data]". Off: the names are stored
 * plain again (the masked history stays masked). Returns how many people were rewritten.
 */
export async function setGroupEncryptNames(actor: Actor, groupId: string, on: boolean): Promise<number> {
  requireRole(actor, groupId, "admin");
  return db.$transaction(async (tx) => {
    const group = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: { encryptNames: true } });
    if (group.encryptNames === on) return 0;
    await tx.group.update({ where: { id: groupId }, data: { encryptNames: on } });
    // Opened by the client's extension (lib/crypto/person-fields.ts); written back sealed or plain.
    const people = await tx.person.findMany({ where: { groupId }, select: { id: true, fullName: true, altNames: true } });
    for (const p of people) await tx.person.update({ where: { id: p.id }, data: storedNames(p.fullName, p.altNames, on) });
    if (on && people.length) {
      const entries = await tx.changeLog.findMany({ where: { entity: "Person", entityId: { in: people.map((p) => p.id) } }, select: { id: true, before: true, after: true } });
      for (const e of entries) {
        const before = maskNames(e.before);
        const after = maskNames(e.after);
        if (before !== e.before || after !== e.after) await tx.changeLog.update({ where: { id: e.id }, data: { before, after } });
      }
    }
    await logChange(tx, actor, { entity: "Group", entityId: groupId, groupId, action: "update", before: { encryptNames: !on }, after: { encryptNames: on } });
    return people.length;
  });
}


/** The groups' names and whether each encrypts its people's names (for its admins' settings). */
export async function namesSettings(groupIds: string[]) {
  return db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true, encryptNames: true }, orderBy: { name: "asc" } });
}
