// What a published record shows to people outside its group (issue #11, items 1 and 2): the
// private people it names are cut out of every string, and the group's notes never leave it —
// on the case page's data, in the API, in another group's case file and PDF, in a share link,
// in the list. Members of the owning group still see everything.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { form, makeActor, makeGroup, run, type Entries } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { resetLimits } from "@/lib/rate-limit";
import { getCase } from "@/lib/data/cases";
import { listApplications } from "@/lib/data/applications";
import { getIncident, listIncidents } from "@/lib/data/incidents";
import { getSource } from "@/lib/data/sources";
import { listAppealStages } from "@/lib/data/appeals";
import { getStats } from "@/lib/data/stats";
import { statsFiltersSchema } from "@/lib/validation/stats";
import { loadMemberCaseFile, MEMBER_SCOPE } from "@/lib/data/case-file";
import { createApiToken } from "@/lib/data/api-tokens";
import { initialFormState } from "@/lib/actions/form-state";
import { createShareLinkAction } from "@/lib/actions/share-links";
import { createApplicationAction, updateApplicationAction } from "@/lib/actions/applications";
import { applicationFiltersSchema } from "@/lib/validation/applications";
import { caseSchema } from "@/lib/validation/api";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { renderCaseFileHtml } from "@/components/case-file/render-html";
import { extractPdfText } from "@/lib/pdf/extract-text";
import { GET as caseGET } from "@/app/api/v1/applications/[id]/route";
import { GET as listGET } from "@/app/api/v1/applications/route";
import { GET as openShare } from "@/app/s/[token]/route";
import { GET as openSharePdf } from "@/app/s/[token]/pdf/route";
import { GET as memberPdf } from "@/app/(app)/applications/[id]/case-file/pdf/route";

// The example: the authority's letter names the private applicant.
const NAME = "Dana Hiddenname";
const IIN = "880202300456";
const ADDRESS = "Zheltoksan 77 flat 5";
const PHONE = "+7 705 123 4567";
const ALT = "Дана Скрытова";
// A private person named only through an incident linked to the case.
const TARGET = "Murat Concealed";
const TARGET_IIN = "910303300789";
// A person who chose to be public (named in the press): the name shows, the IIN does not.
const ACTIVIST = "Public Activist";
const ACTIVIST_IIN = "770707400111";

const SECRETS = ["Hiddenname", IIN, ADDRESS, PHONE, ALT, "Concealed", TARGET_IIN, ACTIVIST_IIN];
const NOTES = ["NOTE-APP strategy", "NOTE-ANSWER lawyer", "NOTE-STAGE tactic", "NOTE-HEARING judge", "NOTE-CITATION check", "NOTE-PERSON"];
const PUBLIC_NOTE = "The group published this record on 9 March.";
const REASON = "the square is booked by the city's own festival";

let editorA: Actor, viewerA: Actor, editorB: Actor;
let groupA: string;
let caseId: string;
let incidentId: string;

const unescape = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const pdfText = async (res: Response) => extractPdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, " ");

function expectNoSecrets(text: string, what: string) {
  for (const s of [...SECRETS, ...NOTES]) expect(text, `${what} shows "${s}"`).not.toContain(s);
}

