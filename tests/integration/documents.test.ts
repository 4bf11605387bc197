// Attached documents end to end against a real database and store: the upload route (type
// read from the bytes, size limits, metadata stripped, who may attach), the file route (who
// may read), publishing, deleting, share links and the case file's bundle.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { form, makeActor, makeGroup } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { storage } from "@/lib/storage";
import { resetLimits } from "@/lib/rate-limit";
import { initialFormState } from "@/lib/actions/form-state";
import { createShareLinkAction } from "@/lib/actions/share-links";
import { deleteAttachmentAction, publishAttachmentAction } from "@/lib/actions/attachments";
import { getCase } from "@/lib/data/cases";
import { POST as upload } from "@/app/files/route";
import { GET as openFile } from "@/app/files/[id]/route";
import { GET as openThumb } from "@/app/files/[id]/thumb/route";
import { GET as openShared } from "@/app/s/[token]/route";
import { GET as sharedFile } from "@/app/s/[token]/files/[id]/route";
import { GET as sharedPdf } from "@/app/s/[token]/pdf/route";
import { GET as memberPdf } from "@/app/(app)/applications/[id]/case-file/pdf/route";

let editorA: Actor;
let viewerA: Actor;
let editorB: Actor;
let caseId: string;
let answerId: string;
let eventId: string;

const LETTER = "AKIMAT REFUSAL LETTER NUMBER 4471";

/** A one-page PDF with a line of text, an author and an XMP packet naming someone. */
async function letterPdf(text = LETTER): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  doc.setAuthor("Secret Author Nurlanov");
  doc.setCreator("Scanner Model X by Secret Author");
  doc.setProducer("Secret Producer");
  doc.setTitle("Secret Title");
  doc.setSubject("Secret Subject");
  doc.setKeywords(["secretkeyword"]);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XMP Secret Author</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const stream = doc.context.stream(xmp, { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(stream));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A photo as a phone takes it: JPEG with EXIF, including a GPS position and the owner's name. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12", Artist: "Secret Photographer" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "43/1 14/1 3600/100", GPSLongitudeRef: "E", GPSLongitude: "76/1 53/1 2400/100" },
    })
    .toBuffer();
}

function uploadRequest(fields: Record<string, string>, files: { name: string; bytes: Uint8Array; type?: string }[], opts: { json?: boolean; origin?: string | null } = {}): Request {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append("files", new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? "application/octet-stream" }));
  const headers = new Headers({ host: "localhost" });
  if (opts.origin !== null) headers.set("origin", opts.origin ?? "http://localhost");
  if (opts.json !== false) headers.set("accept", "application/json");
  return new Request("http://localhost/files", { method: "POST", body: fd, headers });
}

async function attach(as: Actor | null, files: { name: string; bytes: Uint8Array }[], fields: Record<string, string> = {}, opts: { json?: boolean; origin?: string | null } = {}) {
  session.actor = as;
  const res = await upload(uploadRequest({ subjectType: "answer", subjectId: answerId, kind: "answer", title: "", documentDate: "", returnTo: `/applications/${caseId}`, ...fields }, files, opts));
  return { res, body: res.headers.get("content-type")?.includes("json") ? ((await res.json()) as { ok: boolean; message?: string; fileName?: string; count?: number }) : null };
}

const fileCtx = (id: string) => ({ params: Promise.resolve({ id }) });
async function open(as: Actor | null, id: string, query = "") {
  session.actor = as;
  return openFile(new Request(`http://localhost/files/${id}${query}`), fileCtx(id));
}
async function newestAttachment() {
  return db.attachment.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
}

beforeAll(async () => {
  await loadReference(db);
  const a = await makeGroup("docs-a", "Docs A");
  const b = await makeGroup("docs-b", "Docs B");
  editorA = await makeActor("Docs Editor A", [[a.id, "editor"]]);
  viewerA = await makeActor("Docs Viewer A", [[a.id, "viewer"]]);
  editorB = await makeActor("Docs Editor B", [[b.id, "editor"]]);
  const app = await db.application.create({ data: { groupId: a.id, title: "Rally at the Abay monument", procedure: "notification", city: "Almaty", filedOn: "2024-02-20", isPublic: true } });
  caseId = app.id;
  answerId = (await db.answer.create({ data: { applicationId: app.id, receivedOn: "2024-02-27", statedReason: "The square is booked.", outcome: "refused" } })).id;
  eventId = (await db.event.create({ data: { applicationId: app.id, kind: "other", occurredOn: "2024-03-01", description: "A meeting at the akimat." } })).id;
});

