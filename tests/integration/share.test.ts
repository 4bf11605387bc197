// Share links end to end against a real database: creating, opening (HTML and PDF),
// scope, passcodes, expiry, revocation, the access log, rate limiting and who may share.
import crypto from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { form, makeActor, makeGroup } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));
// The share pages read the visitor's language from the request; the tests set session.locale.
vi.mock("@/lib/i18n/request", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { loadActor } from "@/lib/data/users";
import { resetLimits } from "@/lib/rate-limit";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/actions/share-links";
import { updateStandardAction } from "@/lib/actions/standards";
import { standardFingerprint } from "@/lib/data/case-file";
import { listGroupShareLinks, listShareLinks } from "@/lib/data/share-links";
import { extractPdfText } from "@/lib/pdf/extract-text";
import { GET as openPage, POST as postPasscode } from "@/app/s/[token]/route";
import { GET as openPdf } from "@/app/s/[token]/pdf/route";
import { GET as memberPdf } from "@/app/(app)/applications/[id]/case-file/pdf/route";

const APPLICANT = "Aigerim Test-Applicant";
const IIN = "990101400123";
const PHONE = "+7 701 555 0199";
const TITLE = "March and rally for 8 March 2024";
const REASON = "The square is booked by the city's own festival on that day.";
const INCIDENT = "Organizer fined for a social media post";
const ZONE = "Ulitsa Tulebaeva 38 flat 12";

let editorA: Actor;
let viewerA: Actor;
let editorB: Actor;
let groupA: string;
let caseId: string;

async function share(values: Record<string, string | string[]>, as: Actor = editorA): Promise<FormState> {
  session.actor = as;
  return createShareLinkAction(initialFormState, form({ applicationId: caseId, expiresInDays: "30", ...values }));
}

async function newLink(values: Record<string, string | string[]> = {}): Promise<string> {
  const state = await share({ "sections[]": ["parts", "answers", "appeals", "events", "sources", "standards"], ...values });
  expect(state.ok, JSON.stringify(state)).toBe(true);
  return String(state.data!.path).replace("/s/", "");
}

const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
function request(path: string, opts: { ip?: string; cookie?: string; method?: string; body?: FormData } = {}): Request {
  const headers = new Headers({ "x-forwarded-for": opts.ip ?? "203.0.113.7" });
  if (opts.cookie) headers.set("cookie", opts.cookie);
  return new Request(`http://localhost${path}`, { method: opts.method ?? "GET", headers, body: opts.body });
}
const get = (token: string, ip?: string, cookie?: string) => openPage(request(`/s/${token}`, { ip, cookie }), ctx(token));
const pdf = (token: string, ip?: string) => openPdf(request(`/s/${token}/pdf`, { ip }), ctx(token));
/** The page's text with the HTML escapes undone, for comparing with what was stored. */
const unescape = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const pdfText = async (res: Response) => extractPdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, " ");

