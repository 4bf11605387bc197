// The documented history loads as the five documents tell it: every fact cited with a
// sentence that is really in its source, status derived by the domain rules, nothing a user
// changed touched by a second run.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deriveCase } from "@/lib/domain/status";
import { loadReference } from "@/prisma/seed/reference";
import { loadHistory, readSourceTexts, validateHistory } from "@/prisma/seed/load-history";
import { SOURCES } from "@/prisma/seed/history";

const CITED_MODELS = ["Application", "Part", "Answer", "Evidence", "AppealStage", "Hearing", "Ruling", "Event", "Incident", "Person", "Group", "Authority"] as const;
type CitedModel = (typeof CITED_MODELS)[number];

async function idsOf(model: CitedModel): Promise<string[]> {
  const select = { select: { id: true } } as const;
  const rows: { id: string }[] = await {
    Application: () => db.application.findMany(select),
    Part: () => db.part.findMany(select),
    Answer: () => db.answer.findMany(select),
    Evidence: () => db.evidence.findMany(select),
    AppealStage: () => db.appealStage.findMany(select),
    Hearing: () => db.hearing.findMany(select),
    Ruling: () => db.ruling.findMany(select),
    Event: () => db.event.findMany(select),
    Incident: () => db.incident.findMany(select),
    Person: () => db.person.findMany(select),
    Group: () => db.group.findMany(select),
    Authority: () => db.authority.findMany(select),
  }[model]();
  return rows.map((r) => r.id);
}

async function counts() {
  return {
    groups: await db.group.count(),
    authorities: await db.authority.count(),
    people: await db.person.count(),
    sources: await db.source.count(),
    applications: await db.application.count(),
    organizers: await db.applicationGroup.count(),
    parts: await db.part.count(),
    answers: await db.answer.count(),
    partOutcomes: await db.partOutcome.count(),
    grounds: await db.groundCited.count(),
    evidence: await db.evidence.count(),
    stages: await db.appealStage.count(),
    hearings: await db.hearing.count(),
    rulings: await db.ruling.count(),
    events: await db.event.count(),
    incidents: await db.incident.count(),
    incidentPeople: await db.incidentPerson.count(),
    incidentGroups: await db.incidentGroup.count(),
    incidentApplications: await db.incidentApplication.count(),
    citations: await db.citation.count(),
    changeLog: await db.changeLog.count(),
  };
}

let firstRun: { created: number };

beforeAll(async () => {
  // A user made the KazFem workspace before the history was loaded: the import must use it.
  await db.group.create({ data: { id: "user-ws-kazfem", slug: "kazfem", name: "KazFem (our workspace)", description: "made by hand" } });
  await loadReference(db);
  firstRun = await loadHistory(db);
});

describe("the data file", () => {
  it("quotes only sentences that are in their sources, with valid dates and references", () => {
    expect(validateHistory()).toEqual([]);
  });
});

describe("what is loaded", () => {
  it("has exactly the records the documents describe", async () => {
    const c = await counts();
    expect(c).toMatchObject({
      groups: 6, // kazfem (reused), feminita, fempoint, svet, femagora, 8marchkz
      authorities: 5, // akimats of Almaty and Karaganda, the Almaty administrative court, police of Shymkent and Karaganda
      people: 12,
      sources: 5,
      applications: 7,
      organizers: 10,
      parts: 9,
      answers: 7,
      partOutcomes: 9,
      grounds: 5,
      evidence: 1,
      stages: 1,
      hearings: 1,
      rulings: 1,
      events: 4,
      incidents: 12,
      incidentPeople: 8,
      incidentGroups: 12,
      incidentApplications: 0,
    });
    const sum = await db.application.aggregate({ _sum: { requestCount: true } });
    expect(sum._sum.requestCount).toBe(36 + 2 + 5);
    expect(firstRun.created).toBeGreaterThan(c.citations);
  });

  it("reuses an existing group with the same slug instead of duplicating it, and leaves it as it was", async () => {
    const kazfem = await db.group.findMany({ where: { slug: "kazfem" } });
    expect(kazfem).toHaveLength(1);
    expect(kazfem[0]).toMatchObject({ id: "user-ws-kazfem", name: "KazFem (our workspace)", description: "made by hand" });
    expect(await db.application.count({ where: { groupId: "user-ws-kazfem" } })).toBe(4);
    expect(await db.citation.count({ where: { recordType: "Group", recordId: "user-ws-kazfem" } })).toBeGreaterThan(0);
    const slugs = (await db.group.findMany({ select: { slug: true } })).map((g) => g.slug).sort();
    expect(slugs).toEqual(["8marchkz", "femagora", "feminita", "fempoint", "kazfem", "svet"]);
  });

  it("ships the five documents as sources, with their full text from prisma/seed/sources", async () => {
    const texts = readSourceTexts();
    const sources = await db.source.findMany();
    expect(sources).toHaveLength(5);
    for (const [key, s] of Object.entries(SOURCES)) {
      const row = sources.find((x) => x.slug === s.slug)!;
      expect(row.text).toBe(texts[key as keyof typeof SOURCES]);
      expect(row.text.length).toBeGreaterThan(2000);
      expect(row).toMatchObject({ isPublic: true, language: "en", publisher: s.publisher });
    }
    expect(sources.find((s) => s.slug === SOURCES.fld2023.slug)).toMatchObject({ publisher: "Front Line Defenders", publishedOn: "2023-04-28", publishedOnPrecision: "day" });
    // The KIBHR statement carries no date: none is invented.
    expect(sources.find((s) => s.slug === SOURCES.kibhr.slug)).toMatchObject({ publishedOn: null, publishedOnPrecision: "unknown" });
  });
});

