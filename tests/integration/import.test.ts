// Spreadsheet import (Settings → Import): a 500-row Russian CSV with mixed date formats goes
// through upload → preview → confirm, with duplicates and errors reported by row; cancelling,
// or confirming while errors are not skipped, writes nothing; XLSX the same; a member of another
// group (or another member of the same group) can neither see nor confirm someone's upload; a
// JSON export imports into a group that already has data, its repeats reported as duplicates.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup, run } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages } = await import("@/lib/i18n/catalogue");
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: session.locale, messages: loadMessages(session.locale), namespace: namespace as never }) };
});

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { POST as upload } from "@/app/(app)/settings/import/upload/route";
import { GET as template } from "@/app/(app)/settings/import/template/route";
import { cancelImportAction, confirmImportAction, saveImportMappingAction } from "@/lib/actions/import";
import { previewImport } from "@/lib/data/import-batches";
import { exportData, exportToJson } from "@/lib/data/export";
import { listApplications } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { NotFoundError } from "@/lib/errors";
import { IMPORT_FIELDS } from "@/lib/domain/import-values";
import { loadMessages } from "@/lib/i18n/catalogue";

const GEN_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
const KK = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];
const FORMS = ["Шествие", "Митинг", "Пикет", "Собрание", "Демонстрация"];
const FORM_CODES = ["march", "rally", "picket", "meeting", "demonstration"];
const OUTCOMES = ["Отказ", "Согласовано", "", "Нет ответа"];
const HEADER = ["№", "Название", "Дата подачи", "Орган", "Город", "Форма", "Дата проведения", "Место", "Результат", "Дата ответа", "Причина отказа", "Заявители"];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayOf = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * 5 * 86_400_000);
/** The filing date written four ways, by row: dd.mm.yyyy, yyyy-mm-dd, «12 марта 2023 г.», «2023 жылғы 12 наурыз». */
function written(d: Date, i: number): string {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const dd = String(day).padStart(2, "0");
  const mm = String(m + 1).padStart(2, "0");
  return [`${dd}.${mm}.${y}`, `${y}-${mm}-${dd}`, `${day} ${GEN_RU[m]} ${y} г.`, `${y} жылғы ${day} ${KK[m]}`][i % 4];
}

const ALMATY = "Акимат города Алматы";
const SHYMKENT = "Акимат города Шымкент";
const authorityOf = (i: number) => (i % 2 ? ALMATY : SHYMKENT);

/** 500 rows: 490 new, 5 duplicates (3 of stored records, 2 of rows above), 5 errors. */
function sheetRows(count = 500, opts: { errors?: boolean; title?: string; dates?: (d: Date, i: number) => string | Date } = {}): (string | Date)[][] {
  const rows: (string | Date)[][] = [];
  const date = opts.dates ?? written;
  for (let i = 0; i < count; i++) {
    const d = dayOf(i);
    const outcome = OUTCOMES[i % 4];
    rows.push([
      String(i + 1),
      `${opts.title ?? "Заявление"} ${i + 1}`,
      date(d, i),
      authorityOf(i),
      i % 2 ? "Алматы" : "Шымкент",
      FORMS[i % 5],
      written(new Date(d.getTime() + 20 * 86_400_000), i + 1),
      "площадь Республики",
      outcome,
      outcome ? iso(new Date(d.getTime() + 4 * 86_400_000)).split("-").reverse().join(".") : "",
      outcome === "Отказ" ? "Проведение ремонтных работ" : "",
      i % 10 === 0 ? "Иванова Айгерим; Петрова Дана" : "",
    ]);
  }
  if (opts.errors !== false) {
    rows[100][2] = "31.02.2023";
    rows[200][5] = "Флешмоб";
    rows[300][5] = "";
    rows[400][8] = "может быть";
    rows[450][6] = "вчера";
    rows[480] = [...rows[20].slice(0, 1), "Повтор строки 22", ...rows[20].slice(2)];
    rows[490] = [...rows[21].slice(0, 1), "Повтор строки 23", ...rows[21].slice(2)];
  }
  return rows;
}

const csvOf = (rows: (string | Date)[][], header = HEADER) =>
  [header, ...rows].map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(";")).join("\r\n");

