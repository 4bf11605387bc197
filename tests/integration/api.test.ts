// The open data API through its route handlers: filters, pagination, visibility for
// anonymous callers and token holders, personal data, errors, tokens and the OpenAPI document.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/access";
import { session } from "../support/session";
import { makeActor, makeGroup } from "../support/fixtures";

vi.mock("@/lib/auth/session", () => import("../support/session"));

import { db } from "@/lib/db";
import { loadReference } from "@/prisma/seed/reference";
import { consume, resetLimits } from "@/lib/rate-limit";
import { createApiToken, hashToken } from "@/lib/data/api-tokens";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { initialFormState } from "@/lib/actions/form-state";
import { applicationListSchema, caseSchema } from "@/lib/validation/api";
import { statsFiguresSchema } from "@/lib/validation/stats";
import { GET as listGET } from "@/app/api/v1/applications/route";
import { GET as caseGET } from "@/app/api/v1/applications/[id]/route";
import { GET as statsGET } from "@/app/api/v1/stats/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { navigation } from "../support/setup";

const BASE = "http://tracker.test";

function get(path: string, token?: string, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}
const caseReq = (id: string, token?: string) => caseGET(get(`/api/v1/applications/${id}`, token), { params: Promise.resolve({ id }) });
async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

let kazfem: string, feminita: string;
let publicCase: string, privateCase: string;
let memberActor: Actor;
let token: string;

beforeAll(async () => {
  await loadReference(db);
  kazfem = (await makeGroup("kazfem", "KazFem")).id;
  feminita = (await makeGroup("feminita", "Feminita")).id;
  memberActor = await makeActor("Aigerim", [[feminita, "editor"]], { email: "aigerim@example.org" });
  token = (await createApiToken(memberActor, "script")).token;

  const akimat = await db.authority.create({ data: { name: "Akimat of Almaty", nameRu: "Акимат Алматы", kind: "akimat", city: "Almaty" } });
  const court = await db.authority.create({ data: { name: "Specialised Inter-district Administrative Court", kind: "court", city: "Almaty" } });
  const works = await db.refusalGround.findUniqueOrThrow({ where: { code: "works" } });

  // A public case with everything a lawyer reads: answer, ground, evidence, appeal, hearing,
  // ruling, event, incident, citation; one public applicant and one private one.
  const app = await db.application.create({
    data: {
      groupId: kazfem,
      isPublic: true,
      title: "Women's march 2023",
      procedure: "approval",
      city: "Almaty",
      authorityId: akimat.id,
      filedOn: "2023-03-20",
      status: "closed",
      outcome: "refused",
      organizers: { create: [{ groupId: kazfem }] },
      parts: { create: [{ form: "march", route: "Abay Ave", eventDate: "2024-03-08", outcome: "refused", equipment: "sound,structures" }] },
    },
    include: { parts: true },
  });
  publicCase = app.id;
  const publicPerson = await db.person.create({ data: { groupId: kazfem, isPublic: true, fullName: "Public Organizer", idNumber: "900101400123", phone: "+77011234567" } });
  const privatePerson = await db.person.create({ data: { groupId: kazfem, isPublic: false, fullName: "Hidden Applicant", idNumber: "910202400456" } });
  await db.applicant.createMany({ data: [{ applicationId: app.id, personId: publicPerson.id }, { applicationId: app.id, personId: privatePerson.id }] });
  const answer = await db.answer.create({
    data: {
      applicationId: app.id,
      receivedOn: "2023-03-24",
      statedReason: "Construction works on the route",
      outcome: "refused",
      partOutcomes: { create: [{ partId: app.parts[0].id, outcome: "refused" }] },
      grounds: { create: [{ groundId: works.id, words: "repair works" }] },
      evidence: { create: [{ stance: "contests", description: "Organizers walked the route: no works." }] },
    },
  });
  await db.appealStage.create({
    data: {
      applicationId: app.id,
      kind: "first_instance",
      filedOn: "2023-04-01",
      bodyId: court.id,
      hearings: { create: [{ heldOn: "2023-04-12", authorityArguments: "Letters from a group and a citizen" }] },
      ruling: { create: { decidedOn: "2023-04-21", outcome: "upheld" } },
    },
  });
  await db.event.create({ data: { applicationId: app.id, kind: "not_held", occurredOn: "2024-03-08" } });
  await db.incident.create({
    data: {
      groupId: kazfem,
      isPublic: true,
      kind: "fine",
      title: "Organizer fined",
      amount: 69000,
      currency: "KZT",
      applications: { create: [{ applicationId: app.id }] },
      people: { create: [{ personId: publicPerson.id }, { personId: privatePerson.id }] },
    },
  });
  const source = await db.source.create({ data: { groupId: kazfem, isPublic: true, slug: "fld-2023", title: "Front Line Defenders, 28 April 2023" } });
  await db.citation.create({ data: { sourceId: source.id, recordType: "Answer", recordId: answer.id, quote: "which was refused by the Akimat of Almaty" } });

  // More public records for pagination and filters, and one private to Feminita.
  for (const [i, city] of ["Shymkent", "Karaganda", "Almaty"].entries()) {
    await db.application.create({
      data: { groupId: kazfem, isPublic: true, title: `Rally ${i}`, procedure: "notification", city, filedOn: `2022-0${i + 1}-10`, parts: { create: [{ form: "rally" }] } },
    });
  }
  const priv = await db.application.create({
    data: {
      groupId: feminita,
      isPublic: false,
      title: "Private picket",
      procedure: "notification",
      city: "Almaty",
      filedOn: "2024-05-01",
      organizers: { create: [{ groupId: feminita }] },
      parts: { create: [{ form: "picket", outcome: "refused" }] },
    },
    include: { parts: true },
  });
  privateCase = priv.id;
  const secret = await db.person.create({ data: { groupId: feminita, isPublic: false, fullName: "Feminita Applicant", idNumber: "920303400789", address: "Secret street 1" } });
  await db.applicant.create({ data: { applicationId: priv.id, personId: secret.id } });
  await db.answer.create({ data: { applicationId: priv.id, receivedOn: "2024-05-03", partOutcomes: { create: [{ partId: priv.parts[0].id, outcome: "refused" }] } } });
});