beforeEach(() => {
  resetLimits();
  session.locale = "en";
});

describe("uploading", () => {
  it("stores a PDF without its author, creator, producer, title, keywords or XMP, and queues it for OCR", async () => {
    const { res, body } = await attach(editorA, [{ name: "отказ акимата.pdf", bytes: await letterPdf() }], { title: "Akimat's refusal", documentDate: "2024-02-27" });
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ ok: true, count: 1 });
    const row = await newestAttachment();
    expect(row).toMatchObject({ subjectType: "answer", subjectId: answerId, applicationId: caseId, kind: "answer", title: "Akimat's refusal", documentDate: "2024-02-27", fileName: "отказ акимата.pdf", mimeType: "application/pdf", pageCount: 1, isPublic: false, createdByName: "Docs Editor A" });
    const stored = (await storage().get(row.storageKey))!;
    expect(stored.byteLength).toBe(row.size);
    const text = stored.toString("latin1");
    for (const secret of ["Secret", "secretkeyword", "xmpmeta", "/Author", "/Producer", "/Creator"]) expect(text).not.toContain(secret);
    const reread = await PDFDocument.load(stored, { updateMetadata: false });
    expect(reread.getAuthor()).toBeUndefined();
    expect(reread.getProducer()).toBeUndefined();
    expect(reread.catalog.get(PDFName.of("Metadata"))).toBeUndefined();
    // The page and its text are still there.
    expect(reread.getPageCount()).toBe(1);
    const job = await db.job.findFirst({ where: { kind: "attachment.ocr", key: `attachment.ocr:${row.id}` } });
    expect(job).not.toBeNull();
    expect(await db.changeLog.count({ where: { entity: "Attachment", entityId: row.id, action: "create" } })).toBe(1);
  });

  it("re-encodes a photo without its GPS position, camera or owner", async () => {
    const photo = await photoWithGps();
    const before = await sharp(photo).metadata();
    expect(before.exif).toBeDefined();
    expect(photo.toString("latin1")).toContain("Secret Photographer");
    const { body } = await attach(editorA, [{ name: "route.jpg", bytes: photo }], { kind: "evidence", subjectType: "event", subjectId: eventId });
    expect(body).toMatchObject({ ok: true });
    const row = await newestAttachment();
    expect(row.mimeType).toBe("image/jpeg");
    const stored = (await storage().get(row.storageKey))!;
    const after = await sharp(stored).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.width).toBe(64);
    const latin = stored.toString("latin1");
    for (const s of ["Exif", "GPS", "Secret Photographer", "PhoneMaker"]) expect(latin).not.toContain(s);
  });

  it("reads the type from the content: an HTML page named .pdf is refused and nothing is stored", async () => {
    const rows = await db.attachment.count();
    const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script>Looks like a PDF</body></html>");
    const { res, body } = await attach(editorA, [{ name: "letter.pdf", bytes: html }]);
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ ok: false, message: "wrong_type", fileName: "letter.pdf" });
    expect(await db.attachment.count()).toBe(rows);
  });

  it("refuses a whole upload when one of several files is refused, and names it", async () => {
    const rows = await db.attachment.count();
    const { body } = await attach(editorA, [
      { name: "good.pdf", bytes: await letterPdf("ANOTHER PAGE") },
      { name: "notes.txt", bytes: Buffer.from("plain text") },
    ]);
    expect(body).toMatchObject({ ok: false, message: "wrong_type", fileName: "notes.txt" });
    expect(await db.attachment.count()).toBe(rows);
  });

  it("holds each file and each request to the configured size", async () => {
    const rows = await db.attachment.count();
    process.env.TRACKER_MAX_UPLOAD_MB = "0.01"; // 10 KiB
    try {
      const big = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#888" } }).png({ compressionLevel: 0 }).toBuffer();
      expect(big.byteLength).toBeGreaterThan(11 * 1024);
      const { res, body } = await attach(editorA, [{ name: "huge.png", bytes: big }]);
      expect(res.status).toBe(413);
      expect(body).toMatchObject({ ok: false, message: "too_big", fileName: "huge.png" });
      process.env.TRACKER_MAX_UPLOAD_REQUEST_MB = "0.001";
      const whole = await attach(editorA, [{ name: "small.pdf", bytes: await letterPdf() }, { name: "small2.pdf", bytes: await letterPdf("TWO") }]);
      expect(whole.res.status).toBe(413);
      expect(whole.body).toMatchObject({ ok: false, message: "request_too_big" });
    } finally {
      delete process.env.TRACKER_MAX_UPLOAD_MB;
      delete process.env.TRACKER_MAX_UPLOAD_REQUEST_MB;
    }
    expect(await db.attachment.count()).toBe(rows);
  });

  it("works without JavaScript: a plain form post is sent back to the page, keeping what was typed", async () => {
    const { res } = await attach(editorA, [{ name: "fake.pdf", bytes: Buffer.from("<html></html>") }], { title: "Court ruling scan", kind: "court" }, { json: false });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get("location")!, "http://localhost");
    expect(to.pathname).toBe(`/applications/${caseId}`);
    expect(to.searchParams.get("doc_error")).toBe("wrong_type");
    expect(to.searchParams.get("doc_title")).toBe("Court ruling scan");
    expect(to.searchParams.get("doc_kind")).toBe("court");
    const ok = await attach(editorA, [{ name: "ruling.pdf", bytes: await letterPdf("RULING") }], { title: "Ruling" }, { json: false });
    expect(new URL(ok.res.headers.get("location")!, "http://localhost").searchParams.get("doc_added")).toBe("1");
  });

  it("refuses a post from another site, a viewer, another group's editor and an anonymous caller", async () => {
    const rows = await db.attachment.count();
    const pdf = [{ name: "x.pdf", bytes: await letterPdf() }];
    expect((await attach(editorA, pdf, {}, { origin: "https://evil.example" })).res.status).toBe(403);
    expect((await attach(viewerA, pdf)).body).toMatchObject({ ok: false, message: "forbidden" });
    expect((await attach(editorB, pdf)).body).toMatchObject({ ok: false, message: "not_found" });
    expect((await attach(null, pdf)).body).toMatchObject({ ok: false, message: "unauthenticated" });
    expect(await db.attachment.count()).toBe(rows);
  });
});

