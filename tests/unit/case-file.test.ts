// The case file is built once from a case and a scope; these pin what each scope lets
// through, that personal data is scrubbed everywhere, that grounds meet their standards,
// and that the HTML and PDF renderings carry the same text.
import { describe, expect, it } from "vitest";
import { buildCaseFile, parseSections, redactPersonal, type CaseFileScope, type CaseFileSource, type StandardText } from "@/lib/data/case-file";
import { renderCaseFileHtml } from "@/components/case-file/render-html";
import { escapeHtml } from "@/lib/html";
import { renderCaseFilePdf } from "@/lib/pdf/case-file";
import { extractPdfText } from "@/lib/pdf/extract-text";
import { SHARE_SECTIONS } from "@/lib/domain/vocabulary";

const person = { id: "p1", fullName: "Aigerim Test-Applicant", altNames: "Айгерим Тест\n", idNumber: "990101400123", address: "Ulitsa Tulebaeva 38", phone: "+7 701 555 0199", isPublic: false };
const ground = (code: string, labelEn: string, article = "") => ({ id: `g-${code}`, code, labelEn, labelRu: `RU ${labelEn}`, article, sortOrder: 0, active: true });

const source: CaseFileSource = {
  id: "app1",
  title: "Rally on <Republic> Square",
  procedure: "notification",
  city: "Almaty",
  purpose: "Against violence; organized by Aigerim Test-Applicant.",
  filedOn: "2021-11",
  filedOnPrecision: "month",
  filedBefore: null,
  registrationNumber: "ZT-2021-1",
  requestCount: 1,
  notes: "Group-internal note",
  status: "under_appeal",
  outcome: "refused",
  answerDueOn: null,
  group: { id: "gA", name: "KazFem", slug: "kazfem" },
  authority: { id: "au1", name: "Almaty city akimat", nameRu: "Акимат города Алматы", kind: "akimat", city: "Almaty", country: "KZ", createdAt: new Date() },
  organizers: [{ applicationId: "app1", groupId: "gA", group: { id: "gA", name: "KazFem", slug: "kazfem" } }],
  applicants: [{ id: "ap1", applicationId: "app1", personId: "p1", role: "applicant", person }],
  parts: [{ id: "part1", form: "rally", place: "Republic Square", route: "", eventDate: "2021-11-28", eventDatePrecision: "day", startTime: "12:00", endTime: "14:00", expectedParticipants: 300, equipment: "sound", outcome: "refused" }],
  answers: [
    {
      id: "ans1",
      receivedOn: "2021-11-16",
      receivedOnPrecision: "day",
      referenceNumber: "3T-123",
      statedReason: "Repair works on the square. Айгерим Тест was informed.",
      articleCited: "Art. 14(1)(7)",
      alternativeOffered: false,
      alternativeDetails: "",
      conflictingBookingHolder: "",
      notes: "Answer note (internal)",
      outcome: "refused",
      partOutcomes: [{ id: "po1", answerId: "ans1", partId: "part1", outcome: "refused", limits: "", alternative: "" }],
      grounds: [{ id: "gc1", answerId: "ans1", groundId: "g-works", articleCited: "", words: "repair works on the square", ground: ground("works", "Construction or repair works at the place", "Art. 14(1)(7)") }],
      evidence: [{ id: "ev1", answerId: "ans1", stance: "contests", observedOn: "2021-11-28", observedOnPrecision: "day", observer: "organizers", description: "Walked the route: no works.", createdAt: new Date() }],
    },
  ],
  appealStages: [
    {
      id: "st1",
      kind: "first_instance",
      filedOn: "2021-12-10",
      filedOnPrecision: "day",
      bodyName: "Administrative court of Almaty",
      body: null,
      caseNumber: "7599-21",
      authorityArguments: "Letters from a group and a citizen.",
      notes: "",
      hearings: [{ id: "h1", heldOn: "2021-12-20", heldOnPrecision: "day", time: "10:00", authorityArguments: "", applicantArguments: "No works were seen.", notes: "" }],
      ruling: { id: "r1", decidedOn: "2021-12-29", decidedOnPrecision: "day", outcome: "upheld", summary: "Refusal upheld.", text: "The court rules…" },
    },
  ],
  events: [{ id: "e1", kind: "pressure_withdraw", occurredOn: "2021-11-08", occurredOnPrecision: "day", description: "Officials called the organizers.", statedReason: "Covid restrictions", participants: null }],
  incidents: [
    {
      id: "i1",
      groupId: "gA",
      isPublic: true,
      kind: "fine",
      title: "Fine for a post",
      occurredOn: "2021-12",
      occurredOnPrecision: "month",
      city: "Almaty",
      place: "",
      description: "Aigerim Test-Applicant was fined.",
      amount: 29170,
      currency: "KZT",
      perpetrator: "Police",
      people: [{ incidentId: "i1", personId: "p1", role: "target", person }],
      groups: [{ incidentId: "i1", groupId: "gA", group: { id: "gA", name: "KazFem" } }],
    },
  ],
  citations: [
    { id: "c1", sourceId: "s1", recordType: "Answer", recordId: "ans1", quote: "The akimat cited repair works.", note: "", createdAt: new Date(), source: { id: "s1", slug: "hrw", title: "HRW report", publisher: "Human Rights Watch", publishedOn: "2022-03-09", publishedOnPrecision: "day", url: "https://www.hrw.org/news" } },
    { id: "c2", sourceId: "s2", recordType: "Incident", recordId: "i1", quote: "An organizer was fined.", note: "", createdAt: new Date(), source: { id: "s2", slug: "rferl", title: "RFE/RL article", publisher: "RFE/RL", publishedOn: null, publishedOnPrecision: "unknown", url: "" } },
    { id: "c3", sourceId: "s1", recordType: "Ruling", recordId: "r1", quote: "The court upheld it.", note: "", createdAt: new Date(), source: { id: "s1", slug: "hrw", title: "HRW report", publisher: "Human Rights Watch", publishedOn: "2022-03-09", publishedOnPrecision: "day", url: "https://www.hrw.org/news" } },
  ],
  deadline: null,
} as unknown as CaseFileSource;

