import "server-only";
// A member downloading their own group's records (the settings page link and the API).
import { db } from "../db";
import { can, requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { entityCsvChunks, exportJsonChunks, exportScope, type EntityName } from "../data/export";

export interface GroupExport {
  slug: string;
  /** The JSON document, in pieces. */
  json: () => AsyncGenerator<string>;
  /** One entity as CSV, in pieces. */
  csv: (entity: EntityName) => AsyncGenerator<string>;
}

/**
 * The group by slug or id, if the actor is a member (viewer or above); otherwise not found.
 * People's personal fields (ID numbers, addresses, phones) go only to admins and editors.
 */
export async function exportGroupForMember(actor: Actor, groupRef: string): Promise<GroupExport> {
  const group = await db.group.findFirst({ where: { OR: [{ slug: groupRef }, { id: groupRef }] }, select: { id: true, slug: true } });
  if (!group) throw new NotFoundError();
  requireRole(actor, group.id, "viewer");
  const scope = { ...(await exportScope(db, { groupId: group.id })), withoutPersonal: !can(actor, group.id, "editor") };
  return { slug: group.slug, json: () => exportJsonChunks(db, scope), csv: (entity) => entityCsvChunks(db, scope, entity) };
}

/**
 * Text pieces as a response body, pulled one at a time as the client reads (memory stays
 * flat). A failure half-way errors the stream, so the download breaks instead of ending as a
 * complete-looking but truncated file.
 */
export function streamText(chunks: AsyncGenerator<string>, prefix = ""): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started && prefix) controller.enqueue(encoder.encode(prefix));
        started = true;
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error("export failed while streaming:", e instanceof Error ? e.message : e);
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
