// Reading the text of attached documents with the real Tesseract and poppler: a Cyrillic
// image, a PDF with its own text, a scanned PDF; the background job storing text and status,
// retries then "failed", "unavailable" without the programs, a worker killed mid-job; what
// the page says in each state; and the applications search finding a case by its documents'
// text for members only.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createElement as h } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// AttachmentText's progress poll uses the router; nothing here navigates.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
import { db } from "@/lib/db";
import { workOnce } from "@/lib/jobs";
import { registerOcrJobs, requeueUnavailable } from "@/lib/ocr/job";
import { ocrJobKey } from "@/lib/ocr/queue";
import { readDocument } from "@/lib/ocr/read";
import { ocrAvailability } from "@/lib/ocr/tools";
import { splitSentences } from "@/lib/ocr/sentences";
import { listApplications } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { AttachmentText } from "@/components/attachments/AttachmentText";
import { makeActor, makeGroup, renderChecked } from "../support/fixtures";
import { scannedPdf, seedAttachment, textImage, textPdf } from "../support/documents";

const LINES = ["Акимат города Алматы отказывает в проведении", "мирного собрания в связи с ремонтными работами."];
const LONG = 180_000;

let groupId: string;
let appId: string;

beforeAll(async () => {
  registerOcrJobs();
  groupId = (await makeGroup("ocr-group", "OCR group")).id;
  appId = (await db.application.create({ data: { groupId, title: "Women's March 2025", procedure: "notification" } })).id;
});

afterEach(() => {
  delete process.env.TRACKER_TESSERACT;
});

const attachment = (id: string) => db.attachment.findUniqueOrThrow({ where: { id } });
const job = (attachmentId: string) => db.job.findUniqueOrThrow({ where: { key: ocrJobKey(attachmentId) } });

describe("reading documents (real Tesseract and poppler)", () => {
  it("reads a Russian sentence rendered to an image", async () => {
    const { languages } = await ocrAvailability();
    expect(languages).toBe("rus+kaz+eng");
    const r = await readDocument(await textImage(LINES), "image/png", { languages });
    expect(r.pageCount).toBe(1);
    for (const word of ["Акимат", "Алматы", "отказывает", "мирного", "собрания", "ремонтными", "работами"]) expect(r.text).toContain(word);
  }, LONG);

  it("takes a PDF's own text with pdftotext, and reads only its scanned pages with Tesseract", async () => {
    const { languages } = await ocrAvailability();
    const typed = await readDocument(await textPdf(["Отказать в проведении шествия.", "Улица Абая занята ремонтом."]), "application/pdf", { languages });
    expect(typed).toMatchObject({ pageCount: 1, ocrPages: 0 });
    expect(typed.text).toContain("Отказать в проведении шествия.");
    expect(typed.text).toContain("Улица Абая занята ремонтом.");

    const scan = await scannedPdf([await textImage(LINES), await textImage(["Аким города подписал письмо."])]);
    const read = await readDocument(scan, "application/pdf", { languages });
    expect(read).toMatchObject({ pageCount: 2, ocrPages: 2 });
    for (const word of ["Акимат", "ремонтными", "подписал", "письмо"]) expect(read.text).toContain(word);
    // Page order is kept.
    expect(read.text.indexOf("Акимат")).toBeLessThan(read.text.indexOf("подписал"));
  }, LONG);

  it("cuts the text into sentences to take a reason from, joining lines a page broke", () => {
    expect(splitSentences("Акимат города Алматы отказывает в проведении\n\nмирного собрания в связи с ремонтными работами. Ул. Абая занята.\n\nИсх. № 12-3/45")).toEqual([
      "Акимат города Алматы отказывает в проведении мирного собрания в связи с ремонтными работами.",
      "Ул. Абая занята.",
      "Исх. № 12-3/45",
    ]);
  });
});