const standards: StandardText[] = [
  { code: "iccpr_21", titleEn: "ICCPR, Article 21", titleRu: "МПГПП, статья 21", bodyEn: "General text.", bodyRu: "Общий текст.", groundCodes: "", sortOrder: 1 },
  { code: "odihr", titleEn: "ODIHR sight and sound", titleRu: "БДИПЧ", bodyEn: "Within sight and sound.", bodyRu: "В пределах видимости.", groundCodes: "place_taken,works", sortOrder: 4 },
  { code: "gc37_security", titleEn: "GC 37 security", titleRu: "ЗОП 37", bodyEn: "Narrow grounds.", bodyRu: "Узкие основания.", groundCodes: "security_threat", sortOrder: 3 },
];

const full: CaseFileScope = { sections: SHARE_SECTIONS, includePersonal: true, includeNotes: true };
const text = (scope: CaseFileScope, locale: "en" | "ru" | "kk" = "en") => JSON.stringify(buildCaseFile(source, scope, locale, standards));

describe("buildCaseFile", () => {
  it("with everything in scope, holds every part of the case", () => {
    const file = buildCaseFile(source, full, "en", standards);
    expect(file.sections.map((s) => s.id)).toEqual(["cover", "chronology", "parts", "answers", "appeals", "events", "incidents", "sources", "standards", "documents"]);
    const all = JSON.stringify(file);
    for (const s of ["Aigerim Test-Applicant", "990101400123", "Repair works on the square.", "Walked the route: no works.", "Refusal upheld.", "Fine for a post", "Group-internal note", "Covid restrictions"]) expect(all).toContain(s);
  });

  it("keeps only the sections in scope, and the chronology and exhibits follow", () => {
    const file = buildCaseFile(source, { sections: ["answers", "sources"], includePersonal: false, includeNotes: false }, "en", standards);
    expect(file.sections.map((s) => s.id)).toEqual(["cover", "chronology", "answers", "sources"]);
    const all = JSON.stringify(file);
    expect(all).not.toContain("Fine for a post");
    expect(all).not.toContain("Refusal upheld");
    expect(all).not.toContain("An organizer was fined."); // the incident's citation goes with it
    expect(all).not.toContain("The court upheld it.");
    expect(all).toContain("The akimat cited repair works.");
    const chronology = file.sections.find((s) => s.id === "chronology")!;
    expect(JSON.stringify(chronology)).toContain("Answer received");
    expect(JSON.stringify(chronology)).not.toContain("Ruling");
    const exhibits = file.sections.find((s) => s.id === "sources")!;
    expect(exhibits.entries.map((e) => e.heading)).toEqual(["Exhibit 1. HRW report"]);
  });

  it("numbers exhibits and points each entry to them", () => {
    const file = buildCaseFile(source, full, "en", standards);
    const exhibits = file.sections.find((s) => s.id === "sources")!;
    expect(exhibits.entries.map((e) => e.heading)).toEqual(["Exhibit 1. HRW report", "Exhibit 2. RFE/RL article"]);
    expect(file.sections.find((s) => s.id === "answers")!.entries[0].refs).toBe("Exhibits: 1");
    expect(file.sections.find((s) => s.id === "incidents")!.entries[0].refs).toBe("Exhibits: 2");
  });

  it("without personal data, scrubs names, ID numbers, addresses and phones from every string", () => {
    const all = text({ sections: SHARE_SECTIONS, includePersonal: false, includeNotes: false });
    for (const s of ["Aigerim", "990101400123", "Tulebaeva", "555 0199", "Айгерим Тест"]) expect(all).not.toContain(s);
    expect(all).toContain("[withheld]");
    expect(all).toContain("Personal data (applicants' names");
    expect(all).not.toContain("Group-internal note");
    expect(all).not.toContain("Answer note (internal)");
  });

  it("sets each stated ground beside the standards that answer it, plus the general ones", () => {
    const file = buildCaseFile(source, full, "en", standards);
    const section = file.sections.find((s) => s.id === "standards")!;
    const ground = section.entries[0];
    expect(ground.heading).toBe("Stated ground: Construction or repair works at the place");
    const list = ground.blocks.find((b) => b.type === "list");
    expect(list).toMatchObject({ items: ["ODIHR sight and sound", "ICCPR, Article 21"] });
    const headings = section.entries.map((e) => e.heading);
    expect(headings).toContain("ICCPR, Article 21");
    expect(headings).toContain("ODIHR sight and sound");
    expect(headings).not.toContain("GC 37 security"); // answers a ground not cited here
  });

  it("speaks Russian, with Russian titles of authorities and standards", () => {
    const all = text(full, "ru");
    expect(all).toContain("Материалы дела");
    expect(all).toContain("Акимат города Алматы");
    expect(all).toContain("МПГПП, статья 21");
    expect(all).toContain("ноябрь 2021"); // month precision
  });

  it("parses a stored section list into the canonical order, dropping unknown names", () => {
    expect(parseSections("sources,parts,bogus, answers")).toEqual(["parts", "answers", "sources"]);
    expect(parseSections("")).toEqual([]);
  });

  it("redacts case-insensitively and escapes names used as patterns", () => {
    expect(redactPersonal({ a: ["AIGERIM (Test)", 3] }, ["aigerim (test)"], "[x]")).toEqual({ a: ["[x]", 3] });
  });
});

