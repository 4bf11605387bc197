// Full-text search (the /search page, GET /api/v1/search, the applications list's text filter)
// against a real database — SQLite's FTS5 or PostgreSQL's tsvector (TEST_DATABASE=postgres):
// Russian morphology, highlights, ranking, and that private records never match, nor count.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { createElement } from "react";
import { makeActor, makeGroup, render, run, type Entries } from "../support/fixtures";
import { SearchResults } from "@/components/search/SearchResults";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { loadHistory } from "@/prisma/seed/load-history";
import { createApplicationAction, setApplicationPublicAction, deleteApplicationAction } from "@/lib/actions/applications";
import { recordAnswerAction } from "@/lib/actions/answers";
import { searchRecords, type SearchHit } from "@/lib/data/search";
import { rebuildSearchIndex } from "@/lib/data/search-index";
import { listApplications } from "@/lib/data/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { createApiToken } from "@/lib/data/api-tokens";
import { GET as searchGET } from "@/app/api/v1/search/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { workOnce } from "@/lib/jobs";
import { registerOcrJobs } from "@/lib/ocr/job";
import { seedAttachment, textPdf } from "../support/documents";
import { acceptCaseAccessAction, shareCaseAction } from "@/lib/actions/coalitions";
import { loadActor } from "@/lib/data/users";

let groupA: string;
let groupB: string;
let editorA: Actor;
let adminA: Actor;
let viewerA: Actor;
let editorB: Actor;
const ids: Record<string, string> = {};

function application(overrides: Entries): Entries {
  return {
    groupId: groupA,
    "organizerIds[]": [groupA],
    title: "Untitled",
    city: "Almaty",
    purpose: "",
    filedOn: "2024-02-12",
    filedOnPrecision: "day",
    registrationNumber: "",
    notes: "",
    "parts.0.form": "rally",
    "parts.0.place": "Astana Square",
    "parts.0.route": "",
    "parts.0.eventDate": "2024-03-08",
    "parts.0.startTime": "",
    "parts.0.endTime": "",
    "parts.0.expectedParticipants": "",
    ...overrides,
  };
}

async function create(actor: Actor, entries: Entries, publish = true): Promise<string> {
  const { redirect, state } = await run(actor, createApplicationAction, entries);
  expect(state?.errors ?? null).toBeNull();
  const id = redirect!.split("/").pop()!;
  if (publish) await run(actor, setApplicationPublicAction, { id, isPublic: "true" });
  return id;
}

const text = (runs: { text: string }[] | null) => (runs ?? []).map((r) => r.text).join("");
const marked = (runs: { text: string; mark: boolean }[] | null) => (runs ?? []).filter((r) => r.mark).map((r) => r.text);
const kinds = (items: SearchHit[]) => items.map((i) => `${i.kind}:${i.id}`);

beforeAll(async () => {
  await loadReference(db);
  groupA = (await makeGroup("search-a", "Search A")).id;
  groupB = (await makeGroup("search-b", "Search B")).id;
  editorA = await makeActor("search-editor-a", [[groupA, "editor"]]);
  adminA = await makeActor("search-admin-a", [[groupA, "admin"]]);
  viewerA = await makeActor("search-viewer-a", [[groupA, "viewer"]]);
  editorB = await makeActor("search-editor-b", [[groupB, "editor"]]);

  // A public march refused with a verbatim reason (the answer is where «отказ» is).
  ids.march = await create(editorA, application({ title: "Шествие за права женщин", "parts.0.form": "march", "parts.0.route": "От площади Абая до площади Астана", notes: "Кулуарная договорённость с акиматом" }));
  const part = await db.part.findFirstOrThrow({ where: { applicationId: ids.march } });
  const answered = await run(editorA, recordAnswerAction, {
    applicationId: ids.march,
    receivedOn: "2024-02-20",
    statedReason: "Акимат отказал в согласовании: площадь занята другим мероприятием.",
    "outcomes.0.partId": part.id,
    "outcomes.0.outcome": "refused",
    "grounds[]": ["place_taken"],
  });
  expect(answered.state?.errors ?? null).toBeNull();
  ids.answer = (await db.answer.findFirstOrThrow({ where: { applicationId: ids.march } })).id;

  // Group A's private case: its words are A's alone.
  ids.secret = await create(editorA, application({ title: "Пикет у консульства Жасминовый", purpose: "Конфиденциальная акция" }), false);
  // Ranking: the word in one case's title, in another's notes.
  ids.titled = await create(editorA, application({ title: "Велопробег по набережной" }), false);
  ids.noted = await create(editorA, application({ title: "Собрание жильцов", notes: "Возможно, позже велопробег" }), false);
  // A public case whose private applicant is named in its title: another group may not find it by the name.
  ids.named = await create(editorA, application({ title: "Митинг, заявитель Айгерим Жанибекова", "applicants.0.fullName": "Айгерим Жанибекова", "applicants.0.idNumber": "", "applicants.0.address": "", "applicants.0.phone": "" }));
});