beforeEach(async () => {
  session.actor = null;
  await resetLimits();
});

describe("GET /api/v1/applications", () => {
  it("lists public records to anonymous callers, paginated with links", async () => {
    const res = await listGET(get("/api/v1/applications?pageSize=2"));
    expect(res.status).toBe(200);
    const page1 = applicationListSchema.parse(await res.json());
    expect(page1.total).toBe(4);
    expect(page1.pageCount).toBe(2);
    expect(page1.data).toHaveLength(2);
    expect(page1.links.prev).toBeNull();
    expect(page1.links.next).toBe(`${BASE}/api/v1/applications?pageSize=2&page=2`);
    const page2 = applicationListSchema.parse(await (await listGET(get("/api/v1/applications?pageSize=2&page=2"))).json());
    expect(page2.data).toHaveLength(2);
    const all = [...page1.data, ...page2.data].map((a) => a.title);
    expect(new Set(all).size).toBe(4);
    expect(all).not.toContain("Private picket");
    expect(page1.data[0].url).toBe(`${BASE}/api/v1/applications/${page1.data[0].id}`);
    expect(res.headers.get("cache-control")).toContain("no-store");
  });

  it("applies the list filters", async () => {
    const almaty = await body<{ data: { title: string }[] }>(await listGET(get("/api/v1/applications?city=Almaty")));
    expect(almaty.data.map((a) => a.title).sort()).toEqual(["Rally 2", "Women's march 2023"]);
    const marches = await body<{ data: { title: string; parts: { form: string }[] }[] }>(await listGET(get("/api/v1/applications?form=march")));
    expect(marches.data.map((a) => a.title)).toEqual(["Women's march 2023"]);
    expect(marches.data[0].parts).toEqual([{ form: "march", outcome: "refused" }]);
    const y2022 = await body<{ total: number }>(await listGET(get("/api/v1/applications?year=2022")));
    expect(y2022.total).toBe(3);
  });

  it("adds the token holder's group's private records", async () => {
    const res = await body<{ total: number; data: { title: string }[] }>(await listGET(get("/api/v1/applications?city=Almaty", token)));
    expect(res.data.map((a) => a.title)).toContain("Private picket");
    const stored = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("answers 400 for a bad filter or an unknown parameter, naming each", async () => {
    const res = await listGET(get("/api/v1/applications?form=parade&page=0&colour=red"));
    expect(res.status).toBe(400);
    const err = await body<{ error: { code: string; message: string; issues: { parameter: string; code: string; message: string }[] } }>(res);
    expect(err.error.code).toBe("bad_parameter");
    expect(err.error.issues.map((i) => i.parameter).sort()).toEqual(["colour", "form", "page"]);
    expect(err.error.issues.find((i) => i.parameter === "colour")?.message).toBe("Unknown parameter.");
    expect(err.error.issues.find((i) => i.parameter === "form")?.message).toBe("Choose one of the options.");
    expect(err.error.message).toContain("form");
  });

  it("speaks the caller's language", async () => {
    const res = await listGET(get("/api/v1/applications?form=parade", undefined, { "accept-language": "ru-RU,ru;q=0.9" }));
    const err = await body<{ error: { message: string } }>(res);
    expect(err.error.message).toMatch(/Недопустимый параметр/);
  });
});

describe("tokens", () => {
  it("answers 401 for a malformed, unknown or revoked token", async () => {
    for (const header of ["Basic abc", "Bearer", "Bearer apt_nope", "Bearer not-a-token"]) {
      const res = await listGET(new Request(`${BASE}/api/v1/applications`, { headers: { authorization: header } }));
      expect(res.status, header).toBe(401);
      expect((await body<{ error: { code: string } }>(res)).error.code).toBe("unauthenticated");
    }
    const { token: revoked, id } = await createApiToken(memberActor, "old");
    expect((await listGET(get("/api/v1/applications", revoked))).status).toBe(200);
    await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    const res = await listGET(get("/api/v1/applications", revoked));
    expect(res.status).toBe(401);
    expect((await body<{ error: { message: string } }>(res)).error.message).toMatch(/revoked/);
  });

  it("creates a token shown once and stores only its hash; revokes only one's own", async () => {
    session.actor = memberActor;
    const fd = new FormData();
    fd.set("name", "monthly report");
    const state = await createApiTokenAction(initialFormState, fd);
    expect(state.ok).toBe(true);
    const secret = String(state.data?.token);
    expect(secret).toMatch(/^apt_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findFirstOrThrow({ where: { name: "monthly report" } });
    expect(row.tokenHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    // The change log names the token, never its secret or hash.
    const log = await db.changeLog.findFirstOrThrow({ where: { entity: "ApiToken", entityId: row.id } });
    expect(log.after).not.toContain(row.tokenHash);

    const empty = new FormData();
    empty.set("name", "  ");
    expect(await createApiTokenAction(initialFormState, empty)).toMatchObject({ ok: false, errors: { name: ["required"] } });

    // Someone else cannot revoke it.
    session.actor = await makeActor("Other", [], { email: "other@example.org" });
    const revoke = new FormData();
    revoke.set("id", row.id);
    expect(await revokeApiTokenAction(initialFormState, revoke)).toMatchObject({ ok: false, message: "not_found" });
    expect((await listGET(get("/api/v1/applications", secret))).status).toBe(200);

    session.actor = memberActor;
    await expect(revokeApiTokenAction(initialFormState, revoke)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(navigation.redirects.at(-1)).toBe("/settings/tokens?revoked=1");
    expect((await listGET(get("/api/v1/applications", secret))).status).toBe(401);
  });

  it("answers 429 once a caller has used up its requests", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" };
    expect((await listGET(get("/api/v1/applications", undefined, headers))).status).toBe(200);
    await consume("api", "ip:203.0.113.9", 1000);
    const res = await listGET(get("/api/v1/applications", undefined, headers));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await body<{ error: { code: string } }>(res)).error.code).toBe("rate_limited");
    // Another address is not affected.
    expect((await listGET(get("/api/v1/applications", undefined, { "x-forwarded-for": "198.51.100.1" }))).status).toBe(200);
    // Guessing tokens from a throttled address is throttled too; a valid token has its own bucket.
    expect((await listGET(get("/api/v1/applications", "apt_guess", headers))).status).toBe(429);
    expect((await listGET(get("/api/v1/applications", token, headers))).status).toBe(200);
  });
});

describe("GET /api/v1/applications/{id}", () => {
  it("returns the whole public case", async () => {
    const res = await caseReq(publicCase);
    expect(res.status).toBe(200);
    const { data } = await body<{ data: unknown }>(res);
    const c = caseSchema.parse(data);
    expect(c.parts[0]).toMatchObject({ form: "march", equipment: ["sound", "structures"] });
    expect(c.answers[0].grounds).toEqual([expect.objectContaining({ code: "works", words: "repair works" })]);
    expect(c.answers[0].evidence[0].stance).toBe("contests");
    expect(c.appealStages[0]).toMatchObject({ kind: "first_instance", body: expect.objectContaining({ kind: "court" }), ruling: expect.objectContaining({ outcome: "upheld" }) });
    expect(c.appealStages[0].hearings[0].authorityArguments).toMatch(/Letters/);
    expect(c.events[0].kind).toBe("not_held");
    expect(c.incidents[0]).toMatchObject({ kind: "fine", amount: 69000, currency: "KZT" });
    expect(c.citations[0]).toMatchObject({ recordType: "Answer", source: expect.objectContaining({ slug: "fld-2023" }) });
  });

  it("never shows private people or personal details to strangers", async () => {
    const text = await (await caseReq(publicCase)).text();
    expect(text).toContain("Public Organizer");
    expect(text).not.toContain("Hidden Applicant");
    expect(text).not.toContain("900101400123");
    expect(text).not.toContain("910202400456");
    expect(text).not.toContain("+77011234567");
    expect(text).not.toMatch(/passwordHash|tokenHash|"history"/);
    const { data } = await body<{ data: { applicants: { person: Record<string, unknown> }[]; incidents: { people: unknown[] }[] } }>(await caseReq(publicCase));
    expect(data.applicants).toHaveLength(1);
    expect(Object.keys(data.applicants[0].person).sort()).toEqual(["fullName", "id", "isPublic", "roleTitle"]);
    expect(data.incidents[0].people).toHaveLength(1);
  });

  it("is 404 for another group's private case, and for a missing one", async () => {
    const res = await caseReq(privateCase);
    expect(res.status).toBe(404);
    expect((await body<{ error: { code: string } }>(res)).error.code).toBe("not_found");
    expect((await caseReq("does-not-exist")).status).toBe(404);
  });

  it("shows the token holder's own private case with its personal details", async () => {
    const res = await caseReq(privateCase, token);
    expect(res.status).toBe(200);
    const { data } = await body<{ data: { applicants: { person: { fullName: string; idNumber?: string; address?: string } }[] } }>(res);
    expect(data.applicants[0].person).toMatchObject({ fullName: "Feminita Applicant", idNumber: "920303400789", address: "Secret street 1" });
    // Membership in Feminita says nothing about KazFem's people.
    expect(await (await caseReq(publicCase, token)).text()).not.toContain("900101400123");
  });
});

describe("GET /api/v1/stats", () => {
  it("counts public records for anonymous callers and adds the token holder's group's", async () => {
    const anon = statsFiguresSchema.parse((await body<{ data: unknown }>(await statsGET(get("/api/v1/stats")))).data);
    expect(anon.refusals.total).toBe(1);
    expect(anon.refusals.byGround).toEqual([{ ground: "works", count: 1, share: 1 }]);
    const member = statsFiguresSchema.parse((await body<{ data: unknown }>(await statsGET(get("/api/v1/stats", token)))).data);
    expect(member.refusals.total).toBe(2);
    const filtered = (await body<{ data: { refusals: { total: number }; filters: unknown } }>(await statsGET(get("/api/v1/stats?form=picket", token)))).data;
    expect(filtered.refusals.total).toBe(1);
    expect(filtered.filters).toEqual({ form: "picket" });
  });

  it("answers 400 for a bad filter", async () => {
    const res = await statsGET(get("/api/v1/stats?yearFrom=2024&yearTo=2020"));
    expect(res.status).toBe(400);
    expect((await body<{ error: { issues: { parameter: string; code: string }[] } }>(res)).error.issues).toEqual([
      expect.objectContaining({ parameter: "yearTo", code: "end_before_start" }),
    ]);
    expect((await statsGET(get("/api/v1/stats?year=2020"))).status).toBe(400);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("describes every endpoint with parameters taken from the validation schemas", async () => {
    const res = openapiGET(get("/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    const doc = await body<{
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>(res);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/api/v1/applications", "/api/v1/applications/{id}", "/api/v1/export", "/api/v1/search", "/api/v1/stats"]);
    const listParams = doc.paths["/api/v1/applications"].get.parameters;
    expect(listParams.map((p) => p.name)).toEqual(expect.arrayContaining(["year", "city", "authority", "group", "form", "page", "pageSize"]));
    expect(listParams.find((p) => p.name === "form")?.schema.enum).toContain("march");
    expect(doc.paths["/api/v1/stats"].get.parameters.map((p) => p.name)).toEqual(["yearFrom", "yearTo", "city", "authority", "group", "form"]);
    expect(Object.keys(doc.components.schemas.Case.properties ?? {})).toEqual(expect.arrayContaining(["answers", "appealStages", "incidents", "citations"]));
    // The person schema offers personal fields only as optional, member-only ones.
    expect(JSON.stringify(doc.components.schemas.Case)).not.toMatch(/passwordHash|tokenHash/);
  });
});