async function xlsxOf(rows: (string | Date)[][], header = HEADER): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Заявления");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The upload form posted as a browser does; returns where the browser is sent. */
async function post(actor: Actor | null, groupId: string, fileName: string, bytes: Uint8Array | string, kind: "sheet" | "json" = "sheet"): Promise<{ status: number; location: string }> {
  session.actor = actor;
  const fd = new FormData();
  fd.append("kind", kind);
  fd.append("groupId", groupId);
  fd.append("file", new File([bytes as BlobPart], fileName));
  const res = await upload(new Request("http://localhost/settings/import/upload", { method: "POST", body: fd, headers: { origin: "http://localhost" } }));
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

async function uploaded(actor: Actor, groupId: string, fileName: string, bytes: Uint8Array | string, kind: "sheet" | "json" = "sheet"): Promise<string> {
  const r = await post(actor, groupId, fileName, bytes, kind);
  expect(r.location, JSON.stringify(r)).toMatch(/^\/settings\/import\/[A-Za-z0-9_-]{20,}$/);
  return r.location.split("/").pop()!;
}

const counts = async (groupId: string) => ({
  applications: await db.application.count({ where: { groupId } }),
  people: await db.person.count({ where: { groupId } }),
  authorities: await db.authority.count(),
  history: await db.changeLog.count(),
});

let kazfem: string;
let feminita: string;
let svet: string;
let editor: Actor;
let colleague: Actor;
let viewer: Actor;
let admin: Actor;
let outsider: Actor;
let feminitaEditor: Actor;

beforeAll(async () => {
  await loadReference(db);
  kazfem = (await makeGroup("kazfem", "KazFem")).id;
  feminita = (await makeGroup("feminita", "Feminita")).id;
  svet = (await makeGroup("svet", "Svet")).id;
  editor = await makeActor("Aigerim", [[kazfem, "editor"]]);
  colleague = await makeActor("Dana", [[kazfem, "editor"]]);
  viewer = await makeActor("Viewer", [[kazfem, "viewer"]]);
  admin = await makeActor("Admin", [[kazfem, "admin"], [svet, "admin"]]);
  outsider = await makeActor("Outsider", [[feminita, "admin"]]);
  feminitaEditor = await makeActor("Feminita editor", [[feminita, "editor"]]);
  // The group already has data: three of its records are filed on the days of rows 13, 15, 17.
  const almaty = await db.authority.create({ data: { name: ALMATY, kind: "akimat", city: "Алматы" } });
  for (const i of [11, 13, 15]) {
    await db.application.create({
      data: { groupId: kazfem, title: `Записано раньше ${i}`, procedure: "approval", authorityId: almaty.id, city: "Алматы", filedOn: iso(dayOf(i)), parts: { create: { form: FORM_CODES[i % 5] } }, organizers: { create: { groupId: kazfem } } },
    });
  }
});

describe("a 500-row Russian CSV", () => {
  let id: string;

  it("is read with its columns found from the Russian headers, mixed dates read, duplicates and errors reported by row", async () => {
    id = await uploaded(editor, kazfem, "заявления.csv", csvOf(sheetRows()));
    const p = await previewImport(editor, id);
    expect(p.rows).toHaveLength(500);
    expect(p.counts).toEqual({ new: 490, duplicate: 5, error: 5 });
    expect(p.mapping).toMatchObject({ title: 1, filedOn: 2, authority: 3, city: 4, form: 5, eventDate: 6, place: 7, outcome: 8, answeredOn: 9, statedReason: 10, applicants: 11 });

    const row = (n: number) => p.rows.find((r) => r.row === n)!;
    // Row numbers are the spreadsheet's: the header is row 1, so data row i is row i + 2.
    for (const i of [0, 1, 2, 3]) expect(row(i + 2).record?.filedOn, `row ${i + 2}: ${written(dayOf(i), i)}`).toBe(iso(dayOf(i)));
    expect(row(4).cells.find((c) => c.field === "filedOn")).toMatchObject({ raw: `${dayOf(2).getUTCDate()} ${GEN_RU[dayOf(2).getUTCMonth()]} ${dayOf(2).getUTCFullYear()} г.`, read: iso(dayOf(2)), precision: "day" });
    expect(row(2).record?.parts[0].form).toBe("march");
    expect(row(2).record?.answers[0].outcomes[0].outcome).toBe("refused");
    expect(row(3).record?.answers[0].outcomes[0].outcome).toBe("approved");
    expect(row(4).record?.answers).toEqual([]);
    expect(row(2).record?.applicants.map((a) => a.fullName)).toEqual(["Иванова Айгерим", "Петрова Дана"]);

    const errors = p.rows.filter((r) => r.status === "error").map((r) => [r.row, r.problems.map((x) => x.key).join(",")]);
    expect(errors).toEqual([
      [102, "date_unreadable"],
      [202, "form_unknown"],
      [302, "form_missing"],
      [402, "outcome_unknown"],
      [452, "date_unreadable"],
    ]);
    expect(row(102).problems[0]).toMatchObject({ field: "filedOn", value: "31.02.2023" });
    const dups = p.rows.filter((r) => r.status === "duplicate");
    expect(dups.map((r) => r.row)).toEqual([13, 15, 17, 482, 492]);
    expect(row(13).duplicateOf?.title).toBe("Записано раньше 11");
    expect(row(482).duplicateOf).toEqual({ row: 22 });
    expect(row(492).duplicateOf).toEqual({ row: 23 });
    expect(row(2).authority).toEqual({ name: SHYMKENT, known: false });
    expect(row(3).authority).toEqual({ name: ALMATY, known: true });
  });

  it("writes nothing while errors are not chosen to be skipped", async () => {
    const before = await counts(kazfem);
    const r = await run(editor, confirmImportAction, { id });
    expect(r.redirect).toBe(`/settings/import/${id}?error=has_errors#confirm`);
    expect(await counts(kazfem)).toEqual(before);
  });

  it("another member, of this group or another, cannot see or confirm it", async () => {
    const before = await counts(kazfem);
    for (const other of [colleague, outsider, admin, viewer]) {
      await expect(previewImport(other, id)).rejects.toBeInstanceOf(NotFoundError);
      const r = await run(other, confirmImportAction, { id, skipErrors: "on" });
      expect(r.state).toMatchObject({ ok: false, message: "not_found" });
      const c = await run(other, cancelImportAction, { id });
      expect(c.state).toMatchObject({ ok: false, message: "not_found" });
    }
    const anon = await run(null, confirmImportAction, { id, skipErrors: "on" });
    expect(anon.state).toMatchObject({ ok: false, message: "unauthenticated" });
    expect(await counts(kazfem)).toEqual(before);
    expect(await db.importBatch.count({ where: { id } })).toBe(1);
  });

  it("imports the 490 good rows in one go, each logged as imported by the member, into a group that already has data", async () => {
    const before = await counts(kazfem);
    const r = await run(editor, confirmImportAction, { id, skipErrors: "on" });
    expect(r.redirect).toBe("/settings/import?imported=490");
    const after = await counts(kazfem);
    expect(after.applications - before.applications).toBe(490);
    // One new authority (Shymkent); the known one is reused.
    expect(after.authorities - before.authorities).toBe(1);
    expect(await db.authority.count({ where: { name: ALMATY } })).toBe(1);
    // Row 2's two applicants become two private people, reused by the later rows that name them.
    expect(after.people - before.people).toBe(2);
    expect(await db.person.count({ where: { groupId: kazfem, isPublic: true } })).toBe(0);
    const logged = await db.changeLog.findMany({ where: { action: "import", entity: "Application" } });
    expect(logged).toHaveLength(490);
    expect(new Set(logged.map((l) => l.userId))).toEqual(new Set([editor.userId]));
    expect(JSON.parse(logged[0].after)).toMatchObject({ importedFrom: "заявления.csv" });

    const app = await db.application.findFirstOrThrow({ where: { groupId: kazfem, title: "Заявление 3" }, include: { parts: true, answers: true, authority: true } });
    expect(app).toMatchObject({ isPublic: false, filedOn: iso(dayOf(2)), filedOnPrecision: "day", procedure: "notification", city: "Шымкент" });
    expect(app.parts[0]).toMatchObject({ form: "picket", place: "площадь Республики", eventDate: iso(new Date(dayOf(2).getTime() + 20 * 86_400_000)) });
    expect(app.answers).toEqual([]);
    const refused = await db.application.findFirstOrThrow({ where: { groupId: kazfem, title: "Заявление 1" }, include: { answers: { include: { partOutcomes: true } } } });
    expect(refused.outcome).toBe("refused");
    expect(refused.answers[0]).toMatchObject({ statedReason: "Проведение ремонтных работ", receivedOn: iso(new Date(dayOf(0).getTime() + 4 * 86_400_000)) });
    expect(refused.answers[0].partOutcomes[0].outcome).toBe("refused");
    // The upload is gone: confirming again writes nothing twice.
    expect(await db.importBatch.count({ where: { id } })).toBe(0);
    const again = await run(editor, confirmImportAction, { id, skipErrors: "on" });
    expect(again.state).toMatchObject({ ok: false, message: "not_found" });
    expect((await counts(kazfem)).applications).toBe(after.applications);
  }, 600_000);

  it("uploaded again, every row it wrote is now a duplicate", async () => {
    const again = await uploaded(editor, kazfem, "заявления.csv", csvOf(sheetRows()));
    const p = await previewImport(editor, again);
    expect(p.counts).toEqual({ new: 0, duplicate: 495, error: 5 });
    const r = await run(editor, confirmImportAction, { id: again, skipErrors: "on" });
    expect(r.redirect).toBe(`/settings/import/${again}?error=nothing_to_import#confirm`);
    await run(editor, cancelImportAction, { id: again });
  }, 600_000);
});

describe("cancelling", () => {
  it("writes nothing, and the upload cannot be confirmed afterwards", async () => {
    const before = await counts(feminita);
    const id = await uploaded(feminitaEditor, feminita, "cancel.csv", csvOf(sheetRows(50, { errors: false, title: "Отменённое" })));
    expect((await previewImport(feminitaEditor, id)).counts).toEqual({ new: 50, duplicate: 0, error: 0 });
    const r = await run(feminitaEditor, cancelImportAction, { id });
    expect(r.redirect).toBe("/settings/import?cancelled=1");
    expect(await db.importBatch.count({ where: { id } })).toBe(0);
    const c = await run(feminitaEditor, confirmImportAction, { id });
    expect(c.state).toMatchObject({ ok: false, message: "not_found" });
    expect(await counts(feminita)).toEqual({ ...before, history: before.history });
  });
});

describe("an XLSX workbook", () => {
  it("is read the same way, date cells included, and imports the same", async () => {
    // Every third filing date is a real date cell; the rest are text as people type them.
    const rows = sheetRows(500, { dates: (d, i) => (i % 3 === 0 ? d : written(d, i)) });
    const id = await uploaded(admin, svet, "заявления.xlsx", await xlsxOf(rows));
    const p = await previewImport(admin, id);
    expect(p.counts).toEqual({ new: 493, duplicate: 2, error: 5 });
    expect(p.rows.filter((r) => r.status === "error").map((r) => r.row)).toEqual([102, 202, 302, 402, 452]);
    expect(p.rows.filter((r) => r.status === "duplicate").map((r) => [r.row, r.duplicateOf?.row])).toEqual([[482, 22], [492, 23]]);
    expect(p.rows.find((r) => r.row === 2)?.record?.filedOn).toBe(iso(dayOf(0)));
    expect(p.rows.find((r) => r.row === 5)?.record?.filedOn).toBe(iso(dayOf(3)));
    const before = await counts(svet);
    const cancelled = await run(admin, confirmImportAction, { id });
    expect(cancelled.redirect).toContain("error=has_errors");
    expect(await counts(svet)).toEqual(before);
    const r = await run(admin, confirmImportAction, { id, skipErrors: "on" });
    expect(r.redirect).toBe(`/settings/import?imported=${p.counts.new}`);
    expect((await counts(svet)).applications - before.applications).toBe(p.counts.new);
  }, 600_000);
});

describe("columns, limits and refusals", () => {
  it("the member can choose the columns; a column left out is not read", async () => {
    const id = await uploaded(feminitaEditor, feminita, "cols.csv", csvOf(sheetRows(5, { errors: false, title: "Колонки" })));
    const entries: Record<string, string> = { id };
    for (const f of IMPORT_FIELDS) entries[`col_${f}`] = "-1";
    Object.assign(entries, { col_title: "1", col_form: "5", col_outcome: "-1" });
    const r = await run(feminitaEditor, saveImportMappingAction, entries);
    expect(r.redirect).toBe(`/settings/import/${id}?mapped=1#preview`);
    const p = await previewImport(feminitaEditor, id);
    expect(p.mapping).toMatchObject({ title: 1, form: 5, filedOn: -1, outcome: -1 });
    expect(p.rows[0].record).toMatchObject({ filedOn: null, answers: [] });
    await run(feminitaEditor, cancelImportAction, { id });
  });

  it("refuses what it cannot read, with a reason, keeping nothing", async () => {
    const before = await db.importBatch.count();
    expect((await post(feminitaEditor, feminita, "big.csv", "x".repeat(5 * 1024 * 1024 + 10))).location).toBe("/settings/import?error=too_big#upload");
    const many = csvOf(sheetRows(5001, { errors: false }));
    expect((await post(feminitaEditor, feminita, "many.csv", many)).location).toBe("/settings/import?error=too_many_rows#upload");
    expect((await post(feminitaEditor, feminita, "empty.csv", HEADER.join(";"))).location).toBe("/settings/import?error=empty#upload");
    expect((await post(feminitaEditor, feminita, "old.xls", "\xd0\xcf\x11\xe0")).location).toBe("/settings/import?error=unsupported#upload");
    expect((await post(feminitaEditor, feminita, "broken.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).location).toBe("/settings/import?error=unreadable#upload");
    expect((await post(admin, kazfem, "x.json", "{not json", "json")).location).toBe("/settings/import?error=not_json#upload");
    expect((await post(admin, kazfem, "x.json", '{"hello": 1}', "json")).location).toBe("/settings/import?error=not_export#upload");
    expect(await db.importBatch.count()).toBe(before);
  });

  it("refuses a viewer, a non-member and a signed-out visitor; a JSON export only from an admin", async () => {
    const before = await db.importBatch.count();
    const csv = csvOf(sheetRows(3, { errors: false }));
    expect((await post(viewer, kazfem, "v.csv", csv)).status).toBe(403);
    expect((await post(outsider, kazfem, "o.csv", csv)).status).toBe(403);
    expect((await post(null, kazfem, "a.csv", csv)).location).toMatch(/^\/signin/);
    expect((await post(editor, kazfem, "e.json", "{}", "json")).status).toBe(403);
    session.actor = editor;
    const res = await upload(new Request("http://localhost/settings/import/upload", { method: "POST", body: new FormData(), headers: { origin: "https://elsewhere.example" } }));
    expect(res.status).toBe(403);
    expect(await db.importBatch.count()).toBe(before);
  });
});

describe("a JSON export", () => {
  it("imports a group's export into another group that already has data, with its private people sealed; repeats are duplicates", async () => {
    const doc = await exportData(db, { groupId: kazfem });
    const json = exportToJson(doc);
    const kazfemApps = doc.entities.applications.length;
    expect(kazfemApps).toBe(493);
    await db.application.create({ data: { groupId: feminita, title: "Feminita's own", procedure: "notification", filedOn: "2014-05-01", parts: { create: { form: "picket" } }, organizers: { create: { groupId: feminita } } } });
    const before = await counts(feminita);
    const id = await uploaded(outsider, feminita, "kazfem.json", json, "json");
    const p = await previewImport(outsider, id);
    expect(p.kind).toBe("json");
    expect(p.counts).toEqual({ new: kazfemApps, duplicate: 0, error: 0 });
    const r = await run(outsider, confirmImportAction, { id });
    expect(r.redirect).toBe(`/settings/import?imported=${kazfemApps}`);
    expect((await counts(feminita)).applications - before.applications).toBe(kazfemApps);
    const copy = await db.application.findFirstOrThrow({ where: { groupId: feminita, title: "Заявление 1" }, include: { answers: { include: { partOutcomes: true } }, applicants: { include: { person: true } } } });
    expect(copy.outcome).toBe("refused");
    expect(copy.isPublic).toBe(false);
    expect(copy.applicants.map((a) => a.person.fullName).sort()).toEqual(["Иванова Айгерим", "Петрова Дана"]);
    // Again: everything is already there.
    const second = await uploaded(outsider, feminita, "kazfem.json", json, "json");
    expect((await previewImport(outsider, second)).counts).toEqual({ new: 0, duplicate: kazfemApps, error: 0 });
    // An editor cannot read an admin's JSON upload, even in the same group.
    await expect(previewImport(feminitaEditor, second)).rejects.toBeInstanceOf(NotFoundError);
    await run(outsider, cancelImportAction, { id: second });
  }, 600_000);

  it("keeps applicants' ID numbers sealed in the database", async () => {
    const doc = await exportData(db, { groupId: kazfem });
    // Row 2's application and its two applicants are enough here.
    doc.entities.applications = doc.entities.applications.filter((a) => a.title === "Заявление 1");
    const person = doc.entities.people[0] as Record<string, unknown>;
    person.idNumber = "900101400123";
    const group = (await makeGroup("sealed", "Sealed")).id;
    const owner = await makeActor("Sealed admin", [[group, "admin"]]);
    const id = await uploaded(owner, group, "k.json", JSON.stringify(doc), "json");
    // The pending upload itself is sealed at rest.
    const stored = await db.importBatch.findUniqueOrThrow({ where: { id } });
    expect(stored.data.startsWith("v1:")).toBe(true);
    expect(stored.data).not.toContain("900101400123");
    expect(stored.data).not.toContain("Иванова");
    await run(owner, confirmImportAction, { id });
    const raw = await db.$queryRawUnsafe<{ idNumber: string }[]>(`SELECT "idNumber" FROM "Person" WHERE "groupId" = '${group}' AND "idNumber" <> ''`);
    expect(raw.length).toBe(1);
    expect(raw[0].idNumber.startsWith("v1:")).toBe(true);
  }, 600_000);
});

describe("acceptance: a group's spreadsheet of 300 past applications", () => {
  it("goes in in one sitting, from the Russian template's headers, and the list shows them", async () => {
    session.locale = "ru";
    session.actor = editor;
    const res = await template(new Request("http://localhost/settings/import/template?format=csv"));
    const text = await res.text();
    const header = text.replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
    const ru = (loadMessages("ru").importer as { field: Record<string, string> }).field;
    expect(header).toEqual(IMPORT_FIELDS.map((f) => ru[f]));
    const xlsx = await template(new Request("http://localhost/settings/import/template?format=xlsx"));
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    session.locale = "en";

    const group = (await makeGroup("femagora", "FemAgora")).id;
    const member = await makeActor("FemAgora editor", [[group, "editor"]]);
    // The template itself, filled in as shipped, reads without an error in both formats.
    for (const [name, bytes] of [["template.csv", text], ["template.xlsx", new Uint8Array(await xlsx.arrayBuffer())]] as const) {
      const t = await uploaded(member, group, name, bytes);
      const tp = await previewImport(member, t);
      expect(tp.counts, name).toEqual({ new: 2, duplicate: 0, error: 0 });
      expect(tp.rows.map((r) => r.record?.answers[0]?.outcomes[0].outcome)).toEqual(["refused", "alternative_proposed"]);
      await run(member, cancelImportAction, { id: t });
    }
    await db.application.create({ data: { groupId: group, title: "Already here", procedure: "notification", filedOn: "2014-03-01", parts: { create: { form: "picket" } }, organizers: { create: { groupId: group } } } });
    const rows = sheetRows(300, { errors: false, title: "Прошлое заявление" }).map((r) => [r[1], r[2], r[3], r[4], r[5], r[6], r[7], "", r[8], r[9], r[10], "", "", r[11], ""]);
    const id = await uploaded(member, group, "archive.csv", csvOf(rows, header));
    const p = await previewImport(member, id);
    expect(p.counts).toEqual({ new: 300, duplicate: 0, error: 0 });
    const r = await run(member, confirmImportAction, { id });
    expect(r.redirect).toBe("/settings/import?imported=300");
    const list = await listApplications(member, applicationFiltersSchema.parse({ pageSize: 100, group }), "ru");
    expect(list.total).toBe(301);
    expect(list.items.map((i) => i.title)).toContain("Прошлое заявление 300");
    const year = await listApplications(member, applicationFiltersSchema.parse({ year: "2016", group }), "ru");
    expect(year.total).toBeGreaterThan(50);
  }, 600_000);
});
