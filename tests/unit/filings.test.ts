// Filings drafted from a case: the template language (placeholders and conditions), and the
// document model built from the documented 2024 march (refused, court upheld) and from a new
// case with two grounds — the right arguments and standards, the deadline, what is missing.
import { describe, expect, it } from "vitest";
import { checkTemplate, interpret, parseTemplate, TemplateSyntaxError } from "@/lib/domain/filing-template";
import { buildFiling, documentText, isKnownName, paragraphText, type FilingCase, type FilingKind, type FilingLocale, type FilingTemplateData } from "@/lib/domain/filings";
import { filingWords } from "@/lib/i18n/filing-words";
import { calendarFrom } from "@/lib/domain/working-days";
import { APPLICATIONS, AUTHORITIES, GROUPS } from "@/prisma/seed/history";
import { DEADLINE_RULES, kazakhstanHolidays, LEGAL_STANDARDS, REFUSAL_GROUNDS } from "@/prisma/seed/reference";
import { FILING_TEMPLATES } from "@/prisma/seed/filing-templates";

const clock = { rules: DEADLINE_RULES, calendar: calendarFrom(kazakhstanHolidays(2015, 2030)) };
const standards = LEGAL_STANDARDS;

function template(kind: FilingKind, locale: FilingLocale): FilingTemplateData {
  const t = FILING_TEMPLATES.find((x) => x.kind === kind && x.locale === locale)!;
  return { ...t, version: 1 };
}

function draft(c: FilingCase, kind: FilingKind, locale: FilingLocale, edits?: Record<string, string>) {
  return buildFiling({ case: c, template: template(kind, locale), standards, clock, words: filingWords(locale), today: "2026-11-30", edits });
}

const fields = (text: string, values: Record<string, string>) =>
  interpret(text, (n) => Boolean(values[n]))
    .map((s) => (s.type === "text" ? s.text : (values[s.name] ?? `<${s.name}>`)))
    .join("");

describe("the template language", () => {
  it("fills placeholders and keeps a condition's text only when it holds", () => {
    const text = "To {{authority.name}}.{{#if refusal.number}} No. {{refusal.number}}.{{/if}}{{#unless refusal.alternativeOffered}} No alternative.{{/unless}}";
    expect(fields(text, { "authority.name": "Akimat" })).toBe("To Akimat. No alternative.");
    expect(fields(text, { "authority.name": "Akimat", "refusal.number": "7", "refusal.alternativeOffered": "yes" })).toBe("To Akimat. No. 7.");
  });

  it("has else branches and nested blocks", () => {
    const text = "{{#if a}}A{{#if b}}B{{else}}not B{{/if}}{{else}}not A{{/if}}";
    expect(fields(text, { a: "1", b: "1" })).toBe("AB");
    expect(fields(text, { a: "1" })).toBe("Anot B");
    expect(fields(text, {})).toBe("not A");
  });

  it("refuses a malformed template with the reason, and names it never executes", () => {
    expect(() => parseTemplate("{{#if a}}open")).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate("text{{/if}}")).toThrow(/unexpected_close/);
    expect(() => parseTemplate("{{#if a}}x{{/unless}}")).toThrow(/unexpected_close/);
    expect(() => parseTemplate("{{constructor.constructor('x')()}}")).toThrow(/bad_tag/);
    expect(() => parseTemplate("{{else}}")).toThrow(/unexpected_else/);
    expect(checkTemplate("{{authority.nmae}} {{#if ground.works}}x{{/if}}", isKnownName)).toEqual([{ code: "unknown_name", detail: "authority.nmae" }]);
    expect(checkTemplate("{{#if a}}", isKnownName)[0].code).toBe("unclosed");
  });

  it("every shipped template parses and uses only known names", () => {
    expect(FILING_TEMPLATES).toHaveLength(12);
    for (const t of FILING_TEMPLATES) {
      expect(checkTemplate(t.title, isKnownName), `${t.kind}/${t.locale} title`).toEqual([]);
      for (const s of t.sections) expect(checkTemplate(s.text, isKnownName), `${t.kind}/${t.locale}/${s.key}`).toEqual([]);
    }
  });
});

// ───────────────────────────── the documented 2024 march, as prisma/seed loads it