beforeAll(async () => {
  await loadReference(db);
  const a = await makeGroup("kazfem", "KazFem");
  const b = await makeGroup("other", "Other group");
  groupA = a.id;
  editorA = await makeActor("Editor A", [[a.id, "editor"]], { email: "editor@a.test" });
  viewerA = await makeActor("Viewer A", [[a.id, "viewer"]], { email: "viewer@a.test" });
  editorB = await makeActor("Editor B", [[b.id, "editor"]], { email: "editor@b.test" });

  const app = await db.application.create({
    data: {
      groupId: a.id,
      isPublic: true,
      title: `Women's march, filed by ${NAME}`,
      procedure: "approval",
      city: "Almaty",
      purpose: `Organizer ${NAME} (phone ${PHONE}) asks for the march.`,
      filedOn: "2025-02-20",
      notes: `${NOTES[0]}: call ${NAME} first.`,
      publicNote: PUBLIC_NOTE,
      organizers: { create: [{ groupId: a.id }] },
      parts: { create: [{ form: "march", route: "Abay Avenue", eventDate: "2025-03-08", position: 0 }] },
    },
    include: { parts: true },
  });
  caseId = app.id;
  const dana = await db.person.create({ data: { groupId: a.id, fullName: NAME, altNames: ALT, idNumber: IIN, address: ADDRESS, phone: PHONE, notes: NOTES[5] } });
  const activist = await db.person.create({ data: { groupId: a.id, isPublic: true, fullName: ACTIVIST, idNumber: ACTIVIST_IIN } });
  await db.applicant.create({ data: { applicationId: app.id, personId: dana.id } });
  await db.applicant.create({ data: { applicationId: app.id, personId: activist.id } });

  const placeTaken = await db.refusalGround.findUniqueOrThrow({ where: { code: "place_taken" } });
  const answer = await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: "2025-02-27",
      statedReason: `Dear ${NAME} (IIN ${IIN}), ${REASON}. Sent to ${ADDRESS}.`,
      notes: `${NOTES[1]} about ${NAME}`,
      outcome: "refused",
      partOutcomes: { create: app.parts.map((p) => ({ partId: p.id, outcome: "refused" })) },
      grounds: { create: [{ groundId: placeTaken.id, words: `Citizen ${ALT}: ${REASON}.` }] },
      evidence: { create: [{ stance: "contests", observer: NAME, description: `${NAME} walked the square: empty. IIN of the activist ${ACTIVIST_IIN}.` }] },
    },
  });
  const stage = await db.appealStage.create({
    data: { applicationId: app.id, kind: "first_instance", filedOn: "2025-03-15", bodyName: "Administrative court", authorityArguments: `${NAME} was told in time.`, notes: NOTES[2] },
  });
  await db.hearing.create({ data: { appealStageId: stage.id, heldOn: "2025-03-25", applicantArguments: `${NAME} (${IIN}) was never offered another place.`, notes: NOTES[3] } });
  await db.ruling.create({ data: { appealStageId: stage.id, decidedOn: "2025-04-02", outcome: "upheld", summary: "Upheld.", text: `The claim of ${NAME} is dismissed.` } });
  await db.event.create({ data: { applicationId: app.id, kind: "held", occurredOn: "2025-03-08", description: `Police detained ${TARGET} at the square.` } });

  const incident = await db.incident.create({
    data: { groupId: a.id, isPublic: true, kind: "detention", title: `Detention of ${TARGET}`, occurredOn: "2025-03-08", description: `${TARGET} (IIN ${TARGET_IIN}) was held for 3 hours.` },
  });
  incidentId = incident.id;
  const target = await db.person.create({ data: { groupId: a.id, fullName: TARGET, idNumber: TARGET_IIN } });
  await db.incidentApplication.create({ data: { incidentId: incident.id, applicationId: app.id } });
  await db.incidentPerson.create({ data: { incidentId: incident.id, personId: target.id } });

  const source = await db.source.create({ data: { groupId: a.id, isPublic: true, slug: "press-release", title: "KazFem press release", publisher: "KazFem" } });
  await db.citation.create({ data: { sourceId: source.id, recordType: "Answer", recordId: answer.id, quote: `The akimat wrote to ${NAME}: ${REASON}.`, note: NOTES[4] } });
  await db.citation.create({ data: { sourceId: source.id, recordType: "Incident", recordId: incident.id, quote: "One organizer was held.", note: NOTES[4] } });
});

beforeEach(async () => {
  await resetLimits();
  session.locale = "en";
  session.actor = null;
});