describe("citations", () => {
  it("quote sentences that are exactly in their source's text", async () => {
    const citations = await db.citation.findMany({ include: { source: true } });
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) expect(c.source.text.includes(c.quote), `${c.recordType} ${c.recordId}: ${c.quote}`).toBe(true);
  });

  it("cover every loaded record, and point only at records that exist", async () => {
    const citations = await db.citation.findMany({ select: { recordType: true, recordId: true } });
    const cited = new Set(citations.map((c) => `${c.recordType}:${c.recordId}`));
    let records = 0;
    for (const model of CITED_MODELS) {
      const ids = await idsOf(model);
      records += ids.length;
      for (const id of ids) expect(cited.has(`${model}:${id}`), `${model} ${id} has no citation`).toBe(true);
      for (const c of citations.filter((x) => x.recordType === model)) expect(ids).toContain(c.recordId);
    }
    expect(citations.length).toBeGreaterThanOrEqual(records);
    expect(new Set(citations.map((c) => c.recordType))).toEqual(new Set(CITED_MODELS));
  });

  it("give one event reported by two documents two citations, not two records", async () => {
    const sourcesOf = async (recordType: string, recordId: string) =>
      new Set((await db.citation.findMany({ where: { recordType, recordId }, include: { source: true } })).map((c) => c.source.slug));
    // The refusal of November 2021: the RFE/RL report of HRW's release and HRW's piece of March 2022.
    expect(await sourcesOf("Answer", "hist-ans-2021-11-26-refused")).toEqual(new Set([SOURCES.rferl2021.slug, SOURCES.hrw2022.slug]));
    // The 2022 refusal of the march for works: HRW 2022 and Front Line Defenders.
    expect(await sourcesOf("Answer", "hist-ans-2022-rally-yes-march-no")).toEqual(new Set([SOURCES.hrw2022.slug, SOURCES.fld2023.slug]));
    expect(await sourcesOf("Evidence", "hist-evid-2022-03-08-route-monitored")).toEqual(new Set([SOURCES.hrw2022.slug, SOURCES.fld2023.slug]));
    expect(await db.answer.count({ where: { application: { filedOn: { startsWith: "2021-11" } } } })).toBe(1);
  });
});

