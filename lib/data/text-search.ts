// Case-insensitive text filters that work on both databases. PostgreSQL compares case-
// sensitively unless asked (`mode: "insensitive"`, which the SQLite client rejects); on
// SQLite, lib/db-client.ts makes LIKE fold case for every script, not only ASCII.
// Use these in list queries instead of writing `{ contains: q }` by hand:
//   where: { OR: [{ title: contains(q) }, { city: contains(q) }] }
import { databaseUrl, isPostgresUrl } from "../db-url";
import { groupIds, type Actor } from "../auth/access";

type TextFilter = { contains: string } | { startsWith: string };

/**
 * Prisma passes the value into a LIKE pattern unescaped, so a user's "%" or "_" would act as
 * a wildcard. Backslash is LIKE's escape character on PostgreSQL and, through
 * lib/db-client.ts, on SQLite too.
 */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, "\\$&");
}

function insensitive<T extends TextFilter>(filter: T): T {
  // Typed as the SQLite client's filter: `mode` exists only in the PostgreSQL client's types.
  return (isPostgresUrl(databaseUrl()) ? { ...filter, mode: "insensitive" } : filter) as T;
}

/** Matches when the text contains `q`, ignoring case (any script). */
export function contains(q: string): { contains: string } {
  return insensitive({ contains: escapeLike(q) });
}

export function startsWith(q: string): { startsWith: string } {
  return insensitive({ startsWith: escapeLike(q) });
}

/**
 * Trims, collapses whitespace and control characters, caps the length and repairs broken
 * UTF-16 (a lone surrogate makes Prisma's query serialization fail): what a search box
 * should pass on.
 */
export function searchTerm(raw: unknown, max = 200): string {
  if (typeof raw !== "string") return "";
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
  return cleaned.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * An attachment whose recognised (OCR) text contains `q` and that this reader may search: one
 * of their groups' files, or a file published on its own. Put it under the record's own
 * visibility (the applications list's where clause does): a published file of a record the
 * reader cannot see matches nothing, and a deleted file never matches.
 */
export function attachmentTextMatching(actor: Actor | null, q: string) {
  return {
    deletedAt: null,
    ocrStatus: "done",
    ocrText: contains(q),
    OR: [{ groupId: { in: groupIds(actor) } }, { isPublic: true }],
  };
}
