import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../auth/access";

export type KeyedEntity = "Incident" | "Application";

/** The record an earlier submission with this key created, if any (keys are per member). */
export async function recordForKey(actor: Actor, key: string | undefined, entity: KeyedEntity): Promise<string | null> {
  if (!key) return null;
  const row = await db.submissionKey.findUnique({ where: { userId_key: { userId: actor.userId, key } } });
  return row && row.entity === entity ? row.entityId : null;
}

/** Remembers the key in the creating transaction: a second insert of it fails, and so does its whole write. */
export async function rememberKey(tx: Tx, actor: Actor, key: string | undefined, entity: KeyedEntity, entityId: string): Promise<void> {
  if (!key) return;
  await tx.submissionKey.create({ data: { userId: actor.userId, key, entity, entityId } });
}

/**
 * Creates a record once per key: an earlier submission's record is returned as it is; two
 * submissions racing with one key meet at the primary key, the loser's transaction is rolled
 * back and it is handed the winner's record.
 */
export async function createOnce(actor: Actor, key: string | undefined, entity: KeyedEntity, create: () => Promise<string>): Promise<{ id: string; created: boolean }> {
  const earlier = await recordForKey(actor, key, entity);
  if (earlier) return { id: earlier, created: false };
  try {
    return { id: await create(), created: true };
  } catch (e) {
    const winner = await recordForKey(actor, key, entity);
    if (winner) return { id: winner, created: false };
    throw e;
  }
}