beforeEach(() => {
  session.actor = null;
});

describe("Russian morphology", () => {
  it("finds «отказ» when a reader types «отказали», and «шествие» for «шествия»", async () => {
    const refused = await searchRecords(null, { q: "отказали" });
    expect(kinds(refused.items)).toContain(`answer:${ids.answer}`);
    const hit = refused.items.find((i) => i.id === ids.answer)!;
    expect(hit.applicationId).toBe(ids.march);
    expect(hit.href).toBe(`/applications/${ids.march}#answer-${ids.answer}`);

    const march = await searchRecords(null, { q: "шествия" });
    expect(kinds(march.items)[0]).toBe(`application:${ids.march}`);
  });

  it("finds a case by the name of its form and outcome in another language", async () => {
    // The part is a "march" (шествие) and was refused («Отказ»): the words are the catalogue's.
    const r = await searchRecords(null, { q: "march refused 2024" });
    expect(kinds(r.items)).toContain(`application:${ids.march}`);
  });
});

describe("highlights", () => {
  it("marks the matching words in the title and in a passage of the text", async () => {
    const r = await searchRecords(null, { q: "отказали площадь" });
    const hit = r.items.find((i) => i.id === ids.answer)!;
    expect(text(hit.snippet)).toContain("Акимат отказал в согласовании");
    expect(marked(hit.snippet)).toEqual(expect.arrayContaining(["отказал", "площадь"]));
    const title = (await searchRecords(null, { q: "шествие" })).items[0];
    expect(marked(title.title)).toEqual(["Шествие"]);
  });

  it("keeps markup typed into a record as text (React escapes it; nothing is parsed)", async () => {
    const id = await create(editorA, application({ title: "<b>Пикет</b> <script>alert(1)</script> молчаливый" }), false);
    const hit = (await searchRecords(editorA, { q: "молчаливый" })).items.find((i) => i.id === id)!;
    expect(text(hit.title)).toContain("<script>alert(1)</script>");
    expect(marked(hit.title)).toEqual(["молчаливый"]);
    const html = render(createElement(SearchResults, { items: [hit] }), "ru");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toMatch(/<mark[^>]*>молчаливый<\/mark>/);
    expect(html).toContain(`href="/applications/${id}"`);
    expect(html).toContain("Заявление");
  });
});

describe("visibility", () => {
  it("never finds another group's private record, not even as a count", async () => {
    for (const actor of [null, editorB]) {
      const r = await searchRecords(actor, { q: "жасминовый" });
      expect(r.total).toBe(0);
      expect(r.items).toEqual([]);
      expect((await searchRecords(actor, { q: "конфиденциальная" })).total).toBe(0);
    }
    const own = await searchRecords(viewerA, { q: "жасминовый" });
    expect(kinds(own.items)).toEqual([`application:${ids.secret}`]);
    expect(own.total).toBe(1);
  });

  it("finds a private case another group shares with the reader's group once its admin accepts, and not before or after revoking", async () => {
    const adminB = await makeActor("search-admin-b", [[groupB, "admin"]]);
    // A group is offered to share with once a record the admin may read names it (its own published one).
    await create(editorB, application({ groupId: groupB, "organizerIds[]": [groupB], title: "Хоровод коалиции" }));
    const found = async () => (await searchRecords(await loadActor(editorB.userId), { q: "жасминовый" })).total;
    expect((await run(adminA, shareCaseAction, { applicationId: ids.secret, groupId: groupB, access: "read" })).state).toMatchObject({ ok: true });
    expect(await found()).toBe(0);
    expect((await run(adminB, acceptCaseAccessAction, { applicationId: ids.secret, groupId: groupB })).state).toMatchObject({ ok: true });
    const r = await searchRecords(await loadActor(editorB.userId), { q: "жасминовый" });
    expect(kinds(r.items)).toEqual([`application:${ids.secret}`]);
    // The applications list's text filter finds it through the same index.
    const list = await listApplications(await loadActor(editorB.userId), applicationFiltersSchema.parse({ q: "конфиденциальная" }));
    expect(list.items.map((i) => i.id)).toContain(ids.secret);
    expect((await run(adminA, shareCaseAction, { applicationId: ids.secret, groupId: groupB, access: "none" })).state).toMatchObject({ ok: true });
    expect(await found()).toBe(0);
  });

  it("matches notes for the group's members only", async () => {
    expect((await searchRecords(null, { q: "кулуарная" })).total).toBe(0);
    expect((await searchRecords(editorB, { q: "кулуарная договорённость" })).total).toBe(0);
    const member = await searchRecords(viewerA, { q: "кулуарная" });
    expect(kinds(member.items)).toEqual([`application:${ids.march}`]);
    expect(marked(member.items[0].snippet)).toEqual(["Кулуарная"]);
  });

  it("does not find another group's record through the name of a private person, and redacts it", async () => {
    expect((await searchRecords(null, { q: "Жанибекова" })).total).toBe(0);
    expect((await searchRecords(editorB, { q: "Жанибекова" })).total).toBe(0);
    expect(kinds((await searchRecords(viewerA, { q: "Жанибекова" })).items)).toEqual([`application:${ids.named}`]);
    // Found by another word, the name is cut out of what an outsider is shown.
    const outside = (await searchRecords(null, { q: "митинг заявитель" })).items.find((i) => i.id === ids.named)!;
    expect(text(outside.title)).not.toContain("Жанибекова");
  });

  it("follows publishing and deleting in the same transaction as the change", async () => {
    const id = await create(editorA, application({ title: "Флешмоб одуванчиков" }), false);
    expect((await searchRecords(null, { q: "одуванчиков" })).total).toBe(0);
    await run(editorA, setApplicationPublicAction, { id, isPublic: "true" });
    expect(kinds((await searchRecords(null, { q: "одуванчик" })).items)).toEqual([`application:${id}`]);
    await run(adminA, deleteApplicationAction, { id, confirm: "on" });
    expect((await searchRecords(viewerA, { q: "одуванчик" })).total).toBe(0);
    expect(await db.searchDoc.count({ where: { applicationId: id } })).toBe(0);
  });
});