describe("opening", () => {
  it("serves a member the file with safe headers, and a viewer may read it", async () => {
    const row = await db.attachment.findFirstOrThrow({ where: { fileName: "отказ акимата.pdf" } });
    const res = await open(viewerA, row.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/^sandbox/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="_____ _______.pdf"; filename*=UTF-8''${encodeURIComponent("отказ акимата.pdf")}`);
    expect(Buffer.from(await res.arrayBuffer()).equals((await storage().get(row.storageKey))!)).toBe(true);
    const download = await open(viewerA, row.id, "?download=1");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    const thumb = await openThumb(new Request(`http://localhost/files/${row.id}/thumb`), fileCtx(row.id));
    expect(thumb.status).toBe(200);
    expect(["image/webp", "image/svg+xml"]).toContain(thumb.headers.get("content-type"));
  });

  it("answers 404 to another group, to the public until the file itself is published, and after deletion", async () => {
    const row = await db.attachment.findFirstOrThrow({ where: { fileName: "отказ акимата.pdf" } });
    // The case is public; its file is not.
    expect((await open(editorB, row.id)).status).toBe(404);
    expect((await open(null, row.id)).status).toBe(404);
    expect((await open(editorB, "does-not-exist")).status).toBe(404);
    expect((await getCase(null, caseId)).attachments).toEqual([]);

    session.actor = viewerA;
    expect(await publishAttachmentAction(initialFormState, form({ id: row.id, isPublic: "on", confirmed: "on" }))).toMatchObject({ ok: false, message: "forbidden" });
    session.actor = editorA;
    // Publishing asks for the warning to be acknowledged.
    expect(await publishAttachmentAction(initialFormState, form({ id: row.id, isPublic: "on" }))).toMatchObject({ ok: false });
    await publishAttachmentAction(initialFormState, form({ id: row.id, isPublic: "on", confirmed: "on" })).catch(() => undefined);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: row.id } })).isPublic).toBe(true);
    expect((await open(null, row.id)).status).toBe(200);
    expect((await open(editorB, row.id)).status).toBe(200);
    const seen = (await getCase(null, caseId)).attachments;
    expect(seen.map((a) => a.id)).toEqual([row.id]);
    expect(seen[0].createdByName).toBe("");
    // The open-data API lists it by the same rule.
    const { caseFor } = await import("@/lib/api/serialize");
    expect(caseFor(null, await getCase(null, caseId)).documents.map((d) => d.url)).toEqual([`/files/${row.id}`]);
    // Withdrawn again.
    session.actor = editorA;
    const withdrawn = await publishAttachmentAction(initialFormState, form({ id: row.id })).catch((e: Error) => e.message);
    expect(withdrawn).toMatch(/NEXT_REDIRECT/);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: row.id } })).isPublic).toBe(false);
    expect((await open(null, row.id)).status).toBe(404);
  });

  it("deletes softly, logs it, and removes the bytes once no other row uses them", async () => {
    const pdf = await letterPdf("DELETE ME");
    await attach(editorA, [{ name: "one.pdf", bytes: pdf }]);
    const first = await newestAttachment();
    await attach(editorA, [{ name: "same.pdf", bytes: pdf }]);
    const second = await newestAttachment();
    expect(second.storageKey).toBe(first.storageKey);

    session.actor = viewerA;
    expect(await deleteAttachmentAction(initialFormState, form({ id: first.id }))).toMatchObject({ ok: false, message: "forbidden" });
    session.actor = editorA;
    await deleteAttachmentAction(initialFormState, form({ id: first.id })).catch(() => undefined);
    expect((await db.attachment.findUniqueOrThrow({ where: { id: first.id } })).deletedAt).not.toBeNull();
    expect(await db.changeLog.count({ where: { entity: "Attachment", entityId: first.id, action: "delete" } })).toBe(1);
    expect((await open(editorA, first.id)).status).toBe(404);
    expect(await storage().has(first.storageKey)).toBe(true);
    await deleteAttachmentAction(initialFormState, form({ id: second.id })).catch(() => undefined);
    expect(await storage().has(first.storageKey)).toBe(false);
  });
});

