// The background job that reads an attachment's text (OCR_JOB_KIND, enqueued by enqueueOcr in
// the transaction that creates the attachment). The queue's lease keeps one file to one worker;
// while a long PDF is read page by page the handler renews that lease, so a slow document is
// not taken over by a second worker, while a worker that died (killed mid-job) stops renewing
// it and another picks the job up once it runs out.
//
// What the attachment row says while and after this runs (Attachment.ocrStatus):
//   pending → running → done (ocrText, pageCount)
//                     → pending again with ocrError set, until the queue's attempts run out,
//                       then failed (ocrError: a short reason code the page translates)
//   unavailable: this server has no Tesseract/poppler (the app works on without it)
//   none: not a document OCR reads (e.g. an audio file)
import type { Db } from "../db-client";
import { registerHandler, registerRecurring, type ClaimedJob, type JobContext, type JobOutcome } from "../jobs/worker";
import { enqueue } from "../jobs/queue";
import { DEFAULT_LEASE_MS } from "../jobs/worker";
import { storage } from "../storage";
import type { OcrErrorCode } from "./errors";
import { OCR_JOB_KIND, ocrJobKey } from "./queue";
import { reindexAttachment } from "../data/search-index";
import { isOcrReadable, readDocument } from "./read";
import { ocrAvailability, ToolError } from "./tools";


class LeaseLost extends Error {}

/** Hourly: once Tesseract is installed, the documents marked unavailable are read after all. */
export const OCR_RECHECK_KIND = "attachment.ocr.recheck";

export function registerOcrJobs(): void {
  registerHandler(OCR_JOB_KIND, readAttachmentText);
  registerRecurring(OCR_RECHECK_KIND, 3_600_000);
  registerHandler(OCR_RECHECK_KIND, async (_job, ctx) => {
    await requeueUnavailable(ctx.db, ctx.now);
  });
}

/**
 * Queues the documents this server could not read for lack of the programs, when it now can.
 * A fresh job key per pass (the first job of each document is kept, finished, under its own).
 */
export async function requeueUnavailable(db: Db, now: Date, max = 200): Promise<number> {
  if (!(await ocrAvailability()).available) return 0;
  const rows = await db.attachment.findMany({ where: { ocrStatus: "unavailable", deletedAt: null }, select: { id: true }, take: max, orderBy: { createdAt: "asc" } });
  let n = 0;
  for (const r of rows) {
    await db.$transaction(async (tx) => {
      const moved = await tx.attachment.updateMany({ where: { id: r.id, ocrStatus: "unavailable" }, data: { ocrStatus: "pending", ocrError: "" } });
      if (moved.count) await enqueue(tx, { kind: OCR_JOB_KIND, key: `${ocrJobKey(r.id)}@${now.toISOString()}`, payload: { attachmentId: r.id }, maxAttempts: 3 });
      n += moved.count;
    });
  }
  return n;
}

export async function readAttachmentText(job: ClaimedJob, ctx: JobContext): Promise<JobOutcome> {
  const { db } = ctx;
  const id = (job.payload as { attachmentId?: unknown })?.attachmentId;
  if (typeof id !== "string" || !id) return { drop: "no attachment id" };
  const a = await db.attachment.findUnique({ where: { id }, select: { id: true, mimeType: true, storageKey: true, ocrStatus: true, deletedAt: true } });
  if (!a || a.deletedAt) return { drop: "attachment deleted" };
  // Read once: a job run again after its worker died mid-write finds the text stored.
  if (a.ocrStatus === "done") return;
  if (!isOcrReadable(a.mimeType)) {
    await setStatus(db, id, { ocrStatus: "none", ocrError: "" });
    return;
  }
  const tools = await ocrAvailability();
  if (!tools.available) {
    await setStatus(db, id, { ocrStatus: "unavailable", ocrError: "not_installed" });
    return;
  }
  await setStatus(db, id, { ocrStatus: "running" });
  const keepLease = leaseKeeper(db, job.id, ctx.workerId);
  try {
    const bytes = await storage().get(a.storageKey);
    if (!bytes) throw new OcrFailure("file_missing", "the stored file is missing");
    const result = await readDocument(bytes, a.mimeType, { languages: tools.languages, onPage: keepLease });
    await setStatus(db, id, { ocrStatus: "done", ocrText: result.text, pageCount: result.pageCount, ocrError: "" });
  } catch (e) {
    // Another worker holds the job now (this one was too slow to renew): leave the row to it.
    if (e instanceof LeaseLost) return;
    if (e instanceof ToolError && e.missing) {
      await setStatus(db, id, { ocrStatus: "unavailable", ocrError: "not_installed" });
      return;
    }
    const code: OcrErrorCode = e instanceof OcrFailure ? e.code : e instanceof ToolError && /took too long/.test(e.message) ? "timeout" : "unreadable";
    const lastTry = job.attempts >= job.maxAttempts;
    await setStatus(db, id, { ocrStatus: lastTry ? "failed" : "pending", ocrError: code });
    throw e;
  }
}

class OcrFailure extends Error {
  constructor(
    readonly code: OcrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "OcrFailure";
  }
}

/** Changes the row unless its text is already stored (never overwrites a finished reading). */
async function setStatus(db: Db, id: string, data: { ocrStatus: string; ocrText?: string; pageCount?: number; ocrError?: string }): Promise<void> {
  if (data.ocrStatus !== "done") {
    await db.attachment.updateMany({ where: { id, ocrStatus: { not: "done" } }, data });
    return;
  }
  // The recognised text becomes searchable with the same commit (lib/data/search-index.ts).
  await db.$transaction(async (tx) => {
    const n = await tx.attachment.updateMany({ where: { id, ocrStatus: { not: "done" } }, data });
    if (n.count) await reindexAttachment(tx, id);
  });
}

/**
 * Renews the job's lease (only while this worker holds it) when a third of it has passed;
 * throws LeaseLost when another worker has taken the job over.
 */
function leaseKeeper(db: Db, jobId: string, workerId: string, leaseMs = DEFAULT_LEASE_MS) {
  let renewedAt = Date.now();
  return async () => {
    if (Date.now() - renewedAt < leaseMs / 3) return;
    const until = new Date(Date.now() + leaseMs);
    const n = await db.$executeRaw`
      UPDATE "Job" SET "lockedUntil" = ${until}
      WHERE "id" = ${jobId} AND "lockedBy" = ${workerId} AND "status" = 'pending'`;
    if (n !== 1) throw new LeaseLost("the job was taken over by another worker");
    renewedAt = Date.now();
  };
}