describe("the facts", () => {
  it("36 earlier KAZFEM applications, known only as a count, all refused", async () => {
    const app = await db.application.findUniqueOrThrow({ where: { id: "hist-app-kazfem-36-earlier" }, include: { answers: { include: { grounds: true } } } });
    expect(app).toMatchObject({ requestCount: 36, filedOn: null, filedOnPrecision: "unknown", filedBefore: "2019-09-28", outcome: "refused", isPublic: true });
    expect(app.notes).toMatch(/36/);
    expect(app.answers).toHaveLength(1);
    expect(app.answers[0].grounds).toHaveLength(0); // the reasons are not reported: none invented
  });

  it("the authorized rally of 28 September 2019, held behind the Sary-Arka cinema", async () => {
    const app = await db.application.findUniqueOrThrow({ where: { id: "hist-app-2019-09-28-rally" }, include: { parts: true, events: true } });
    expect(app).toMatchObject({ outcome: "approved", status: "closed", filedOn: null, filedBefore: "2019-09-28" });
    expect(app.parts[0]).toMatchObject({ form: "rally", eventDate: "2019-09-28", outcome: "approved" });
    expect(app.parts[0].place).toMatch(/Sary-Arka/);
    expect(app.events).toMatchObject([{ kind: "held", occurredOn: "2019-09-28" }]);
  });

  it("the request of 16 November 2021 for a march and a rally, five groups, refused on 26 November for place and works", async () => {
    const app = await db.application.findUniqueOrThrow({
      where: { id: "hist-app-2021-11-16-march-rally" },
      include: { parts: { orderBy: { position: "asc" } }, organizers: { include: { group: true } }, answers: { include: { grounds: { include: { ground: true } }, partOutcomes: true } }, events: true },
    });
    expect(app).toMatchObject({ filedOn: "2021-11-16", filedOnPrecision: "day", procedure: "approval", status: "answered", outcome: "refused" });
    expect(app.notes).toMatch(/inferred/i);
    expect(app.parts.map((p) => [p.form, p.eventDate, p.outcome])).toEqual([
      ["march", "2022-03-08", "refused"],
      ["rally", "2022-03-08", "refused"],
    ]);
    expect(app.organizers.map((o) => o.group.slug).sort()).toEqual(["femagora", "feminita", "fempoint", "kazfem", "svet"]);
    const [answer] = app.answers;
    expect(answer).toMatchObject({ receivedOn: "2021-11-26", receivedOnPrecision: "day", outcome: "refused" });
    expect(answer.partOutcomes.map((p) => p.outcome)).toEqual(["refused", "refused"]);
    expect(answer.grounds.map((g) => g.ground.code).sort()).toEqual(["place_taken", "works"]);
    expect(answer.grounds.find((g) => g.ground.code === "works")!.words).toBe("repair and installation works");
    // A week after filing, officials pressed them to withdraw for another reason.
    const kinds = app.events.map((e) => e.kind).sort();
    expect(kinds).toEqual(["meeting_officials", "pressure_withdraw"]);
    for (const e of app.events) expect(e).toMatchObject({ statedReason: "epidemiological situation", occurredOnPrecision: "month" });
  });

  it("the application of 7 February 2022: rally approved, march refused for construction work, contested by the route monitoring", async () => {
    const app = await db.application.findUniqueOrThrow({
      where: { id: "hist-app-2022-02-07-march-rally" },
      include: { parts: true, answers: { include: { grounds: { include: { ground: true } }, partOutcomes: { include: { part: true } }, evidence: true } }, events: true, group: true },
    });
    expect(app).toMatchObject({ filedOn: "2022-02-07", outcome: "mixed", status: "closed" });
    expect(app.group.slug).toBe("8marchkz");
    const [answer] = app.answers;
    expect(answer.outcome).toBe("mixed");
    expect(Object.fromEntries(answer.partOutcomes.map((p) => [p.part.form, p.outcome]))).toEqual({ march: "refused", rally: "approved" });
    expect(Object.fromEntries(app.parts.map((p) => [p.form, p.outcome]))).toEqual({ march: "refused", rally: "approved" });
    expect(answer.grounds.map((g) => g.ground.code)).toEqual(["works"]);
    expect(answer.statedReason).toBe("construction work on the proposed route");
    expect(answer.evidence).toHaveLength(1);
    expect(answer.evidence[0]).toMatchObject({ stance: "contests", observedOn: "2022-03-08", observedOnPrecision: "day" });
    expect(answer.evidence[0].description).toMatch(/metal fences/);
    expect(app.events).toMatchObject([{ kind: "held", occurredOn: "2022-03-08" }]);
    expect(app.events[0].description).toMatch(/hundreds/i);
  });

  it("2023: refused because another civil society actor had booked the route, known only from the later summary", async () => {
    const app = await db.application.findUniqueOrThrow({ where: { id: "hist-app-2023-03-08-march" }, include: { answers: { include: { grounds: { include: { ground: true } } } } } });
    expect(app).toMatchObject({ filedOn: null, filedOnPrecision: "unknown", outcome: "refused" });
    const [answer] = app.answers;
    expect(answer).toMatchObject({ receivedOnPrecision: "year" });
    expect(answer.receivedOn!.slice(0, 4)).toBe("2023");
    expect(answer.conflictingBookingHolder).toMatch(/civil society actor/);
    expect(answer.grounds.map((g) => g.ground.code)).toEqual(["place_taken"]);
  });

  it("the notification of 20 March 2023 for 8 March 2024: refused as a security threat, court hearing 12 April, refusal upheld 21 April", async () => {
    const app = await db.application.findUniqueOrThrow({
      where: { id: "hist-app-2023-03-20-march-2024" },
      include: {
        parts: true,
        answers: { include: { grounds: { include: { ground: true } } } },
        appealStages: { include: { hearings: true, ruling: true, body: true } },
      },
    });
    expect(app).toMatchObject({ filedOn: "2023-03-20", procedure: "notification", status: "closed", outcome: "refused" });
    expect(app.parts).toMatchObject([{ form: "march", eventDate: "2024-03-08" }]);
    expect(app.answers[0].grounds.map((g) => g.ground.code)).toEqual(["security_threat"]);
    const [stage] = app.appealStages;
    expect(stage.kind).toBe("first_instance");
    expect(stage.body).toMatchObject({ name: "Specialised Inter-district Administrative Court of Almaty", kind: "court", city: "Almaty" });
    expect(stage.hearings).toHaveLength(1);
    expect(stage.hearings[0].heldOn).toBe("2023-04-12");
    expect(stage.hearings[0].authorityArguments).toMatch(/On Legalisation of Foreign Vehicles/);
    expect(stage.hearings[0].authorityArguments).toMatch(/Turkestan/);
    expect(stage.ruling).toMatchObject({ decidedOn: "2023-04-21", decidedOnPrecision: "day", outcome: "upheld" });
  });

  it("the 2020 fines: 66,000 and 13,000 KZT, one person under two spellings", async () => {
    const fines = await db.incident.findMany({ where: { kind: "fine" }, include: { people: { include: { person: true } } }, orderBy: { amount: "desc" } });
    expect(fines.map((f) => [f.amount, f.currency, f.people.map((p) => p.person.fullName)])).toEqual([
      [66000, "KZT", ["Arina Osinovskaya"]],
      [13000, "KZT", ["Fariza Ozpan"]],
    ]);
    for (const f of fines) expect(f).toMatchObject({ occurredOn: "2020-01-01", occurredOnPrecision: "year" });
    const fariza = await db.person.findMany({ where: { OR: [{ fullName: { contains: "Ozpan" } }, { fullName: { contains: "Ospan" } }, { altNames: { contains: "Ospan" } }] } });
    expect(fariza).toHaveLength(1);
    expect(fariza[0].altNames).toContain("Farisa Ospan");
    expect(fariza[0].notes).toMatch(/same person/);
  });

  it("the reprisals in Shymkent and Karaganda, with no year the statement does not give", async () => {
    const feminita = await db.incident.findMany({ where: { group: { slug: "feminita" } }, include: { people: { include: { person: true } } } });
    expect(feminita).toHaveLength(9);
    for (const i of feminita) expect(i).toMatchObject({ occurredOn: null, occurredOnPrecision: "unknown" });
    const kinds = (city: string) => feminita.filter((i) => i.city === city).map((i) => i.kind).sort();
    expect(kinds("Shymkent")).toEqual(["attack", "criminal_case", "detention", "police_inaction", "venue_cancelled"]);
    expect(kinds("Karaganda")).toEqual(["attack", "other", "police_inaction", "venue_cancelled"]);
    const criminal = feminita.find((i) => i.kind === "criminal_case")!;
    expect(criminal.title).toContain("Insulting a representative of the authorities");
    expect(criminal.people.map((p) => p.person.fullName).sort()).toEqual(["Gulzada Serzhan", "Zhanar Sekerbaeva"]);
    const officials = feminita.find((i) => i.kind === "other")!;
    expect(officials.people.map((p) => [p.person.fullName, p.role]).sort()).toEqual([
      ["Lyazzat Akilzhanova", "official"],
      ["Nurlan Bikenov", "official"],
    ]);
    const threat = await db.incident.findFirstOrThrow({ where: { kind: "threat" } });
    expect(threat).toMatchObject({ occurredOn: "2019-01-01", occurredOnPrecision: "year" });
    expect(threat.description).toMatch(/expulsion/);
  });

  it("status and outcome are what lib/domain/status.ts derives from the records", async () => {
    const apps = await db.application.findMany({
      include: { parts: true, answers: { include: { partOutcomes: true } }, appealStages: { include: { ruling: true } }, events: true },
    });
    for (const app of apps) {
      const derived = deriveCase({
        filedOn: app.filedOn,
        parts: app.parts,
        answers: app.answers.map((a) => ({ receivedOn: a.receivedOn, partOutcomes: a.partOutcomes })),
        stages: app.appealStages,
        events: app.events,
      });
      expect([app.id, app.status, app.outcome]).toEqual([app.id, derived.status, derived.outcome]);
      for (const p of app.parts) expect(p.outcome).toBe(derived.partOutcomes[p.id]);
    }
  });

  it("everything is public, and no personal data is recorded", async () => {
    expect(await db.application.count({ where: { isPublic: false } })).toBe(0);
    expect(await db.incident.count({ where: { isPublic: false } })).toBe(0);
    expect(await db.source.count({ where: { isPublic: false } })).toBe(0);
    const people = await db.person.findMany();
    for (const p of people) expect(p).toMatchObject({ isPublic: true, idNumber: "", address: "", phone: "" });
    expect(people.find((p) => p.fullName === "Erbolat Dosayev")?.roleTitle).toMatch(/Akim/);
  });
});