beforeAll(async () => {
  await loadReference(db);
  const a = await makeGroup("kazfem", "KazFem");
  const b = await makeGroup("other", "Other group");
  groupA = a.id;
  editorA = await makeActor("Editor A", [[a.id, "editor"]], { email: "editor@a.test" });
  viewerA = await makeActor("Viewer A", [[a.id, "viewer"]], { email: "viewer@a.test" });
  editorB = await makeActor("Editor B", [[b.id, "editor"]], { email: "editor@b.test" });

  const authority = await db.authority.create({ data: { name: "Almaty city akimat", nameRu: "Акимат города Алматы", kind: "akimat", city: "Almaty" } });
  const app = await db.application.create({
    data: {
      groupId: a.id,
      title: TITLE,
      procedure: "approval",
      authorityId: authority.id,
      city: "Almaty",
      filedOn: "2024-02-20",
      notes: "Internal: strategy notes the group keeps to itself.",
      organizers: { create: [{ groupId: a.id }] },
      parts: { create: [{ form: "march", route: "Abay Avenue to Republic Square", eventDate: "2024-03-08", position: 0 }, { form: "rally", place: "Republic Square", eventDate: "2024-03-08", position: 1 }] },
    },
    include: { parts: true },
  });
  caseId = app.id;
  const person = await db.person.create({ data: { groupId: a.id, fullName: APPLICANT, idNumber: IIN, phone: PHONE, address: ZONE } });
  await db.applicant.create({ data: { applicationId: app.id, personId: person.id } });
  const placeTaken = await db.refusalGround.findUniqueOrThrow({ where: { code: "place_taken" } });
  const answer = await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: "2024-02-27",
      statedReason: REASON,
      outcome: "refused",
      partOutcomes: { create: app.parts.map((p) => ({ partId: p.id, outcome: "refused" })) },
      grounds: { create: [{ groundId: placeTaken.id, words: `${REASON} Applicant ${APPLICANT} was told in person.` }] },
    },
  });
  const stage = await db.appealStage.create({ data: { applicationId: app.id, kind: "first_instance", filedOn: "2024-03-15", bodyName: "Specialised inter-district administrative court of Almaty" } });
  await db.ruling.create({ data: { appealStageId: stage.id, decidedOn: "2024-04-02", outcome: "upheld", summary: "The court upheld the refusal." } });
  const incident = await db.incident.create({ data: { groupId: a.id, kind: "fine", title: INCIDENT, occurredOn: "2024-03-09", amount: 184600, currency: "KZT" } });
  await db.incidentApplication.create({ data: { incidentId: incident.id, applicationId: app.id } });
  await db.incidentPerson.create({ data: { incidentId: incident.id, personId: person.id } });
  const source = await db.source.create({ data: { groupId: a.id, isPublic: true, slug: "press-release", title: "KazFem press release", publisher: "KazFem" } });
  await db.citation.create({ data: { sourceId: source.id, recordType: "Answer", recordId: answer.id, quote: "The akimat refused, saying the square was booked." } });
  await db.citation.create({ data: { sourceId: source.id, recordType: "Incident", recordId: incident.id, quote: "One organizer was fined 184,600 tenge." } });
});

beforeEach(async () => {
  await resetLimits();
  session.locale = "en";
});

describe("creating a share link", () => {
  it("hands out a 256-bit base64url token once and stores only its hash", async () => {
    const token = await newLink();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const hash = crypto.createHash("sha256").update(token).digest("hex");
    const row = await db.shareLink.findUniqueOrThrow({ where: { tokenHash: hash } });
    expect(row.applicationId).toBe(caseId);
    expect(row.groupId).toBe(groupA);
    expect(row.includePersonal).toBe(false);
    expect(row.createdByName).toBe("Editor A");
    expect(row.sections).toBe("parts,answers,appeals,events,sources,standards");
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(30);
    // Nowhere in the database: not in the link, not in the change log.
    expect(JSON.stringify(await db.shareLink.findMany())).not.toContain(token);
    expect(JSON.stringify(await db.changeLog.findMany())).not.toContain(token);
    expect(await db.changeLog.count({ where: { entity: "ShareLink", entityId: row.id, action: "create" } })).toBe(1);
  });

  it("defaults to 30 days and rejects bad input without writing anything", async () => {
    const before = await db.shareLink.count();
    const state = await share({ expiresInDays: "0", passcode: "short", "sections[]": ["parts", "bogus"] });
    expect(state.ok).toBe(false);
    expect(state.message).toBe("form_invalid");
    expect(state.errors?.expiresInDays).toEqual(["invalid_number"]);
    expect(state.errors?.passcode).toEqual(["password_too_short"]);
    expect(Object.keys(state.errors ?? {}).some((k) => k.startsWith("sections"))).toBe(true);
    expect(await db.shareLink.count()).toBe(before);
  });

  it("is refused to a viewer of the group", async () => {
    const before = await db.shareLink.count();
    const state = await share({ "sections[]": ["parts"] }, viewerA);
    expect(state).toMatchObject({ ok: false, message: "forbidden" });
    expect(await db.shareLink.count()).toBe(before);
  });

  it("is refused to another group, even for a public case", async () => {
    const before = await db.shareLink.count();
    expect(await share({ "sections[]": ["parts"] }, editorB)).toMatchObject({ ok: false, message: "not_found" });
    await db.application.update({ where: { id: caseId }, data: { isPublic: true } });
    try {
      expect(await share({ "sections[]": ["parts"] }, editorB)).toMatchObject({ ok: false, message: "not_found" });
    } finally {
      await db.application.update({ where: { id: caseId }, data: { isPublic: false } });
    }
    expect(await db.shareLink.count()).toBe(before);
  });

  it("cannot be revoked by another group", async () => {
    const token = await newLink();
    const row = await db.shareLink.findUniqueOrThrow({ where: { tokenHash: crypto.createHash("sha256").update(token).digest("hex") } });
    session.actor = editorB;
    expect(await revokeShareLinkAction(initialFormState, form({ linkId: row.id }))).toMatchObject({ ok: false, message: "not_found" });
    session.actor = viewerA;
    expect(await revokeShareLinkAction(initialFormState, form({ linkId: row.id }))).toMatchObject({ ok: false, message: "forbidden" });
    expect((await get(token)).status).toBe(200);
  });
});

