// Filings drafted from a case, end to end below the browser: the DOCX opens and carries the
// filled Russian text, the PDF's text has it (read by poppler's pdftotext), a viewer cannot
// generate, another group's case answers 404, a saved version appears with its author, and
// "filed on …" updates the case. Templates are versioned by operators.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { draftFilingAction, markFiledAction, saveTemplateAction } from "@/lib/actions/filings";
import { currentTemplate, listGeneratedFilings, readGeneratedFiling } from "@/lib/data/filings";
import { NotFoundError } from "@/lib/errors";
import { loadReference } from "@/prisma/seed/reference";
import { loadHistory } from "@/prisma/seed/load-history";
import { GET as downloadGET, POST as downloadPOST } from "@/app/(app)/applications/[id]/filings/[kind]/download/route";
import { GET as savedGET } from "@/app/(app)/applications/[id]/filings/saved/[fileId]/route";
import { makeActor, run, twoGroups, type Entries } from "../support/fixtures";
import { session } from "../support/session";

vi.mock("@/lib/auth/session", () => import("../support/session"));

let cast: Awaited<ReturnType<typeof twoGroups>>;
let caseId: string;
let publicCaseId: string;

const REFUSAL_WORDS = "На площади Республики запланированы ремонтные работы";

beforeAll(async () => {
  await loadReference(db);
  cast = await twoGroups();
  const authority = await db.authority.create({ data: { name: "Akimat of Almaty", nameRu: "Акимат города Алматы", kind: "akimat", city: "Almaty" } });
  const person = await db.person.create({ data: { groupId: cast.groupA, fullName: "Айгерим Тестова", idNumber: "990101400123", address: "Алматы, ул. Абая 1" } });
  const works = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });
  const security = await db.refusalGround.findUniqueOrThrow({ where: { code: "security_threat" } });
  const make = async (title: string, isPublic: boolean) => {
    const app = await db.application.create({
      data: {
        groupId: cast.groupA,
        isPublic,
        title,
        procedure: "notification",
        authorityId: authority.id,
        city: "Almaty",
        purpose: "Против домашнего насилия",
        filedOn: "2026-10-01",
        registrationNumber: "ЖТ-77",
        status: "answered",
        outcome: "refused",
        organizers: { create: { groupId: cast.groupA } },
        applicants: { create: { personId: person.id } },
        parts: { create: { form: "rally", place: "Площадь Республики", eventDate: "2026-10-20", startTime: "12:00", endTime: "14:00", expectedParticipants: 300, outcome: "refused" } },
      },
      include: { parts: true },
    });
    await db.answer.create({
      data: {
        applicationId: app.id,
        receivedOn: "2026-10-06",
        referenceNumber: "ЗТ-Б-1234",
        statedReason: REFUSAL_WORDS,
        outcome: "refused",
        partOutcomes: { create: { partId: app.parts[0].id, outcome: "refused" } },
        grounds: { create: [{ groundId: works.id, words: "ремонтные работы" }, { groundId: security.id, words: "угроза общественному порядку" }] },
      },
    });
    return app.id;
  };
  caseId = await make("Митинг на площади Республики", false);
  publicCaseId = await make("Открытое дело", true);
});

const entries = (over: Entries = {}): Entries => ({ applicationId: caseId, kind: "complaint", locale: "ru", ...over });

function post(url: string, fields: Entries): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return new Request(`http://localhost${url}`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
}

async function download(actor: typeof cast.editorA | null, id: string, fields: Entries) {
  session.actor = actor;
  return downloadPOST(post(`/applications/${id}/filings/complaint/download`, fields), { params: Promise.resolve({ id, kind: "complaint" }) });
}

