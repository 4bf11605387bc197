import "server-only";
import type { Tx } from "../db";
import type { Actor } from "../auth/access";
import { reindexForChange } from "./search-index";

// Personal data never enters the change log in clear: only the fact that it changed.
const PERSONAL_FIELDS = new Set(["idNumber", "address", "phone", "passwordHash", "tokenHash", "passcodeHash"]);
// The keyed hashes of IIN and phone (lib/crypto/fields.ts) are search aids, not history.
const SKIP_FIELDS = new Set(["createdAt", "updatedAt", "idNumberHash", "phoneHash", "nameHashes"]);
/** A person's name fields, personal data too where the group encrypts names (lib/crypto/names.ts). */
const NAME_FIELDS = ["fullName", "altNames"] as const;

export function redact(record: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!record) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (SKIP_FIELDS.has(k) || (typeof v === "object" && v !== null && !(v instanceof Date))) continue;
    out[k] = PERSONAL_FIELDS.has(k) ? (v ? "[personal data]" : "") : v;
  }
  return out;
}

/** Only the fields that differ, so the history reads as "before → after". */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null, keep: readonly string[] = []) {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k === "version") continue;
    if (keep.includes(k) || JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

export interface ChangeInput {
  entity: string;
  entityId: string;
  caseId?: string | null;
  groupId?: string | null;
  /** erase: a person's personal data erased on request (lib/data/erasure.ts); import: a record brought in from a spreadsheet or export (lib/data/import-batches.ts). */
  action: "create" | "update" | "delete" | "erase" | "import";
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields kept even when unchanged, to name what the entry is about (the rule's code). */
  keep?: readonly string[];
}

/** Writes one history entry; an update that changed nothing is not history and writes none. */
export async function logChange(tx: Tx, actor: (Pick<Actor, "userId" | "name"> & Partial<Pick<Actor, "memberships" | "caseGrants">>) | null, c: ChangeInput): Promise<void> {
  const d = diff(redact(c.before), redact(c.after), c.keep);
  // A member of a coalition group changing a case shared with it: the change names that group.
  const via = actor && c.caseId && c.groupId && !actor.memberships?.some((m) => m.groupId === c.groupId)
    ? actor.caseGrants?.find((g) => g.applicationId === c.caseId && g.ownerGroupId === c.groupId)
    : undefined;
  if (c.action === "update" && d.before && d.after && Object.keys(d.before).length === 0 && Object.keys(d.after).length === 0) return;
  // Compared in clear above (so a renaming is still a change), written masked.
  if (c.entity === "Person" && c.groupId && (await tx.group.findUnique({ where: { id: c.groupId }, select: { encryptNames: true } }))?.encryptNames) {
    for (const side of [d.before, d.after]) for (const k of NAME_FIELDS) if (side && typeof side[k] === "string" && side[k] !== "") side[k] = "[personal data]";
  }
  await tx.changeLog.create({
    data: {
      userId: actor?.userId ?? null,
      userName: actor?.name ?? "system",
      groupId: c.groupId ?? null,
      entity: c.entity,
      entityId: c.entityId,
      caseId: c.caseId ?? null,
      viaGroupId: via?.viaGroupId ?? null,
      viaGroupName: via?.viaGroupName ?? "",
      action: c.action,
      before: d.before ? JSON.stringify(d.before) : "",
      after: d.after ? JSON.stringify(d.after) : "",
    },
  });
  // The search index follows every change, in the same transaction (lib/data/search-index.ts).
  await reindexForChange(tx, c);
}