describe("the OCR job", () => {
  it("stores the text, the page count and the status of an attached scan", async () => {
    const scan = await scannedPdf([await textImage(LINES)]);
    const a = await seedAttachment(db, { groupId, applicationId: appId, bytes: scan, mimeType: "application/pdf" });
    expect(a.ocrStatus).toBe("pending");
    expect(await workOnce({ db })).toMatchObject({ done: 1, failed: 0 });
    const row = await attachment(a.id);
    expect(row).toMatchObject({ ocrStatus: "done", pageCount: 1, ocrError: "" });
    expect(row.ocrText).toContain("ремонтными");
    expect(await job(a.id)).toMatchObject({ status: "done", attempts: 1 });
    // Done is done: nothing is read again.
    expect(await workOnce({ db })).toMatchObject({ done: 0 });
  }, LONG);

  it("marks a document unavailable when this server has no Tesseract, and the app goes on", async () => {
    process.env.TRACKER_TESSERACT = "/nonexistent/tesseract";
    const a = await seedAttachment(db, { groupId, applicationId: appId, bytes: await textImage(["Пикет"]), mimeType: "image/png" });
    expect(await workOnce({ db })).toMatchObject({ done: 1, failed: 0 });
    expect(await attachment(a.id)).toMatchObject({ ocrStatus: "unavailable", ocrText: "", ocrError: "not_installed" });
    // The hourly recheck leaves it while the programs are still missing…
    expect(await requeueUnavailable(db, new Date())).toBe(0);
    // …and once they are installed, the document is read after all.
    delete process.env.TRACKER_TESSERACT;
    expect(await requeueUnavailable(db, new Date())).toBe(1);
    expect(await attachment(a.id)).toMatchObject({ ocrStatus: "pending", ocrError: "" });
    expect(await workOnce({ db })).toMatchObject({ done: 1 });
    expect(await attachment(a.id)).toMatchObject({ ocrStatus: "done" });
    expect((await attachment(a.id)).ocrText).toContain("Пикет");
  }, LONG);

  it("a file OCR does not read is marked none", async () => {
    const a = await seedAttachment(db, { groupId, applicationId: appId, bytes: new TextEncoder().encode("RIFF....WAVE"), mimeType: "audio/wav" });
    await workOnce({ db });
    expect(await attachment(a.id)).toMatchObject({ ocrStatus: "none" });
  });

  it("retries an unreadable file up to the queue's limit, then says it failed and why", async () => {
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("not really a picture")]);
    const a = await seedAttachment(db, { groupId, applicationId: appId, bytes: broken, mimeType: "image/png" });
    let now = Date.now();
    expect(await workOnce({ db, now: () => new Date(now) })).toMatchObject({ retried: 1 });
    // Between tries the page still says it is being read.
    expect(await attachment(a.id)).toMatchObject({ ocrStatus: "pending", ocrError: "unreadable" });
    now += 3_600_000;
    expect(await workOnce({ db, now: () => new Date(now) })).toMatchObject({ retried: 1 });
    now += 3_600_000;
    expect(await workOnce({ db, now: () => new Date(now) })).toMatchObject({ failed: 1 });
    expect(await attachment(a.id)).toMatchObject({ ocrStatus: "failed", ocrError: "unreadable", ocrText: "" });
    expect(await job(a.id)).toMatchObject({ status: "failed", attempts: 3 });
  }, LONG);

  it("a worker killed in the middle of a long PDF: another picks the job up when the lease runs out, and the text is stored once", async () => {
    const page = await textImage(LINES);
    const a = await seedAttachment(db, { groupId, applicationId: appId, bytes: await scannedPdf(Array.from({ length: 6 }, () => page)), mimeType: "application/pdf" });
    const worker = startWorkerProcess();
    try {
      await until(async () => (await attachment(a.id)).ocrStatus === "running", 90_000);
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      // Really gone: no process of it is left to finish the job.
      expect(() => process.kill(worker.pid!, 0)).toThrow();
    } finally {
      if (worker.exitCode === null) worker.kill("SIGKILL");
    }
    // Killed mid-job: the attachment still says it is being read, the job is leased to the dead worker.
    expect((await attachment(a.id)).ocrStatus).toBe("running");
    const held = await job(a.id);
    expect(held).toMatchObject({ status: "pending", attempts: 1 });
    expect(held.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Before the lease ends nobody else takes it; after, another worker does.
    expect(await workOnce({ db, workerId: "second" })).toMatchObject({ done: 0 });
    const later = new Date(held.lockedUntil!.getTime() + 1000);
    expect(await workOnce({ db, workerId: "second", now: () => later })).toMatchObject({ done: 1 });
    const row = await attachment(a.id);
    expect(row).toMatchObject({ ocrStatus: "done", pageCount: 6 });
    expect(row.ocrText.match(/ремонтными/g)?.length).toBe(6);
    expect(await db.job.count({ where: { key: ocrJobKey(a.id) } })).toBe(1);
    expect(await job(a.id)).toMatchObject({ status: "done", attempts: 2, lockedBy: "second" });
  }, LONG);
});

