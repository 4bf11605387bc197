// The contract between attaching a file and reading its text: the write that creates an
// Attachment calls enqueueOcr in its own transaction; the handler for OCR_JOB_KIND
// (registered in registerAppJobs) reads the stored bytes, runs the OCR and stores
// Attachment.ocrText / ocrStatus. One job per attachment (the key), so a file is never read
// twice at once, and a restart picks up where it stopped.
import type { Tx } from "../db-client";
import { enqueue } from "../jobs/queue";

export const OCR_JOB_KIND = "attachment.ocr";

export function ocrJobKey(attachmentId: string): string {
  return `${OCR_JOB_KIND}:${attachmentId}`;
}

export async function enqueueOcr(tx: Tx, attachmentId: string): Promise<boolean> {
  // The job names the attachment's group, so that group's admins see it if it fails (Settings → Delivery).
  const owner = await tx.attachment.findUnique({ where: { id: attachmentId }, select: { groupId: true } });
  return enqueue(tx, { kind: OCR_JOB_KIND, key: ocrJobKey(attachmentId), payload: { attachmentId }, maxAttempts: 3, groupId: owner?.groupId ?? null });
}