async function documentXml(bytes: ArrayBuffer | Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  // Runs split text; the text of the <w:t> elements, joined per paragraph, is what Word shows.
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .join("\n")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "filing-pdf-"));
  try {
    const file = path.join(dir, "f.pdf");
    fs.writeFileSync(file, bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("downloading a drafted complaint", () => {
  it("gives a DOCX that opens, with the refusal's words, each ground answered, the deadline, the member's edit and the group's own applicant", async () => {
    const res = await download(cast.editorA, caseId, entries({ format: "docx", edit_relief: "- отменить отказ {{authority.name}} немедленно." }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="complaint-ru-\d{4}-\d{2}-\d{2}\.docx"/);
    const text = await documentXml(await res.arrayBuffer());
    expect(text).toContain("Административная жалоба на отказ в проведении мирного собрания");
    expect(text).toContain(`«${REFUSAL_WORDS}»`);
    expect(text).toContain("Строительные или ремонтные работы на месте (Art. 14(1)(7))");
    expect(text).toContain("Конституционный Суд РК, нормативное постановление № 61-НП");
    expect(text).toContain("Замечание № 37: общественный порядок и безопасность");
    expect(text).toContain("не позднее 6 января 2027 г.");
    expect(text).toContain("отменить отказ Акимат города Алматы немедленно.");
    expect(text).toContain("Айгерим Тестова, ИИН 990101400123, адрес: Алматы, ул. Абая 1");
    // A missing value is marked, never blank: no complaint body is recorded on this case.
    expect(text).toContain("[орган, рассматривающий жалобу, не указан]");
  });

  it("gives a PDF whose text has the same filled Russian", async () => {
    session.actor = cast.editorA;
    const res = await downloadGET(new Request(`http://localhost/applications/${caseId}/filings/complaint/download?locale=ru&format=pdf`), { params: Promise.resolve({ id: caseId, kind: "complaint" }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("Административная жалоба");
    expect(text).toContain(REFUSAL_WORDS);
    expect(text).toContain("Акимат города Алматы");
    expect(text).toContain("61-НП");
  });

  it("refuses a viewer with a clear message, and answers 404 for another group's case, private or public", async () => {
    const viewer = await download(cast.viewerA, caseId, entries({ format: "docx" }));
    expect(viewer.status).toBe(403);
    expect(await viewer.text()).toMatch(/Готовить документы могут только редакторы/);
    expect((await run(cast.viewerA, draftFilingAction, entries())).state?.message).toBe("forbidden");

    for (const id of [caseId, publicCaseId]) {
      const other = await download(cast.editorB, id, entries({ applicationId: id, format: "docx" }));
      expect(other.status).toBe(404);
      expect((await run(cast.editorB, draftFilingAction, entries({ applicationId: id }))).state?.message).toBe("not_found");
    }
  });
});

describe("saving a version to the case", () => {
  it("stores the DOCX and the PDF as generated attachments with their author and case version, readable by the group only", async () => {
    const preview = await run(cast.editorA, draftFilingAction, entries({ intent: "preview", edit_relief: "- признать отказ незаконным." }));
    const doc = preview.state?.data?.document as { sections: { key: string; edited: boolean }[] };
    expect(doc.sections.find((s) => s.key === "relief")?.edited).toBe(true);
    expect(await db.attachment.count()).toBe(0);

    const saved = await run(cast.editorA, draftFilingAction, entries({ intent: "save", edit_relief: "- признать отказ незаконным." }));
    expect(saved.redirect).toBe(`/applications/${caseId}/filings?saved=1`);
    const files = await listGeneratedFilings(cast.viewerA, caseId);
    expect(files.map((f) => f.mimeType).sort()).toEqual(["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);
    const app = await db.application.findUniqueOrThrow({ where: { id: caseId } });
    for (const f of files) {
      expect(f).toMatchObject({ createdByName: "editor-a", filingKind: "complaint", filingLocale: "ru", caseVersion: app.version, templateVersion: 1 });
      expect(f.title).toMatch(/^Административная жалоба — проект \d{4}-\d{2}-\d{2}$/);
    }
    // We wrote these files: no OCR job for them.
    const rows = await db.attachment.findMany();
    expect(rows.every((r) => r.kind === "generated" && r.ocrStatus === "none" && r.subjectType === "application" && r.subjectId === caseId)).toBe(true);
    expect(await db.job.count({ where: { kind: "attachment.ocr" } })).toBe(0);
    expect(await db.changeLog.count({ where: { caseId, entity: "Attachment", action: "create" } })).toBe(2);

    const docx = files.find((f) => f.fileName.endsWith(".docx"))!;
    session.actor = cast.viewerA;
    const res = await savedGET(new Request("http://localhost/x"), { params: Promise.resolve({ id: caseId, fileId: docx.id }) });
    expect(res.status).toBe(200);
    expect(await documentXml(await res.arrayBuffer())).toContain("признать отказ незаконным.");
    session.actor = cast.editorB;
    expect((await savedGET(new Request("http://localhost/x"), { params: Promise.resolve({ id: caseId, fileId: docx.id }) })).status).toBe(404);
    expect(await listGeneratedFilings(cast.editorB, caseId)).toEqual([]);
    await expect(readGeneratedFiling(cast.editorB, caseId, docx.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("records 'filed on …, number …': the complaint becomes the case's complaint stage, logged", async () => {
    const docx = (await listGeneratedFilings(cast.editorA, caseId)).find((f) => f.fileName.endsWith(".docx"))!;
    const bad = await run(cast.editorA, markFiledAction, { applicationId: caseId, attachmentId: docx.id, filedOn: "", number: "" });
    expect(bad.state?.errors?.filedOn).toBeDefined();
    expect(await db.appealStage.count({ where: { applicationId: caseId } })).toBe(0);
    expect((await run(cast.viewerA, markFiledAction, { applicationId: caseId, attachmentId: docx.id, filedOn: "2026-11-02", number: "ЖБ-1" })).state?.message).toBe("forbidden");

    const ok = await run(cast.editorA, markFiledAction, { applicationId: caseId, attachmentId: docx.id, filedOn: "2026-11-02", number: "ЖБ-1" });
    expect(ok.redirect).toBe(`/applications/${caseId}/filings?filed=1`);
    const stage = await db.appealStage.findFirstOrThrow({ where: { applicationId: caseId } });
    expect(stage).toMatchObject({ kind: "complaint", filedOn: "2026-11-02", caseNumber: "ЖБ-1" });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: docx.id } })).filedOn).toBe("2026-11-02");
    expect(await db.changeLog.count({ where: { caseId, entity: "AppealStage", action: "create" } })).toBe(1);
    expect((await db.application.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("under_appeal");
  });

  it("a filed notification updates the application's filing date and registration number", async () => {
    const saved = await run(cast.editorA, draftFilingAction, entries({ kind: "notification", intent: "save" }));
    expect(saved.redirect).toBeTruthy();
    const docx = (await listGeneratedFilings(cast.editorA, caseId)).find((f) => f.filingKind === "notification" && f.fileName.endsWith(".docx"))!;
    await run(cast.editorA, markFiledAction, { applicationId: caseId, attachmentId: docx.id, filedOn: "2026-09-30", number: "ЖТ-100" });
    const app = await db.application.findUniqueOrThrow({ where: { id: caseId } });
    expect(app).toMatchObject({ filedOn: "2026-09-30", registrationNumber: "ЖТ-100" });
    const log = await db.changeLog.findFirstOrThrow({ where: { caseId, entity: "Application" }, orderBy: { at: "desc" } });
    expect(JSON.parse(log.after)).toMatchObject({ filedOn: "2026-09-30", registrationNumber: "ЖТ-100" });
  });
});

describe("the templates", () => {
  it("an operator's edit is a new version (the old stays) and the next draft uses it; a broken text or a non-operator changes nothing", async () => {
    const operator = await makeActor("operator", [], { isOperator: true });
    const base = await currentTemplate("complaint", "ru");
    const texts = Object.fromEntries(base.sections.map((s) => [`text_${s.key}`, s.text]));
    const broken = await run(operator, saveTemplateAction, { kind: "complaint", locale: "ru", baseVersion: "1", title: base.title, ...texts, text_relief: "{{#if refusal}}без конца" });
    expect(broken.state?.errors?.text_relief).toEqual(["template_syntax"]);
    const unknown = await run(operator, saveTemplateAction, { kind: "complaint", locale: "ru", baseVersion: "1", title: base.title, ...texts, text_relief: "{{authority.nmae}}" });
    expect(unknown.state?.errors?.text_relief).toEqual(["template_unknown_name"]);
    expect((await run(cast.editorA, saveTemplateAction, { kind: "complaint", locale: "ru", baseVersion: "1", title: "X", ...texts })).state?.message).toBe("forbidden");
    expect(await db.filingTemplate.count({ where: { kind: "complaint", locale: "ru" } })).toBe(1);

    const saved = await run(operator, saveTemplateAction, { kind: "complaint", locale: "ru", baseVersion: "1", title: "Жалоба (ред. 2)", ...texts, text_relief: "- Прошу отменить отказ {{authority.name}}." });
    expect(saved.state).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await db.filingTemplate.count({ where: { kind: "complaint", locale: "ru" } })).toBe(2);
    const stale = await run(operator, saveTemplateAction, { kind: "complaint", locale: "ru", baseVersion: "1", title: "Старое", ...texts });
    expect(stale.state?.message).toBe("conflict");

    const res = await download(cast.editorA, caseId, entries({ format: "docx" }));
    const text = await documentXml(await res.arrayBuffer());
    expect(text).toContain("Жалоба (ред. 2)");
    expect(text).toContain("Прошу отменить отказ Акимат города Алматы.");
    // Seeding again leaves the operator's versions alone.
    await loadReference(db);
    expect((await currentTemplate("complaint", "ru")).version).toBe(2);
  });

  it("the documented 2024 march drafts an appeal in Kazakh naming the court's ruling", async () => {
    await loadHistory(db);
    const group = await db.group.findFirstOrThrow({ where: { slug: "8marchkz" } });
    const editor = await makeActor("editor-8march", [[group.id, "editor"]]);
    session.actor = editor;
    const res = await downloadGET(new Request("http://localhost/x?locale=kk&format=docx"), { params: Promise.resolve({ id: "hist-app-2023-03-20-march-2024", kind: "appeal" }) });
    expect(res.status).toBe(200);
    const text = await documentXml(await res.arrayBuffer());
    expect(text).toContain("Апелляциялық шағым");
    expect(text).toContain("2023 ж. 21 сәуір");
    expect(text).toContain("2023 ж. 22 мамыр кешіктірмей");
    expect(text).toContain("«a threat to public security»");
  });
});