describe("a published case read from outside its group", () => {
  it("gives an anonymous visitor (the case page's data) no private person's data and no notes", async () => {
    const data = await getCase(null, caseId);
    const text = JSON.stringify(data);
    expectNoSecrets(text, "the anonymous case");
    expect(data.answers[0].statedReason).toBe(`Dear [withheld] (IIN [withheld]), ${REASON}. Sent to [withheld].`);
    expect(data.title).toBe("Women's march, filed by [withheld]");
    expect(data.incidents[0].title).toBe("Detention of [withheld]");
    expect(data.citations[0].quote).toBe(`The akimat wrote to [withheld]: ${REASON}.`);
    // The public person is named, without their IIN; the private ones are not listed at all.
    expect(data.applicants.map((a) => a.person.fullName)).toEqual([ACTIVIST]);
    expect(data.applicants[0].person.idNumber).toBe("");
    expect(data.incidents[0].people).toEqual([]);
    expect(data.history).toEqual([]);
    expect(data.publicNote).toBe(PUBLIC_NOTE);
  });

  it("cuts the same data out in the reader's language", async () => {
    const data = await getCase(null, caseId, { locale: "ru" });
    expect(data.answers[0].statedReason).toContain("Dear [скрыто] (IIN [скрыто])");
    expectNoSecrets(JSON.stringify(data), "the Russian anonymous case");
  });

  it("gives another group's member the same as an anonymous visitor", async () => {
    const data = await getCase(editorB, caseId);
    expectNoSecrets(JSON.stringify(data), "the case for group B");
    expect(data.answers[0].statedReason).toContain(REASON);
  });

  it("answers /api/v1/applications/{id} without the data, and without notes at all", async () => {
    const res = await caseGET(new Request(`http://tracker.test/api/v1/applications/${caseId}`), { params: Promise.resolve({ id: caseId }) });
    expect(res.status).toBe(200);
    const raw = await res.text();
    expectNoSecrets(raw, "the API");
    const body = JSON.parse(raw) as { data: Record<string, unknown> & { answers: Record<string, unknown>[]; appealStages: (Record<string, unknown> & { hearings: Record<string, unknown>[] })[]; citations: Record<string, unknown>[] } };
    expect(body.data.publicNote).toBe(PUBLIC_NOTE);
    expect("notes" in body.data).toBe(false);
    expect("notes" in body.data.answers[0]).toBe(false);
    expect("notes" in body.data.appealStages[0]).toBe(false);
    expect("notes" in body.data.appealStages[0].hearings[0]).toBe(false);
    expect("note" in body.data.citations[0]).toBe(false);
    expect(raw).toContain(REASON);
  });

  it("answers the same to another group's token", async () => {
    const token = (await createApiToken(editorB, "script")).token;
    const res = await caseGET(new Request(`http://tracker.test/api/v1/applications/${caseId}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: caseId }) });
    expect(res.status).toBe(200);
    expectNoSecrets(await res.text(), "the API for group B's token");
  });

  it("says in the OpenAPI document that notes are for members only, and lists the public note", () => {
    const doc = JSON.stringify(buildOpenApiDocument("http://tracker.test"));
    expect(doc).toContain("Members of the owning group only");
    const shape = caseSchema.shape;
    expect(shape.notes.safeParse(undefined).success).toBe(true);
    expect(shape.publicNote.safeParse(undefined).success).toBe(false);
  });

  it("gives another group's member a case file and PDF without the data or the notes", async () => {
    const file = await loadMemberCaseFile(editorB, caseId, MEMBER_SCOPE, "en");
    const html = unescape(renderCaseFileHtml(file));
    expectNoSecrets(html, "group B's case file");
    expect(html).toContain(REASON);
    expect(html).toContain(PUBLIC_NOTE);

    session.actor = editorB;
    const res = await memberPdf(new Request(`http://localhost/applications/${caseId}/case-file/pdf`), { params: Promise.resolve({ id: caseId }) });
    expect(res.status).toBe(200);
    const text = await pdfText(res);
    const squeezed = text.replace(/\s+/g, "");
    for (const s of [...SECRETS, ...NOTES]) expect(squeezed, `group B's PDF shows "${s}"`).not.toContain(s.replace(/\s+/g, ""));
    expect(text).toContain("the square is booked");
  });

  it("keeps private people's names out of the list's titles, on the page and in the API", async () => {
    const filters = applicationFiltersSchema.parse({});
    const anonymous = await listApplications(null, filters);
    expect(anonymous.items.map((i) => i.title)).toEqual(["Women's march, filed by [withheld]"]);
    const forB = await listApplications(editorB, filters);
    expect(forB.items.map((i) => i.title)).toEqual(["Women's march, filed by [withheld]"]);
    const res = await listGET(new Request("http://tracker.test/api/v1/applications"));
    const raw = await res.text();
    expect(raw).not.toContain("Hiddenname");
    expect(raw).toContain("Women's march, filed by [withheld]");
    // Members read their own titles as written.
    expect((await listApplications(viewerA, filters)).items.map((i) => i.title)).toEqual([`Women's march, filed by ${NAME}`]);
  });

  it("lists its appeal stages without the data or the notes", async () => {
    for (const actor of [null, editorB]) {
      const list = await listAppealStages(actor, {});
      expectNoSecrets(JSON.stringify(list), "the appeals list");
      expect(list.rows[0].application.title).toBe("Women's march, filed by [withheld]");
      expect(list.rows[0].authorityArguments).toBe("[withheld] was told in time.");
    }
    const member = await listAppealStages(viewerA, {});
    expect(member.rows[0].application.title).toBe(`Women's march, filed by ${NAME}`);
    expect(member.rows[0].notes).toBe(NOTES[2]);
  });

  it("does not let an outsider find a record by the private people it names", async () => {
    const find = (actor: Actor | null, q: string) => listApplications(actor, applicationFiltersSchema.parse({ q }));
    for (const q of ["Hiddenname", NAME, `Dear ${NAME}`, IIN]) {
      expect((await find(null, q)).total, `anonymous search for "${q}"`).toBe(0);
      expect((await find(editorB, q)).total, `group B's search for "${q}"`).toBe(0);
      expect((await find(viewerA, q)).total, `the member's search for "${q}"`).toBe(1);
    }
    // What outsiders can read still finds it.
    expect((await find(null, "booked by the city")).total).toBe(1);
    expect((await find(null, "Almaty")).total).toBe(1);
    expect((await listIncidents(null, { q: "Concealed" })).total).toBe(0);
    expect((await listIncidents(null, { q: "held for 3 hours" })).total).toBe(1);
    expect((await listIncidents(viewerA, { q: "Concealed" })).total).toBe(1);
  });

  it("does not let an outsider search the group's notes", async () => {
    const q = (actor: Actor | null) => listApplications(actor, applicationFiltersSchema.parse({ q: "NOTE-APP" }));
    expect((await q(null)).total).toBe(0);
    expect((await q(editorB)).total).toBe(0);
    expect((await q(viewerA)).total).toBe(1);
    expect((await listApplications(null, applicationFiltersSchema.parse({ q: "published this record" }))).total).toBe(1);
  });
});

describe("an incident linked to the case, read from outside its group", () => {
  it("names no private person on its page or in the list, and links the case under its redacted title", async () => {
    for (const actor of [null, editorB]) {
      const detail = await getIncident(actor, incidentId);
      const text = JSON.stringify(detail);
      for (const s of SECRETS) expect(text, `the incident shows "${s}"`).not.toContain(s);
      expect(detail.title).toBe("Detention of [withheld]");
      expect(detail.description).toBe("[withheld] (IIN [withheld]) was held for 3 hours.");
      expect(detail.hiddenPeople).toBe(1);
      expect(detail.applications.map((a) => a.title)).toEqual(["Women's march, filed by [withheld]"]);
      const list = await listIncidents(actor, {});
      expect(list.rows.map((r) => r.title)).toEqual(["Detention of [withheld]"]);
      expect(JSON.stringify(list)).not.toContain("Concealed");
    }
    const member = await getIncident(viewerA, incidentId);
    expect(member.title).toBe(`Detention of ${TARGET}`);
    expect(member.people.map((p) => p.fullName)).toEqual([TARGET]);
    expect((await listIncidents(viewerA, {})).rows.map((r) => r.title)).toEqual([`Detention of ${TARGET}`]);
  });
});

describe("a source read from outside its group", () => {
  it("links the records it supports under their redacted titles, without the citations' notes", async () => {
    const source = await getSource(null, "press-release");
    const text = JSON.stringify(source.citations);
    expect(text).not.toContain("Hiddenname");
    expect(text).not.toContain("Concealed");
    expect(text).not.toContain(NOTES[4]);
    expect(source.citations.map((c) => c.link.caseTitle)).toEqual(["Women's march, filed by [withheld]", "Detention of [withheld]"]);
    const member = await getSource(viewerA, "press-release");
    expect(member.citations.map((c) => c.link.caseTitle)).toEqual([`Women's march, filed by ${NAME}`, `Detention of ${TARGET}`]);
    expect(member.citations[0].note).toBe(NOTES[4]);
  });
});

describe("share links", () => {
  async function link(values: Entries): Promise<string> {
    session.actor = editorA;
    const state = await createShareLinkAction(initialFormState, form({ applicationId: caseId, expiresInDays: "30", "sections[]": ["parts", "answers", "appeals", "events", "incidents", "sources", "standards"], ...values }));
    expect(state.ok, JSON.stringify(state)).toBe(true);
    session.actor = null;
    return String(state.data!.path).replace("/s/", "");
  }
  const open = (token: string) => openShare(new Request(`http://localhost/s/${token}`, { headers: { "x-forwarded-for": "203.0.113.9" } }), { params: Promise.resolve({ token }) });
  const openPdf = (token: string) => openSharePdf(new Request(`http://localhost/s/${token}/pdf`, { headers: { "x-forwarded-for": "203.0.113.9" } }), { params: Promise.resolve({ token }) });

  it("without personal data: no one's data (the public person's name neither) and no notes, in HTML and PDF", async () => {
    const token = await link({});
    const html = unescape(await (await open(token)).text());
    expectNoSecrets(html, "the share link");
    expect(html).not.toContain(ACTIVIST);
    expect(html).toContain(REASON);
    expect(html).toContain(PUBLIC_NOTE);
    const text = (await pdfText(await openPdf(token))).replace(/\s+/g, "");
    for (const s of [...SECRETS, ...NOTES]) expect(text, `the shared PDF shows "${s}"`).not.toContain(s.replace(/\s+/g, ""));
  });

  it("with personal data ticked by the sharer: the people, still no notes", async () => {
    const token = await link({ includePersonal: "on" });
    const html = unescape(await (await open(token)).text());
    expect(html).toContain(NAME);
    expect(html).toContain(IIN);
    expect(html).toContain(TARGET);
    for (const n of NOTES) expect(html).not.toContain(n);
  });
});

describe("the owning group", () => {
  it("still sees everything: people, their data in the text, notes and history", async () => {
    const data = await getCase(viewerA, caseId);
    const text = JSON.stringify(data);
    for (const s of [NAME, IIN, ADDRESS, PHONE, ALT, TARGET, TARGET_IIN, ACTIVIST_IIN, ...NOTES]) expect(text, `the member misses "${s}"`).toContain(s);
    expect(data.answers[0].statedReason).toBe(`Dear ${NAME} (IIN ${IIN}), ${REASON}. Sent to ${ADDRESS}.`);
    expect(data.applicants).toHaveLength(2);
  });

  it("gets notes and people through the API with a member's token", async () => {
    const token = (await createApiToken(viewerA, "script")).token;
    const res = await caseGET(new Request(`http://tracker.test/api/v1/applications/${caseId}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: caseId }) });
    const raw = await res.text();
    for (const s of [NAME, IIN, NOTES[0], NOTES[1], NOTES[2], NOTES[3], NOTES[4]]) expect(raw).toContain(s);
  });

  it("prints a case file with the people and the notes, and without them when asked", async () => {
    const full = unescape(renderCaseFileHtml(await loadMemberCaseFile(viewerA, caseId, MEMBER_SCOPE, "en")));
    for (const s of [NAME, IIN, NOTES[0], NOTES[1]]) expect(full).toContain(s);
    const without = unescape(renderCaseFileHtml(await loadMemberCaseFile(viewerA, caseId, { ...MEMBER_SCOPE, includePersonal: false }, "en")));
    for (const s of SECRETS) expect(without).not.toContain(s);
    expect(without).toContain(NOTES[0]);
  });
});

describe("the public note", () => {
  const entries = (overrides: Entries = {}): Entries => ({
    groupId: groupA,
    "organizerIds[]": [groupA],
    title: "Picket for the public note",
    city: "Almaty",
    filedOn: "2025-05-02",
    filedOnPrecision: "day",
    notes: "Members-only remark",
    publicNote: "A remark for everyone",
    "parts.0.form": "picket",
    "parts.0.place": "Gandhi park",
    "parts.0.eventDate": "2025-05-20",
    isPublic: "on",
    ...overrides,
  });

  it("is stored from the form, logged, and shown to everyone while notes are not", async () => {
    const { redirect, state } = await run(editorA, createApplicationAction, entries());
    expect(redirect, JSON.stringify(state)).toBeTruthy();
    const id = redirect!.split("/").pop()!;
    const stored = await db.application.findUniqueOrThrow({ where: { id } });
    expect(stored.publicNote).toBe("A remark for everyone");
    expect(stored.notes).toBe("Members-only remark");

    const edit = await run(editorA, updateApplicationAction, { ...entries({ publicNote: "A changed remark" }), id, version: String(stored.version) });
    expect(edit.redirect, JSON.stringify(edit.state)).toBeTruthy();
    expect((await db.application.findUniqueOrThrow({ where: { id } })).publicNote).toBe("A changed remark");
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "Application", entityId: id, action: "update" }, orderBy: { at: "desc" } });
    expect(JSON.stringify(log)).toContain("A changed remark");

    const pub = await getCase(null, id);
    expect(pub.publicNote).toBe("A changed remark");
    expect(pub.notes).toBe("");
  });

  it("is limited in length, with the error beside the field", async () => {
    const { state } = await run(editorA, createApplicationAction, entries({ publicNote: "x".repeat(5_001) }));
    expect(state?.ok).toBe(false);
    expect(state?.errors?.publicNote).toBeTruthy();
  });
});

describe("saving the edit form", () => {
  it("never changes visibility: a stale or forged isPublic in the post is ignored", async () => {
    const { redirect } = await run(editorA, createApplicationAction, {
      groupId: groupA,
      "organizerIds[]": [groupA],
      title: "Made private, then saved",
      "parts.0.form": "picket",
      "parts.0.place": "Central square",
    });
    const id = redirect!.split("/").pop()!;
    const before = await db.application.findUniqueOrThrow({ where: { id } });
    expect(before.isPublic).toBe(false);
    const edit = await run(editorA, updateApplicationAction, {
      id,
      version: String(before.version),
      "organizerIds[]": [groupA],
      title: "Made private, then saved",
      "parts.0.form": "picket",
      "parts.0.place": "Central square",
      isPublic: "on",
    });
    expect(edit.redirect, JSON.stringify(edit.state)).toBeTruthy();
    expect((await db.application.findUniqueOrThrow({ where: { id } })).isPublic).toBe(false);
  });
});

describe("statistics", () => {
  it("do not quote a stated reason that names a person its case keeps private, outside the group", async () => {
    // Last in the file: a second public case, refused twice in the same words, so the wording counts as reused.
    const dana = await db.person.findFirstOrThrow({ where: { fullName: NAME } });
    const app = await db.application.create({
      data: { groupId: groupA, isPublic: true, title: "Picket, twice refused", procedure: "notification", city: "Almaty", filedOn: "2023-05-01", parts: { create: [{ form: "picket", place: "Old square", position: 0 }] } },
      include: { parts: true },
    });
    await db.applicant.create({ data: { applicationId: app.id, personId: dana.id } });
    for (const receivedOn of ["2023-05-05", "2024-05-05"]) {
      await db.answer.create({
        data: { applicationId: app.id, receivedOn, statedReason: `Dear ${NAME}, the old square is under repair.`, outcome: "refused", partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] } },
      });
    }
    const filters = statsFiltersSchema.parse({});
    const reused = async (actor: Actor | null) => (await getStats(actor, filters)).pretext.reusedReasons.map((r) => r.text);
    expect(await reused(viewerA)).toContain(`Dear ${NAME}, the old square is under repair.`);
    for (const actor of [null, editorB]) {
      const figures = JSON.stringify(await getStats(actor, filters));
      expect(figures).not.toContain("Hiddenname");
    }
  });
});