describe("the recognised text on the page", () => {
  it("says reading, unavailable, failed or shows the text, in each language", () => {
    const show = (a: Partial<{ ocrStatus: string; ocrText: string; ocrError: string; pageCount: number }>, locale: "en" | "ru" | "kk" = "en") =>
      renderChecked(h(AttachmentText, { attachment: { id: "a1", ocrStatus: "pending", ocrText: "", ...a } }), locale);
    expect(show({ ocrStatus: "pending" })).toContain("Reading the text…");
    expect(show({ ocrStatus: "running" }, "ru")).toContain("Распознаём текст…");
    expect(show({ ocrStatus: "running" }, "kk")).toContain("Мәтін танылуда…");
    expect(show({ ocrStatus: "unavailable" })).toContain("OCR is unavailable on this server");
    expect(show({ ocrStatus: "failed", ocrError: "timeout" })).toContain("Could not read the text: the document took too long to read");
    expect(show({ ocrStatus: "failed", ocrError: "unreadable" }, "ru")).toContain("Не удалось распознать текст: файл не удалось прочитать");
    expect(show({ ocrStatus: "none" })).toBe("");
    const short = show({ ocrStatus: "done", ocrText: "Отказать в проведении шествия." });
    expect(short).toContain("Отказать в проведении шествия.");
    expect(short).not.toContain("<details");
    const long = show({ ocrStatus: "done", ocrText: "Строка письма.\n".repeat(40), pageCount: 3 }, "kk");
    expect(long).toContain("<details");
    expect(long).toContain("Танылған мәтін, беттер саны: 3");
  });
});

describe("searching applications by their documents' text", () => {
  it("finds a case by its documents' text for members; others only through a file published on its own", async () => {
    const other = (await makeGroup("ocr-other", "Other")).id;
    const member = await makeActor("ocr-member", [[groupId, "viewer"]]);
    const outsider = await makeActor("ocr-outsider", [[other, "editor"]]);
    const q = (text: string) => applicationFiltersSchema.parse({ q: text });
    const ids = async (actor: typeof member | null, text: string) => (await listApplications(actor, q(text))).items.map((i) => i.id);

    const privateCase = (await db.application.create({ data: { groupId, title: "Picket 2025", procedure: "notification" } })).id;
    const publicCase = (await db.application.create({ data: { groupId, title: "Rally 2025", procedure: "notification", isPublic: true } })).id;
    const text = (s: string) => ({ ocrStatus: "done", ocrText: `Акимат сообщает: ${s} невозможно.` });
    const put = async (applicationId: string, word: string, extra: { isPublic?: boolean; deletedAt?: Date } = {}) => {
      const a = await seedAttachment(db, { groupId, applicationId, bytes: new TextEncoder().encode(word), mimeType: "image/png" });
      await db.attachment.update({ where: { id: a.id }, data: { ...text(word), ...extra } });
    };
    await put(privateCase, "Кызылжарское");
    await put(publicCase, "Жетысуйское");
    await put(publicCase, "Медеуское", { isPublic: true });
    await put(publicCase, "Бостандыкское", { deletedAt: new Date() });

    // Members find their case by its documents' text (any case, any letter case).
    expect(await ids(member, "кызылжарское")).toEqual([privateCase]);
    expect(await ids(member, "Жетысуйское")).toEqual([publicCase]);
    // Others: not a private case's file, not an unpublished file of a published case.
    expect(await ids(outsider, "Кызылжарское")).toEqual([]);
    expect(await ids(null, "Жетысуйское")).toEqual([]);
    expect(await ids(outsider, "Жетысуйское")).toEqual([]);
    // A file published on its own, on a published case, is searchable by everyone.
    expect(await ids(null, "Медеуское")).toEqual([publicCase]);
    expect(await ids(outsider, "Медеуское")).toEqual([publicCase]);
    // A deleted file matches no one.
    expect(await ids(member, "Бостандыкское")).toEqual([]);
    // A published file of a case that is made private again stops matching for others.
    await db.application.update({ where: { id: publicCase }, data: { isPublic: false } });
    expect(await ids(null, "Медеуское")).toEqual([]);
    expect(await ids(member, "Медеуское")).toEqual([publicCase]);
  });
});

/** `npm run worker` as its own process, on this test's database and file store. */
function startWorkerProcess(): ChildProcess {
  const root = path.resolve(__dirname, "../..");
  // One process (tsx as a loader, not its CLI, which would run the script in a child that a
  // kill of the parent leaves running).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, TRACKER_WORKER_POLL_MS: "200", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}