describe("opening a share link", () => {
  it("serves a read-only, noindex case file limited to the chosen sections, without personal data", async () => {
    const token = await newLink();
    const res = await get(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = unescape(await res.text());
    expect(html).toContain('<meta name="robots" content="noindex, nofollow, noarchive">');
    expect(html).toContain(TITLE);
    expect(html).toContain(REASON);
    expect(html).toContain("Shared by Editor A for KazFem");
    expect(html).toContain("ICCPR, Article 21"); // standards that answer the ground
    expect(html).toContain("OSCE/ODIHR");
    expect(html).toContain("Exhibit 1. KazFem press release");
    // Outside the scope: incidents (and their citation), notes, personal data.
    expect(html).not.toContain(INCIDENT);
    expect(html).not.toContain("184,600 tenge");
    expect(html).not.toContain("strategy notes");
    for (const secret of [APPLICANT, "Aigerim", IIN, PHONE, ZONE]) expect(html).not.toContain(secret);
    expect(html).toContain("[withheld]"); // the name inside the authority's words
    expect(html).not.toMatch(/<script/i);
  });

  it("leaves personal data out of the PDF too, and respects the scope there", async () => {
    const token = await newLink();
    const res = await pdf(token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    const text = await pdfText(res);
    expect(text).toContain(TITLE);
    expect(text).toContain(REASON);
    expect(text).not.toContain(INCIDENT);
    for (const secret of ["Aigerim", IIN, PHONE]) expect(text).not.toContain(secret);
  });

  it("includes personal data in HTML and PDF when the sharer ticks it", async () => {
    const token = await newLink({ includePersonal: "on", "sections[]": ["incidents"] });
    const html = unescape(await (await get(token)).text());
    expect(html).toContain(APPLICANT);
    expect(html).toContain(IIN);
    expect(html).toContain(PHONE);
    expect(html).toContain(INCIDENT);
    expect(html).not.toContain(REASON); // answers were not chosen
    const text = (await pdfText(await pdf(token))).replace(/\s+/g, "");
    expect(text).toContain(APPLICANT.replace(/\s+/g, ""));
    expect(text).toContain(IIN);
  });

  it("renders Russian for a Russian reader, Cyrillic intact in the PDF", async () => {
    const token = await newLink();
    session.locale = "ru";
    const html = await (await get(token)).text();
    expect(html).toContain("Материалы дела");
    expect(html).toContain("Акимат города Алматы");
    const text = await pdfText(await pdf(token));
    expect(text).toContain("МАТЕРИАЛЫ ДЕЛА");
    expect(text).toContain("Ответы органа");
    expect(text).toContain("Акимат города Алматы");
  });

  it("logs every opening with a hashed client address and counts it", async () => {
    const token = await newLink();
    const row = await db.shareLink.findUniqueOrThrow({ where: { tokenHash: crypto.createHash("sha256").update(token).digest("hex") } });
    expect(row.openCount).toBe(0);
    expect(row.lastOpenedAt).toBeNull();
    await get(token, "198.51.100.23");
    await pdf(token, "198.51.100.23");
    const after = await db.shareLink.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.openCount).toBe(2);
    expect(after.lastOpenedAt).not.toBeNull();
    const accesses = await db.shareAccess.findMany({ where: { shareLinkId: row.id } });
    expect(accesses).toHaveLength(2);
    for (const a of accesses) {
      expect(a.result).toBe("ok");
      expect(a.clientHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(JSON.stringify(await db.shareAccess.findMany())).not.toContain("198.51.100.23");
    expect(JSON.stringify(await db.shareAccess.findMany())).not.toContain("203.0.113.7");
  });

  it("answers 410 once the link has expired, revealing nothing", async () => {
    const token = await newLink();
    const hash = crypto.createHash("sha256").update(token).digest("hex");
    await db.shareLink.update({ where: { tokenHash: hash }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const res of [await get(token), await pdf(token)]) {
      expect(res.status).toBe(410);
      const body = await res.text();
      expect(body).toContain("This link is no longer valid");
      expect(body).not.toContain(TITLE);
      expect(body).not.toContain("KazFem");
    }
  });

  it("answers 410 at once after revocation", async () => {
    const token = await newLink();
    expect((await get(token)).status).toBe(200);
    const row = await db.shareLink.findUniqueOrThrow({ where: { tokenHash: crypto.createHash("sha256").update(token).digest("hex") } });
    session.actor = editorA;
    expect(await revokeShareLinkAction(initialFormState, form({ linkId: row.id }))).toMatchObject({ ok: true });
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    expect((await get(token)).status).toBe(410);
    expect((await pdf(token)).status).toBe(410);
  });

  it("answers an unknown token exactly like an expired one", async () => {
    const unknown = crypto.randomBytes(32).toString("base64url");
    const res = await get(unknown);
    expect(res.status).toBe(410);
    expect(await res.text()).toBe(await (await get("not-even-a-token")).text());
  });

  it("slows down a client that keeps trying bad tokens (429), not everyone else", async () => {
    const valid = await newLink();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await get(crypto.randomBytes(32).toString("base64url"), "192.0.2.66")).status);
    expect(statuses.slice(0, 20).every((s) => s === 410)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const limited = await get(valid, "192.0.2.66");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("Too many attempts");
    // Another client is unaffected; a good link read many times never trips the limit.
    for (let i = 0; i < 25; i++) expect((await get(valid, "192.0.2.77")).status).toBe(200);
  });
});

describe("a passcode-protected link", () => {
  const passcode = "correct horse battery";

  it("asks for the passcode, and the right one opens it for that link only", async () => {
    const token = await newLink({ passcode });
    const other = await newLink({ passcode });
    const first = await get(token);
    expect(first.status).toBe(200);
    const formHtml = await first.text();
    expect(formHtml).toContain('name="passcode"');
    expect(formHtml).not.toContain(TITLE);
    expect((await pdf(token)).status).toBe(303);

    const wrong = await postPasscode(request(`/s/${token}`, { method: "POST", body: form({ passcode: "wrong passcode!" }) }), ctx(token));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain("That passcode is not right.");

    const right = await postPasscode(request(`/s/${token}`, { method: "POST", body: form({ passcode }) }), ctx(token));
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe(`/s/${token}`);
    const setCookie = right.headers.get("set-cookie")!;
    expect(setCookie).toContain(`Path=/s/${token}`);
    expect(setCookie).toContain("HttpOnly");
    const cookie = setCookie.split(";")[0];

    const opened = await get(token, undefined, cookie);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain(TITLE);
    // The cookie is bound to its link.
    expect(await (await get(other, undefined, cookie)).text()).not.toContain(TITLE);
    // A forged cookie is worthless.
    expect(await (await get(token, undefined, `share_pass=${Math.floor(Date.now() / 1000) + 600}.forged`)).text()).not.toContain(TITLE);

    const row = await db.shareLink.findUniqueOrThrow({ where: { tokenHash: crypto.createHash("sha256").update(token).digest("hex") } });
    const results = (await db.shareAccess.findMany({ where: { shareLinkId: row.id }, orderBy: { at: "asc" } })).map((a) => a.result);
    expect(results).toEqual(expect.arrayContaining(["passcode_required", "bad_passcode", "ok"]));
    expect(row.passcodeHash).not.toContain(passcode);
  }, 60_000);

  it("slows down repeated wrong passcodes", async () => {
    const token = await newLink({ passcode });
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await postPasscode(request(`/s/${token}`, { method: "POST", ip: "192.0.2.99", body: form({ passcode: `nope ${i} nope nope` }) }), ctx(token))).status;
    expect(last).toBe(429);
  }, 120_000);
});

describe("the group's view of its links", () => {
  it("lists every link with its stats to members, never the hashes, and nothing to other groups", async () => {
    const token = await newLink();
    await get(token);
    const forCase = await listShareLinks(viewerA, caseId);
    const forGroup = await listGroupShareLinks(viewerA, groupA);
    expect(forGroup.length).toBe(forCase.length);
    const mine = forCase.find((l) => l.openCount === 1 && l.state === "active");
    expect(mine).toMatchObject({ createdByName: "Editor A", includePersonal: false, hasPasscode: false });
    expect(JSON.stringify(forGroup)).not.toMatch(/tokenHash|passcodeHash/);
    expect(forGroup[0].application.title).toBe(TITLE);
    expect(forCase.some((l) => l.state === "revoked")).toBe(true);
    expect(forCase.some((l) => l.state === "expired")).toBe(true);
    await expect(listShareLinks(editorB, caseId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listGroupShareLinks(editorB, groupA)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the members' PDF", () => {
  const call = (id: string, query = "") => memberPdf(new Request(`http://localhost/applications/${id}/case-file/pdf${query}`), { params: Promise.resolve({ id }) });

  it("gives a member the whole case, with personal data unless asked to leave it out", async () => {
    session.actor = viewerA;
    const res = await call(caseId);
    expect(res.status).toBe(200);
    const text = (await pdfText(res)).replace(/\s+/g, "");
    expect(text).toContain(APPLICANT.replace(/\s+/g, ""));
    expect(text).toContain(INCIDENT.replace(/\s+/g, ""));
    const without = (await pdfText(await call(caseId, "?personal=0"))).replace(/\s+/g, "");
    expect(without).not.toContain("Aigerim");
    expect(without).not.toContain(IIN);
  });

  it("gives another group's member a public case without anyone's personal data or the group's notes", async () => {
    await db.application.update({ where: { id: caseId }, data: { isPublic: true } });
    try {
      session.actor = editorB;
      const res = await call(caseId);
      expect(res.status).toBe(200);
      const text = await pdfText(res);
      expect(text).toContain(TITLE);
      // (The authority's words are shown as the public case page shows them.)
      expect(text).not.toContain("Applicants");
      expect(text).not.toContain(IIN);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain("strategy notes");
    } finally {
      await db.application.update({ where: { id: caseId }, data: { isPublic: false } });
    }
  });

  it("is not found for another group's private case, and asks the anonymous to sign in", async () => {
    session.actor = editorB;
    expect((await call(caseId)).status).toBe(404);
    session.actor = null;
    const res = await call(caseId);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("/signin");
  });
});

describe("the standards' reference texts", () => {
  async function edit(as: Actor, changes: Record<string, string>, fingerprint?: string) {
    const s = await db.legalStandard.findUniqueOrThrow({ where: { code: "odihr_sight_sound" } });
    session.actor = as;
    const values = { id: s.id, fingerprint: fingerprint ?? standardFingerprint(s), titleEn: s.titleEn, titleRu: s.titleRu, bodyEn: s.bodyEn, bodyRu: s.bodyRu, groundCodes: s.groundCodes, ...changes };
    return updateStandardAction(initialFormState, form(values));
  }

  it("may be edited by an operator, and the case file prints the new text", async () => {
    const admin = await makeActor("Operator", [[groupA, "viewer"]], { email: "admin@a.test", isOperator: true });
    expect(await edit(admin, { bodyEn: "Edited: within sight and sound.", groundCodes: "place_taken, works,place_taken" })).toMatchObject({ ok: true });
    const s = await db.legalStandard.findUniqueOrThrow({ where: { code: "odihr_sight_sound" } });
    expect(s.groundCodes).toBe("place_taken,works");
    expect(await db.changeLog.count({ where: { entity: "LegalStandard", entityId: s.id } })).toBe(1);
    const token = await newLink();
    expect(await (await get(token)).text()).toContain("Edited: within sight and sound.");
  });

  it("is refused to editors and to a group's admin, rejects unknown grounds and reports a newer save", async () => {
    const groupAdmin = await makeActor("Admin A", [[groupA, "admin"]]);
    expect(await edit(groupAdmin, { bodyEn: "x" })).toMatchObject({ ok: false, message: "forbidden" });
    const admin = (await loadActor((await db.user.findUniqueOrThrow({ where: { email: "admin@a.test" } })).id))!;
    expect(await edit(editorA, { bodyEn: "x" })).toMatchObject({ ok: false, message: "forbidden" });
    expect(await edit(admin, { groundCodes: "place_taken,made_up" })).toMatchObject({ ok: false, errors: { groundCodes: ["unknown_ground"] } });
    expect(await edit(admin, { titleEn: "" })).toMatchObject({ ok: false, errors: { titleEn: ["required"] } });
    const stale = await edit(admin, { bodyEn: "Stale overwrite" }, "0".repeat(32));
    expect(stale).toMatchObject({ ok: false, message: "conflict" });
    expect(typeof stale.data?.fingerprint).toBe("string");
    expect((await db.legalStandard.findUniqueOrThrow({ where: { code: "odihr_sight_sound" } })).bodyEn).toBe("Edited: within sight and sound.");
  });
});