describe("share links and the case file", () => {
  async function link(sections: string[]): Promise<string> {
    session.actor = editorA;
    const state = await createShareLinkAction(initialFormState, form({ applicationId: caseId, expiresInDays: "30", "sections[]": sections }));
    expect(state.ok, JSON.stringify(state)).toBe(true);
    return String(state.data!.path).replace("/s/", "");
  }
  const shared = (token: string, id: string) => sharedFile(new Request(`http://localhost/s/${token}/files/${id}`, { headers: { "x-forwarded-for": "198.51.100.4" } }), { params: Promise.resolve({ token, id }) });

  it("a link without documents cannot fetch a file; one with them lists and serves the files of its sections", async () => {
    const letter = await db.attachment.findFirstOrThrow({ where: { fileName: "отказ акимата.pdf" } });
    const photo = await db.attachment.findFirstOrThrow({ where: { fileName: "route.jpg" } });
    const without = await link(["answers", "events"]);
    expect((await shared(without, letter.id)).status).toBe(404);
    const page = await (await openShared(new Request(`http://localhost/s/${without}`), { params: Promise.resolve({ token: without }) })).text();
    expect(page).not.toContain(`/files/${letter.id}`);

    const withDocs = await link(["answers", "documents"]);
    const res = await shared(withDocs, letter.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/^sandbox/);
    // The event's photo is in a section this link leaves out.
    expect((await shared(withDocs, photo.id)).status).toBe(404);
    const html = await (await openShared(new Request(`http://localhost/s/${withDocs}`), { params: Promise.resolve({ token: withDocs }) })).text();
    expect(html).toContain(`/s/${withDocs}/files/${letter.id}`);
    expect(html).toContain("Akimat&#39;s refusal");
    // A file of another case is not reachable through this link.
    expect((await shared(withDocs, "nonexistent")).status).toBe(404);
  });

  it("the case file PDF lists the documents as exhibits and carries their pages and images", async () => {
    const token = await link(["answers", "events", "documents"]);
    const res = await sharedPdf(new Request(`http://localhost/s/${token}/pdf`, { headers: { "x-forwarded-for": "198.51.100.5" } }), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(200);
    const bundle = Buffer.from(await res.arrayBuffer());
    const doc = await PDFDocument.load(bundle);
    // The case file's own pages, a page for the photo, and the letter's page.
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bundle-"));
    try {
      fs.writeFileSync(path.join(dir, "b.pdf"), bundle);
      const text = execFileSync("pdftotext", ["-layout", path.join(dir, "b.pdf"), "-"]).toString("utf8");
      expect(text).toContain(LETTER);
      expect(text).toMatch(/Exhibit D1/);
      expect(text).toContain("Akimat's refusal");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    session.actor = editorA;
    const mine = await memberPdf(new Request(`http://localhost/applications/${caseId}/case-file/pdf`), { params: Promise.resolve({ id: caseId }) });
    expect((await PDFDocument.load(Buffer.from(await mine.arrayBuffer()))).getPageCount()).toBeGreaterThanOrEqual(3);
  });
});

describe("backup, restore and export", () => {
  it("a backup carries the documents' bytes and a restore puts them back", async () => {
    const { backupDatabase } = await import("@/scripts/backup");
    const { restoreDatabase } = await import("@/scripts/restore");
    const row = await db.attachment.findFirstOrThrow({ where: { fileName: "отказ акимата.pdf" } });
    const original = (await storage().get(row.storageKey))!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-backup-"));
    try {
      const url = process.env.DATABASE_URL!;
      const file = path.join(dir, url.startsWith("postgres") ? "snap.pgdump" : "snap.db");
      const r = await backupDatabase(url, file);
      expect(r.fileCount).toBeGreaterThanOrEqual(2);
      const copy = path.join(r.filesDir, row.storageKey.slice(0, 2), row.storageKey.slice(2, 4), row.storageKey);
      expect(fs.readFileSync(copy).equals(original)).toBe(true);
      expect(fs.statSync(copy).mode & 0o777).toBe(0o600);

      // The server's store loses the file (a disk replaced); the restore brings it back.
      await storage().delete(row.storageKey);
      expect(await storage().has(row.storageKey)).toBe(false);
      const restored = await restoreDatabase(url, file, { keepPrevious: false, migrate: false });
      expect(restored.filesRestored).toBe(r.fileCount);
      expect((await storage().get(row.storageKey))!.equals(original)).toBe(true);
      session.actor = editorA;
      expect((await open(editorA, row.id)).status).toBe(200);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an export lists the documents in a manifest and, when asked, copies their files", async () => {
    const { documentManifest, exportDocumentFiles } = await import("@/lib/data/document-manifest");
    const group = await db.group.findUniqueOrThrow({ where: { slug: "docs-a" } });
    const manifest = await documentManifest(db, { groupId: group.id, filesDir: "files" });
    const letter = manifest.documents.find((d) => d.fileName === "отказ акимата.pdf")!;
    expect(letter).toMatchObject({ mimeType: "application/pdf", subjectType: "answer", subjectId: answerId, title: "Akimat's refusal" });
    expect(manifest.documents.every((d) => d.groupId === group.id)).toBe(true);
    // Deleted documents are not in it.
    expect(manifest.documents.map((d) => d.fileName)).not.toContain("one.pdf");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "docs-export-"));
    try {
      const r = await exportDocumentFiles(manifest, path.join(dir, "files"));
      expect(r.missing).toEqual([]);
      expect(fs.readFileSync(path.join(dir, "files", letter.file!)).equals((await storage().get(letter.sha256))!)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
