import "server-only";
// Attached documents: the scans, photos and PDFs of a case's records. Bytes are checked by
// content, stripped of metadata and stored content-addressed (lib/storage) before the row is
// written; the row and its OCR job are created in one transaction. Who may read a file is
// the same rule as who may read the case (getCase, lib/data/visibility.ts): this module only
// asks it.
import { db, type Tx } from "../db";
import { can, canCase, groupIds, requireRole, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { storage } from "../storage";
import { enqueueOcr } from "../ocr/queue";
import { sniffType, isImage, isPdf } from "../files/sniff";
import { stripMetadata, UnreadableFileError } from "../files/strip";
import { maxFileBytes } from "../files/limits";
import type { AttachmentSubject } from "../domain/vocabulary";
import type { AttachmentDetails } from "../validation/attachments";
import { logChange } from "./audit";
import { getCase } from "./cases";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Why one file of an upload was refused: a key in documents.errors, and the file it is about. */
export class FileRefusedError extends Error {
  constructor(
    public readonly code: "no_files" | "too_big" | "wrong_type" | "unreadable" | "encrypted" | "empty",
    public readonly fileName = "",
  ) {
    super(code);
  }
}

interface Subject {
  groupId: string;
  applicationId: string | null;
}

/** The owning group and case of a record a document is attached to, if the actor is in its group. */
async function subjectOf(tx: Tx, actor: Actor, type: AttachmentSubject, id: string): Promise<Subject | null> {
  const mine = { in: groupIds(actor) };
  const viaApp = (r: { application: { id: string; groupId: string } } | null) => (r ? { groupId: r.application.groupId, applicationId: r.application.id } : null);
  const app = { select: { id: true, groupId: true } } as const;
  switch (type) {
    case "application": {
      const r = await tx.application.findFirst({ where: { id, groupId: mine }, select: { id: true, groupId: true } });
      return r ? { groupId: r.groupId, applicationId: r.id } : null;
    }
    case "answer":
      return viaApp(await tx.answer.findFirst({ where: { id, application: { groupId: mine } }, select: { application: app } }));
    case "event":
      return viaApp(await tx.event.findFirst({ where: { id, application: { groupId: mine } }, select: { application: app } }));
    case "appealStage":
      return viaApp(await tx.appealStage.findFirst({ where: { id, application: { groupId: mine } }, select: { application: app } }));
    case "hearing": {
      const r = await tx.hearing.findFirst({ where: { id, appealStage: { application: { groupId: mine } } }, select: { appealStage: { select: { application: app } } } });
      return r ? viaApp(r.appealStage) : null;
    }
    case "ruling": {
      const r = await tx.ruling.findFirst({ where: { id, appealStage: { application: { groupId: mine } } }, select: { appealStage: { select: { application: app } } } });
      return r ? viaApp(r.appealStage) : null;
    }
    case "incident": {
      const r = await tx.incident.findFirst({ where: { id, groupId: mine }, select: { groupId: true } });
      return r ? { groupId: r.groupId, applicationId: null } : null;
    }
  }
}

/** Checks, strips and stores one file; returns what the row needs. Throws FileRefusedError. */
export async function prepareFile(file: UploadedFile, limit = maxFileBytes()) {
  if (file.bytes.byteLength === 0) throw new FileRefusedError("empty", file.name);
  if (file.bytes.byteLength > limit) throw new FileRefusedError("too_big", file.name);
  const mime = await sniffType(file.bytes);
  if (!mime) throw new FileRefusedError("wrong_type", file.name);
  try {
    const stripped = await stripMetadata(file.bytes, mime);
    return { mime, ...stripped };
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new FileRefusedError(e.reason, file.name);
    throw e;
  }
}

/** A file name fit to show and to send back in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string, mime: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  return base || `document.${mime === "application/pdf" ? "pdf" : mime.split("/")[1]}`;
}

/**
 * Attaches files to a record: all of them or, when one is refused, none (the error names
 * it). Editors of the record's group only; another group's record is "not found".
 */
export async function attachFiles(actor: Actor, details: AttachmentDetails, files: readonly UploadedFile[], opts: { applicationId?: string } = {}) {
  if (!files.length) throw new FileRefusedError("no_files");
  // Who may attach is checked before any byte is processed.
  const subject = await subjectOf(db, actor, details.subjectType, details.subjectId);
  if (!subject) throw new NotFoundError();
  requireRole(actor, subject.groupId, "editor");
  // An incident's files are listed on the case they were attached from too.
  let applicationId = subject.applicationId;
  if (!applicationId && opts.applicationId) {
    const linked = await db.incidentApplication.findFirst({ where: { incidentId: details.subjectId, applicationId: opts.applicationId } });
    if (linked) applicationId = opts.applicationId;
  }

  const prepared: ({ name: string } & Awaited<ReturnType<typeof prepareFile>>)[] = [];
  for (const f of files) prepared.push({ name: f.name, ...(await prepareFile(f)) });
  const stored: ((typeof prepared)[number] & { key: string; size: number })[] = [];
  for (const p of prepared) stored.push({ ...p, ...(await storage().put(p.bytes)) });

  try {
    return await db.$transaction(async (tx) => {
      const rows = [];
      for (const s of stored) {
        const row = await tx.attachment.create({
          data: {
            groupId: subject.groupId,
            applicationId,
            subjectType: details.subjectType,
            subjectId: details.subjectId,
            kind: details.kind,
            title: details.title || s.name.replace(/\.[a-z0-9]{1,5}$/i, ""),
            documentDate: details.documentDate,
            fileName: cleanFileName(s.name, s.mime),
            mimeType: s.mime,
            size: s.size,
            storageKey: s.key,
            pageCount: s.pageCount,
            ocrStatus: isImage(s.mime) || isPdf(s.mime) ? "pending" : "none",
            createdById: actor.userId,
            createdByName: actor.name,
          },
        });
        if (row.ocrStatus === "pending") await enqueueOcr(tx, row.id);
        await logChange(tx, actor, { entity: "Attachment", entityId: row.id, caseId: applicationId, groupId: subject.groupId, action: "create", after: withoutText(row) });
        rows.push(row);
      }
      return rows;
    });
  } catch (e) {
    // Bytes no row points to are not left behind.
    for (const s of stored) await removeBytesIfUnused(s.key);
    throw e;
  }
}

function withoutText<T extends { ocrText: string; storageKey: string }>(row: T) {
  const { ocrText, storageKey, ...rest } = row;
  void ocrText;
  void storageKey;
  return rest;
}

async function removeBytesIfUnused(key: string): Promise<void> {
  const users = await db.attachment.count({ where: { storageKey: key, deletedAt: null } });
  if (users === 0) await storage().delete(key);
}

async function editableAttachment(actor: Actor, id: string) {
  const row = await db.attachment.findFirst({ where: { id, deletedAt: null, groupId: { in: groupIds(actor) } } });
  if (!row) throw new NotFoundError();
  requireRole(actor, row.groupId, "editor");
  return row;
}

/** Removes a document from its record (the row stays, marked deleted, in the change log); the bytes go when no other row uses them. */
export async function deleteAttachment(actor: Actor, id: string, now = new Date()) {
  const row = await editableAttachment(actor, id);
  await db.$transaction(async (tx) => {
    const after = await tx.attachment.update({ where: { id: row.id }, data: { deletedAt: now } });
    await logChange(tx, actor, { entity: "Attachment", entityId: row.id, caseId: row.applicationId, groupId: row.groupId, action: "delete", before: withoutText(row), after: withoutText(after) });
  });
  await removeBytesIfUnused(row.storageKey);
  return row;
}

/** Publishes or withdraws one file. Publishing a record never does this for its files. */
export async function setAttachmentPublic(actor: Actor, id: string, isPublic: boolean) {
  const row = await editableAttachment(actor, id);
  if (row.isPublic !== isPublic) {
    await db.$transaction(async (tx) => {
      const after = await tx.attachment.update({ where: { id: row.id }, data: { isPublic } });
      await logChange(tx, actor, { entity: "Attachment", entityId: row.id, caseId: row.applicationId, groupId: row.groupId, action: "update", before: withoutText(row), after: withoutText(after), keep: ["title"] });
    });
  }
  return row;
}

export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

function findAttachment(id: string) {
  return db.attachment.findFirst({ where: { id, deletedAt: null } });
}

/**
 * A document this reader may open, or NotFoundError (another group's private file looks
 * exactly like a missing one). Members of the owning group read their files; anyone else only
 * what the case, as getCase discloses it to them, lists.
 */
export async function readableAttachment(actor: Actor | null, id: string): Promise<AttachmentRow> {
  if (typeof id !== "string" || id.length > 64) throw new NotFoundError();
  const row = await findAttachment(id);
  if (!row) throw new NotFoundError();
  if (can(actor, row.groupId, "viewer")) return row;
  // A case shared with the reader's coalition group: its files as the case lists them.
  if (row.applicationId && canCase(actor, { id: row.applicationId, groupId: row.groupId }, "viewer")) {
    const data = await getCase(actor, row.applicationId);
    if (data.attachments.some((a) => a.id === row.id)) return row;
    throw new NotFoundError();
  }
  if (!row.isPublic) throw new NotFoundError();
  if (row.applicationId) {
    const data = await getCase(actor, row.applicationId);
    if (data.attachments.some((a) => a.id === row.id)) return row;
    throw new NotFoundError();
  }
  // An incident's file not attached from a case: the incident must be public.
  if (row.subjectType === "incident") {
    const incident = await db.incident.findFirst({ where: { id: row.subjectId, isPublic: true }, select: { id: true } });
    if (incident) return row;
  }
  throw new NotFoundError();
}

/** The stored bytes of a document, or null when they are gone from the store. */
export async function attachmentBytes(row: { storageKey: string }): Promise<Buffer | null> {
  return storage().get(row.storageKey);
}

/** Every document row that is not deleted, with its key (backup checks, export manifest). */
export async function listGroupAttachments(groupId: string) {
  return db.attachment.findMany({ where: { groupId, deletedAt: null }, orderBy: { createdAt: "asc" } });
}