describe("one save, one rebuild", () => {
  // Every logged change re-indexes its case; a save that logs many (the application, each part,
  // each applicant; an answer and each outcome and ground) rebuilds the case's documents once,
  // at the end of its transaction. Ids are never reused (AUTOINCREMENT, a PostgreSQL sequence),
  // so the ids a save used up count the documents it wrote, rebuilds included: a marker row,
  // written and removed just before, gives the last id used.
  const lastId = async () => {
    const marker = await db.searchDoc.create({ data: { entity: "marker", entityId: `marker-${Date.now()}`, groupId: groupA } });
    await db.searchDoc.delete({ where: { id: marker.id } });
    return marker.id;
  };
  const usedSince = async (before: number) => (await db.searchDoc.aggregate({ _max: { id: true } }))._max.id! - before;

  it("creating a case with three parts and two applicants, and answering it, writes each document once", async () => {
    const before = await lastId();
    const id = await create(
      editorA,
      application({
        title: "Три пикета у акимата",
        "parts.1.form": "picket", "parts.1.place": "Акимат", "parts.1.route": "", "parts.1.eventDate": "2024-03-09", "parts.1.startTime": "", "parts.1.endTime": "", "parts.1.expectedParticipants": "",
        "parts.2.form": "picket", "parts.2.place": "Маслихат", "parts.2.route": "", "parts.2.eventDate": "2024-03-10", "parts.2.startTime": "", "parts.2.endTime": "", "parts.2.expectedParticipants": "",
        "applicants.0.fullName": "Первая Заявительница", "applicants.0.idNumber": "", "applicants.0.address": "", "applicants.0.phone": "",
        "applicants.1.fullName": "Вторая Заявительница", "applicants.1.idNumber": "", "applicants.1.address": "", "applicants.1.phone": "",
      }),
      false,
    );
    expect(await db.part.count({ where: { applicationId: id } })).toBe(3);
    expect(await usedSince(before)).toBe(await db.searchDoc.count({ where: { applicationId: id } }));

    const parts = await db.part.findMany({ where: { applicationId: id }, orderBy: { eventDate: "asc" } });
    const afterCreate = await lastId();
    const answered = await run(editorA, recordAnswerAction, {
      applicationId: id,
      receivedOn: "2024-02-20",
      statedReason: "Отказано: площадь занята.",
      ...Object.fromEntries(parts.flatMap((p, i) => [[`outcomes.${i}.partId`, p.id], [`outcomes.${i}.outcome`, "refused"]])),
      "grounds[]": ["place_taken", "security_threat"],
    });
    expect(answered.state?.errors ?? null).toBeNull();
    expect(await usedSince(afterCreate)).toBe(await db.searchDoc.count({ where: { applicationId: id } }));
    expect(kinds((await searchRecords(editorA, { q: "площадь занята" })).items)).toContain(`answer:${(await db.answer.findFirstOrThrow({ where: { applicationId: id } })).id}`);
  });
});