function fromHistory(id: string): FilingCase {
  const h = APPLICATIONS.find((a) => a.id === id)!;
  const authority = (aid: string | null) => {
    const a = AUTHORITIES.find((x) => x.id === aid);
    return a ? { name: a.name, nameRu: a.nameRu, city: a.city } : null;
  };
  const groupName = (slug: string) => GROUPS.find((g) => g.slug === slug)?.name ?? slug;
  return {
    id: h.id,
    title: h.title,
    procedure: h.procedure,
    city: h.city,
    purpose: h.purpose,
    filedOn: h.filedOn,
    filedOnPrecision: h.filedOnPrecision,
    registrationNumber: "",
    version: 1,
    group: { name: groupName(h.group) },
    organizers: h.organizers.map((g) => ({ group: { name: groupName(g) } })),
    authority: authority(h.authority),
    applicants: [],
    parts: h.parts.map((p) => ({ id: p.id, form: p.form, place: p.place ?? "", route: p.route ?? "", eventDate: p.eventDate, eventDatePrecision: p.eventDatePrecision, startTime: "", endTime: "", expectedParticipants: null, equipment: "" })),
    answers: h.answers.map((a) => ({
      receivedOn: a.receivedOn,
      receivedOnPrecision: a.receivedOnPrecision,
      referenceNumber: "",
      statedReason: a.statedReason ?? "",
      articleCited: a.articleCited ?? "",
      alternativeOffered: a.alternativeOffered ?? false,
      alternativeDetails: a.alternativeDetails ?? "",
      conflictingBookingHolder: a.conflictingBookingHolder ?? "",
      partOutcomes: a.partOutcomes.map((o) => ({ partId: o.part, outcome: o.outcome })),
      grounds: a.grounds.map((g) => ({ articleCited: g.articleCited ?? "", words: g.words, ground: REFUSAL_GROUNDS.find((r) => r.code === g.code)! })),
      evidence: (a.evidence ?? []).map((e) => ({ stance: e.stance, observedOn: e.observedOn, observedOnPrecision: e.observedOnPrecision, observer: e.observer, description: e.description })),
    })),
    appealStages: (h.stages ?? []).map((s) => ({
      kind: s.kind,
      filedOn: s.filedOn,
      bodyName: s.bodyName,
      body: authority(s.body),
      caseNumber: s.caseNumber ?? "",
      ruling: s.ruling ? { decidedOn: s.ruling.decidedOn, decidedOnPrecision: s.ruling.decidedOnPrecision, outcome: s.ruling.outcome, summary: s.ruling.summary } : null,
    })),
  };
}

const march2024 = fromHistory("hist-app-2023-03-20-march-2024");
const missingNames = (doc: ReturnType<typeof draft>) => doc.missing.map((m) => m.name);

describe("the 2024 Women's March (refused; the court upheld the refusal)", () => {
  it("a Russian complaint quotes the refusal, answers the security ground with General Comment No. 37 and the ICCPR, and lists what is missing", () => {
    const doc = draft(march2024, "complaint", "ru");
    const text = documentText(doc);
    expect(doc.title).toBe("Административная жалоба на отказ в проведении мирного собрания");
    expect(text).toContain("Акимат города Алматы");
    expect(text).toContain("«a threat to public security»");
    expect(text).toContain("Угроза безопасности, общественному порядку или здоровью (Art. 14(1)(3))");
    expect(text).toContain("Замечание № 37: общественный порядок и безопасность — узкие основания");
    expect(text).toContain("МПГПП, статья 21");
    expect(text).toContain("Ссылка на угрозу безопасности или общественному порядку не подкреплена конкретными фактами");
    // Not cited: the place-booked/works standards and the 61-NP argument stay out.
    expect(text).not.toContain("61-НП");
    expect(text).not.toContain("ОБСЕ/БДИПЧ");
    // The refusal is dated only to the year, so no deadline can be counted from it.
    expect(doc.deadline).toBeNull();
    expect(missingNames(doc)).toEqual(expect.arrayContaining(["refusal.number", "case.registrationNumber", "applicants", "applicant.name", "complaint.body", "deadline.date"]));
    const numberNote = doc.missing.find((m) => m.name === "refusal.number")!.note;
    expect(numberNote).toBe("регистрационный номер отказа не указан");
    // Never printed empty: the marker stands where the value would be.
    expect(text).toContain(`(исх. № [${numberNote}])`);
  });

  it("an appeal names the court's ruling of 21 April 2023 and is due a month later, on the next working day", () => {
    const doc = draft(march2024, "appeal", "ru");
    const text = documentText(doc);
    expect(text).toContain("21 апреля 2023");
    expect(text).toContain("через Специализированный межрайонный административный суд города Алматы");
    expect(text).toContain("(Отказ оставлен в силе)");
    // 21 May 2023 was a Sunday.
    expect(doc.deadline).toEqual({ date: "2023-05-22", basis: "Administrative Procedural and Process Code (2021), Art. 161" });
    expect(missingNames(doc)).toContain("ruling.caseNumber");
    expect(missingNames(doc)).not.toContain("ruling.date");
  });
});

// ───────────────────────────── a new case with two grounds