describe("the change log", () => {
  it("has one create entry per loaded record, attributed to the import, without personal data", async () => {
    const logs = await db.changeLog.findMany();
    const byKey = new Map(logs.map((l) => [`${l.entity}:${l.entityId}`, l]));
    for (const model of CITED_MODELS) {
      for (const id of await idsOf(model)) {
        if (id === "user-ws-kazfem") continue; // made by the user, not by the import
        const log = byKey.get(`${model}:${id}`);
        expect(log, `${model} ${id} has no change-log entry`).toBeDefined();
        expect(log).toMatchObject({ action: "create", userName: "import: published sources", userId: null });
      }
    }
    for (const l of logs) {
      const after = JSON.parse(l.after) as Record<string, unknown>;
      for (const k of ["idNumber", "address", "phone", "text"]) expect(after).not.toHaveProperty(k);
    }
    expect(byKey.get("Hearing:hist-hearing-2023-04-12")?.caseId).toBe("hist-app-2023-03-20-march-2024");
    expect(byKey.get("Citation:hist-app-kazfem-36-earlier-c1")?.caseId).toBe("hist-app-kazfem-36-earlier");
    expect(logs.filter((l) => l.entity === "Citation")).toHaveLength(await db.citation.count());
  });
});

describe("loading again", () => {
  it("creates nothing, keeps a user's edits and does not bring back what a user deleted", async () => {
    await db.application.update({ where: { id: "hist-app-2021-11-16-march-rally" }, data: { title: "Edited by a user", version: { increment: 1 } } });
    await db.person.update({ where: { id: "hist-person-erbolat-dosayev" }, data: { notes: "Our note" } });
    await db.answer.update({ where: { id: "hist-ans-2023-booked" }, data: { statedReason: "Corrected from the letter itself" } });
    await db.event.delete({ where: { id: "hist-ev-2021-11-pressure-withdraw" } });
    await db.changeLog.create({ data: { entity: "Event", entityId: "hist-ev-2021-11-pressure-withdraw", action: "delete", userName: "someone" } });
    const before = await counts();

    const second = await loadHistory(db);
    expect(second.created).toBe(0);
    expect(await counts()).toEqual(before);
    expect((await db.application.findUniqueOrThrow({ where: { id: "hist-app-2021-11-16-march-rally" } })).title).toBe("Edited by a user");
    expect((await db.person.findUniqueOrThrow({ where: { id: "hist-person-erbolat-dosayev" } })).notes).toBe("Our note");
    expect((await db.answer.findUniqueOrThrow({ where: { id: "hist-ans-2023-booked" } })).statedReason).toBe("Corrected from the letter itself");
    expect(await db.event.findUnique({ where: { id: "hist-ev-2021-11-pressure-withdraw" } })).toBeNull();
  });
});
