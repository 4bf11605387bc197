// A scanned akimat letter attached to an application of the E2E group, for tests/e2e/ocr.spec.ts:
// an image-only PDF (no text layer), stored and queued for OCR as an upload leaves it; the
// app's own background worker reads it once the server is up. Only in the throwaway database.
import { ACCOUNTS } from "./accounts";
import { OCR_DOCUMENT } from "./documents";

if (!/^file:\/tmp\//.test(process.env.DATABASE_URL ?? "")) {
  console.error("refusing to seed documents outside a throwaway /tmp database");
  process.exit(1);
}
const { createPrismaClient } = await import("../../../lib/db-client");
const { scannedPdf, seedAttachment, textImage } = await import("../../support/documents");
const db = createPrismaClient();
try {
  const group = await db.group.findFirstOrThrow({ where: { name: ACCOUNTS.editor.group } });
  await db.application.create({
    data: { id: OCR_DOCUMENT.application, groupId: group.id, isPublic: false, title: OCR_DOCUMENT.title, procedure: "notification", status: "draft", parts: { create: [{ form: "march" }] } },
  });
  const scan = await scannedPdf([await textImage(OCR_DOCUMENT.lines)]);
  await seedAttachment(db, { groupId: group.id, applicationId: OCR_DOCUMENT.application, bytes: scan, mimeType: "application/pdf", kind: "answer", title: "Akimat letter (scan)" });
} finally {
  await db.$disconnect();
}