describe("the recognised text of attached documents", () => {
  it("is searchable once read, by the group's members; by others only when the file and its case are published", async () => {
    registerOcrJobs();
    const pdf = await textPdf(["Акимат отклоняет просьбу о проведении пикета возле мемориала."]);
    const file = await seedAttachment(db, { groupId: groupA, applicationId: ids.march, bytes: pdf, mimeType: "application/pdf", title: "Письмо акимата" });
    expect((await searchRecords(viewerA, { q: "мемориала" })).total).toBe(0);
    await workOnce({ db });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: file.id } })).ocrStatus).toBe("done");
    const member = await searchRecords(viewerA, { q: "мемориал отклоняют" });
    expect(kinds(member.items)).toEqual([`attachment:${file.id}`]);
    expect(marked(member.items[0].snippet)).toEqual(["отклоняет", "мемориала"]);
    expect(text(member.items[0].title)).toContain("Письмо акимата");
    expect((await searchRecords(null, { q: "мемориал" })).total).toBe(0);
    expect((await searchRecords(editorB, { q: "мемориал" })).total).toBe(0);
  }, 60_000);
});

describe("ranking, filters and pages", () => {
  it("puts a match in a title before a match in the notes", async () => {
    const r = await searchRecords(viewerA, { q: "велопробег" });
    expect(kinds(r.items)).toEqual([`application:${ids.titled}`, `application:${ids.noted}`]);
  });

  it("filters by kind and year, and pages", async () => {
    const answers = await searchRecords(null, { q: "отказ", kind: "answer" });
    expect(answers.items.every((i) => i.kind === "answer")).toBe(true);
    expect(kinds(answers.items)).toContain(`answer:${ids.answer}`);
    expect((await searchRecords(null, { q: "отказ", kind: "answer", year: 2019 })).total).toBe(0);
    const paged = await searchRecords(viewerA, { q: "almaty", pageSize: 2, page: 2 });
    expect(paged.page).toBe(2);
    expect(paged.items.length).toBeLessThanOrEqual(2);
    expect(paged.total).toBeGreaterThan(2);
  });
});

describe("the applications list", () => {
  it("uses the same index: «отказали» finds the case by its answer, transliteration and notes rules kept", async () => {
    const list = (actor: Actor | null, q: string) => listApplications(actor, applicationFiltersSchema.parse({ q }));
    expect((await list(null, "отказали")).items.map((i) => i.id)).toEqual([ids.march]);
    expect((await list(null, "shestvie")).items.map((i) => i.id)).toEqual([ids.march]);
    expect((await list(null, "кулуарная")).total).toBe(0);
    expect((await list(viewerA, "кулуарная")).items.map((i) => i.id)).toEqual([ids.march]);
    expect((await list(editorB, "Жанибекова")).total).toBe(0);
  });
});

describe("GET /api/v1/search", () => {
  const get = (q: string, token?: string) => searchGET(new Request(`http://localhost/api/v1/search?${q}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }));

  it("answers with the same results; a token adds its group's private records", async () => {
    const anon = await get("q=" + encodeURIComponent("отказали"));
    expect(anon.status).toBe(200);
    const body = (await anon.json()) as { total: number; data: SearchHit[] };
    expect(body.data.map((i) => `${i.kind}:${i.id}`)).toContain(`answer:${ids.answer}`);
    expect(body.data.find((i) => i.id === ids.answer)!.snippet!.some((r) => r.mark && r.text === "отказал")).toBe(true);
    expect(((await (await get("q=" + encodeURIComponent("жасминовый"))).json()) as { total: number }).total).toBe(0);
    const { token } = await createApiToken(viewerA, "search");
    const member = (await (await get("q=" + encodeURIComponent("жасминовый"), token)).json()) as { total: number; data: SearchHit[] };
    expect(member.total).toBe(1);
    expect((await get("q=x&kind=nonsense")).status).toBe(400);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await openapiGET(new Request("http://localhost/api/v1/openapi.json"))).json()) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
    expect(doc.paths["/api/v1/search"].get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["q", "kind", "year", "page"]));
  });
});

describe("the documented history", () => {
  it("is searchable after setup's backfill: «шествие отказ 2023» finds the 2023 refusal", async () => {
    await loadHistory(db);
    await rebuildSearchIndex(db);
    const app = await db.application.findUniqueOrThrow({ where: { id: "hist-app-2023-03-08-march" }, select: { groupId: true } });
    const member = await makeActor("search-history-member", [[app.groupId, "viewer"]]);
    const r = await searchRecords(member, { q: "шествие отказ 2023" }, "ru");
    expect(r.items.slice(0, 3).map((i) => i.applicationId)).toContain("hist-app-2023-03-08-march");
    // Repeatable: a second backfill leaves one document per record.
    const before = await db.searchDoc.count();
    await rebuildSearchIndex(db);
    expect(await db.searchDoc.count()).toBe(before);
  });
});