describe("rendering", () => {
  it("escapes every value in the HTML", () => {
    const html = renderCaseFileHtml(buildCaseFile(source, full, "en", standards));
    expect(html).toContain("Rally on &lt;Republic&gt; Square");
    expect(html).not.toContain("<Republic>");
    expect(html).toContain('<a href="https://www.hrw.org/news" rel="noopener noreferrer nofollow">');
    expect(escapeHtml(`"<img src=x onerror=alert(1)>'`)).toBe("&quot;&lt;img src=x onerror=alert(1)&gt;&#39;");
  });

  it("produces a PDF whose text can be read back, Cyrillic included", async () => {
    const file = buildCaseFile(source, full, "ru", standards);
    const pdf = await renderCaseFilePdf(file);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const out = extractPdfText(pdf).replace(/\s+/g, " ");
    expect(out).toContain("Rally on <Republic> Square");
    expect(out).toContain("Акимат города Алматы");
    expect(out).toContain("Основания отказа и международные стандарты");
    expect(out).toMatch(/Страница 1 из \d/);
  });

  it("produces a PDF in Kazakh: Kazakh headings (ә, ғ, і, ң, ө) read back, authority names in Russian until they have Kazakh ones", async () => {
    const file = buildCaseFile(source, full, "kk", standards);
    const out = extractPdfText(await renderCaseFilePdf(file)).replace(/\s+/g, " ");
    expect(out).toContain("ІС МАТЕРИАЛЫ");
    expect(out).toContain("Билік органының жауаптары");
    expect(out).toContain("Көрсетілген негіздер және заңгерлер сілтеме жасайтын стандарттар");
    expect(out).toContain("Шағымдар, сот отырыстары және сот шешімдері");
    expect(out).toMatch(/\d+ беттің 1-беті/);
    expect(out).toContain("Акимат города Алматы");
    expect(out).not.toContain("Case file");
  });
});