const groundOf = (code: string) => REFUSAL_GROUNDS.find((g) => g.code === code)!;
const twoGrounds: FilingCase = {
  id: "new",
  title: "Rally on Republic Square",
  procedure: "notification",
  city: "Almaty",
  purpose: "Against domestic violence",
  filedOn: "2026-10-01",
  filedOnPrecision: "day",
  registrationNumber: "ЖТ-77",
  version: 4,
  group: { name: "Feminita" },
  organizers: [{ group: { name: "Feminita" } }],
  authority: { name: "Akimat of Almaty", nameRu: "Акимат города Алматы", city: "Almaty" },
  applicants: [{ role: "applicant", person: { fullName: "Айгерим Тестова", idNumber: "990101400123", address: "", phone: "" } }],
  parts: [{ id: "p1", form: "rally", place: "Republic Square", route: "", eventDate: "2026-10-20", eventDatePrecision: "day", startTime: "12:00", endTime: "14:00", expectedParticipants: null, equipment: "sound" }],
  answers: [
    {
      receivedOn: "2026-10-06",
      receivedOnPrecision: "day",
      referenceNumber: "",
      statedReason: "The square is booked by another organization; the event threatens public order.",
      articleCited: "",
      alternativeOffered: false,
      alternativeDetails: "",
      conflictingBookingHolder: "a youth organization",
      partOutcomes: [{ partId: "p1", outcome: "refused" }],
      grounds: [
        { articleCited: "", words: "the square is booked by another organization", ground: groundOf("place_taken") },
        { articleCited: "", words: "the event threatens public order", ground: groundOf("security_threat") },
      ],
      evidence: [{ stance: "contests", observedOn: "2026-10-20", observedOnPrecision: "day", observer: "organizers", description: "The square was empty all day." }],
    },
  ],
  appealStages: [],
};

describe("a new case refused on two grounds", () => {
  it("answers each ground with its standards, adds the 61-NP argument (booked place, no alternative) and the evidence, and is due three months after the refusal", () => {
    const doc = draft(twoGrounds, "complaint", "ru");
    const text = documentText(doc);
    expect(text).toContain("1. Место уже занято другим мероприятием (Art. 14(1)(6))");
    expect(text).toContain("«the square is booked by another organization»");
    expect(text).toContain("2. Угроза безопасности, общественному порядку или здоровью (Art. 14(1)(3))");
    expect(text).toContain("Руководящие принципы ОБСЕ/БДИПЧ и Венецианской комиссии");
    expect(text).toContain("Конституционный Суд РК, нормативное постановление № 61-НП от 20 января 2025 года");
    expect(text).toContain("Альтернатива нам предложена не была");
    expect(text).toContain("Замечание № 37: общественный порядок и безопасность — узкие основания");
    expect(text).toContain("The square was empty all day.");
    expect(text).toContain("Айгерим Тестова, ИИН 990101400123");
    expect(doc.deadline?.date).toBe("2027-01-06");
    expect(missingNames(doc)).toEqual(expect.arrayContaining(["refusal.number", "applicant.address", "assembly.participants", "complaint.body"]));
    expect(missingNames(doc)).not.toContain("refusal.date");
    expect(doc.caseVersion).toBe(4);
    expect(doc.draftTitle).toBe("Административная жалоба — проект 2026-11-30");
  });

  it("leaves the 61-NP argument out once an alternative was offered", () => {
    const offered: FilingCase = { ...twoGrounds, answers: [{ ...twoGrounds.answers[0], alternativeOffered: true, alternativeDetails: "Another park" }] };
    const text = documentText(draft(offered, "complaint", "ru"));
    expect(text).not.toContain("Альтернатива нам предложена не была");
    expect(text).toContain("Руководящие принципы ОБСЕ/БДИПЧ");
  });

  it("applies a member's edit to a free section, placeholders included, and keeps a broken one as typed", () => {
    const doc = draft(twoGrounds, "complaint", "kk", { relief: "- {{authority.name}} шешімінің күшін жою.", arguments: "Мәтін {{#if refusal}} ашық" });
    const relief = doc.sections.find((s) => s.key === "relief")!;
    expect(relief.edited).toBe(true);
    expect(relief.paragraphs.map(paragraphText)).toEqual(["Акимат города Алматы шешімінің күшін жою."]);
    expect(relief.paragraphs[0].style).toBe("item");
    expect(doc.literalEdits).toEqual(["arguments"]);
    expect(doc.sections.find((s) => s.key === "arguments")!.paragraphs.map(paragraphText)).toEqual(["Мәтін {{#if refusal}} ашық"]);
    // A section that is not free ignores an "edit".
    const grounds = draft(twoGrounds, "complaint", "kk", { grounds: "nothing" }).sections.find((s) => s.key === "grounds")!;
    expect(grounds.edited).toBe(false);
  });

  it("a notification in English lists the part and is due five working days before the event", () => {
    const doc = draft({ ...twoGrounds, answers: [] }, "notification", "en");
    const text = documentText(doc);
    expect(doc.title).toBe("Notification of a peaceful assembly");
    expect(text).toContain("1. Rally: place: Republic Square; date: October 20, 2026; time: 12:00–14:00; expected participants: [the expected number of participants is not recorded]; equipment: Sound");
    expect(doc.deadline?.date).toBe("2026-10-13");
  });
});
