// A filing (notification, administrative complaint, court claim, appeal) drafted from a case:
// ONE document model, built here from the case, a template and the member's edits. The
// browser preview, the DOCX and the PDF only lay this model out, so what the preview shows is
// what the files contain. Pure: the words come in as `FilingWords` (lib/i18n/filing-words.ts).
//
// A placeholder the case cannot fill is never printed empty: it becomes a "missing" run (the
// preview highlights it, the files print it in brackets) and is listed in `missing`.
import { applyRule, findRule, RULE_CODES, type DeadlineRuleData } from "./deadlines";
import { refusedSomething } from "./status";
import { parseTemplate, evaluate, TemplateSyntaxError, type Segment } from "./filing-template";
import type { WorkCalendar } from "./working-days";
import type { Locale } from "../i18n/config";

export const FILING_KINDS = ["notification", "complaint", "claim", "appeal"] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_LOCALES = ["ru", "kk", "en"] as const satisfies readonly Locale[];
export type FilingLocale = (typeof FILING_LOCALES)[number];

/** The appeal stage a filed filing becomes (the notification updates the application itself). */
export const STAGE_OF_FILING: Record<Exclude<FilingKind, "notification">, "complaint" | "first_instance" | "appeal"> = {
  complaint: "complaint",
  claim: "first_instance",
  appeal: "appeal",
};

export interface TemplateSection {
  key: string;
  heading?: string;
  text: string;
  /** A free part: the member may rewrite it before generating (a text area in the preview). */
  free?: boolean;
  align?: "left" | "right" | "center";
}

export interface FilingTemplateData {
  kind: FilingKind;
  locale: FilingLocale;
  version: number;
  title: string;
  sections: TemplateSection[];
}

export interface FilingWords {
  locale: Locale;
  /** The "filings" messages. */
  t(key: string, values?: Record<string, string | number>): string;
  vocab(list: string, value: string | null | undefined): string;
  date(iso: string, precision?: string): string;
  /** A reference record's text in this language, with its fallbacks (lib/i18n/localized.ts). */
  localized(record: object | null | undefined, field: string): string;
}

export interface StandardSource {
  code: string;
  titleEn: string;
  titleRu: string;
  bodyEn: string;
  bodyRu: string;
  groundCodes: string;
  sortOrder: number;
}

type Named = { name: string; nameRu?: string; city?: string } | null;

/** The case as the builder reads it (what getCase returns fits it). */
export interface FilingCase {
  id: string;
  title: string;
  procedure: string;
  city: string;
  purpose: string;
  filedOn: string | null;
  filedOnPrecision: string;
  registrationNumber: string;
  version: number;
  group: { name: string };
  organizers: readonly { group: { name: string } }[];
  authority: Named;
  applicants: readonly { role: string; person: { fullName: string; idNumber: string; address: string; phone: string } }[];
  parts: readonly {
    id: string;
    form: string;
    place: string;
    route: string;
    eventDate: string | null;
    eventDatePrecision: string;
    startTime: string;
    endTime: string;
    expectedParticipants: number | null;
    equipment: string;
  }[];
  answers: readonly {
    receivedOn: string | null;
    receivedOnPrecision: string;
    referenceNumber: string;
    statedReason: string;
    articleCited: string;
    alternativeOffered: boolean;
    alternativeDetails: string;
    conflictingBookingHolder: string;
    partOutcomes: readonly { partId: string; outcome: string }[];
    grounds: readonly { articleCited: string; words: string; ground: { code: string; labelEn: string; labelRu: string; article: string } }[];
    evidence: readonly { stance: string; observedOn: string | null; observedOnPrecision: string; observer: string; description: string }[];
  }[];
  appealStages: readonly {
    kind: string;
    filedOn: string | null;
    bodyName: string;
    body: Named;
    caseNumber: string;
    ruling: { decidedOn: string | null; decidedOnPrecision: string; outcome: string; summary: string } | null;
  }[];
}

// ───────────────────────────── the model the writers lay out

export type Run = { text: string; bold?: boolean; italic?: boolean } | { missing: string; note: string };
export interface Paragraph {
  runs: Run[];
  style?: "heading" | "quote" | "item";
  align?: "left" | "right" | "center";
}
export interface FilingSectionModel {
  key: string;
  heading?: string;
  free: boolean;
  /** The text the section was built from: the template's, or the member's edit. */
  source: string;
  edited: boolean;
  paragraphs: Paragraph[];
}
export interface MissingValue {
  name: string;
  note: string;
}
export interface FilingDocument {
  kind: FilingKind;
  locale: FilingLocale;
  title: string;
  /** "Complaint — draft 2026-11-30": the saved version's title. */
  draftTitle: string;
  templateVersion: number;
  caseVersion: number;
  deadline: { date: string; basis: string } | null;
  sections: FilingSectionModel[];
  missing: MissingValue[];
  /** A member's edit that is not a valid template text, printed as typed: section keys. */
  literalEdits: string[];
}

/** The plain text of a paragraph, missing values in brackets (what the files print). */
export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => ("missing" in r ? `[${r.note}]` : r.text)).join("");
}

/** The whole document as plain text (tests, and the PDF's searchable text). */
export function documentText(doc: FilingDocument): string {
  return [doc.title, ...doc.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.paragraphs.map(paragraphText)])].join("\n");
}

// ───────────────────────────── what a template may use

/** Placeholders: `{{name}}`. The ones marked block stand for whole paragraphs (lists). */
export const FIELD_NAMES = [
  "today",
  "group.name",
  "organizers",
  "applicants",
  "applicant.name",
  "authority.name",
  "authority.city",
  "case.title",
  "case.purpose",
  "case.city",
  "case.procedure",
  "case.filedOn",
  "case.registrationNumber",
  "parts",
  "assembly.form",
  "assembly.place",
  "assembly.route",
  "assembly.date",
  "assembly.time",
  "assembly.participants",
  "assembly.equipment",
  "refusal.date",
  "refusal.number",
  "refusal.reason",
  "refusal.article",
  "refusal.alternative",
  "refusal.bookingHolder",
  "grounds",
  "evidence",
  "deadline.date",
  "deadline.basis",
  "complaint.body",
  "court.name",
  "appealCourt.name",
  "ruling.date",
  "ruling.outcome",
  "ruling.summary",
  "ruling.caseNumber",
] as const;

/** Flags usable only as conditions (any placeholder is also a condition: "has a value"). */
export const CONDITION_NAMES = [
  "refusal",
  "refusal.alternativeOffered",
  "refusal.citesWorks",
  "refusal.citesBookedPlace",
  "refusal.citesWorksWithoutAlternative",
  "refusal.citesBookedPlaceWithoutAlternative",
  "refusal.cites61NP",
  "case.isNotification",
  "case.isApproval",
  "complaint.ruled",
  "ruling.upheld",
] as const;

const GROUND_CONDITION = /^ground\.[a-z_]+$/;

export function isKnownName(name: string, as: "field" | "condition"): boolean {
  if (as === "field") return (FIELD_NAMES as readonly string[]).includes(name);
  return (CONDITION_NAMES as readonly string[]).includes(name) || GROUND_CONDITION.test(name);
}

// ───────────────────────────── building

type Value = { text: string } | { missing: true } | { paragraphs: Paragraph[] };

export interface BuildFilingInput {
  case: FilingCase;
  template: FilingTemplateData;
  standards: readonly StandardSource[];
  clock: { rules: readonly DeadlineRuleData[]; calendar: WorkCalendar };
  words: FilingWords;
  /** YYYY-MM-DD */
  today: string;
  /** Free sections rewritten by the member: section key → template text. */
  edits?: Readonly<Record<string, string>>;
}

const text = (value: string | number | null | undefined): Value => (value === null || value === undefined || String(value).trim() === "" ? { missing: true } : { text: String(value).trim() });

/** The answer a complaint or claim is against: the latest one that refused something. */
export function refusalOf(c: FilingCase) {
  return [...c.answers].reverse().find((a) => refusedSomething(a.partOutcomes)) ?? null;
}

export function buildFiling(input: BuildFilingInput): FilingDocument {
  const { case: c, template, words, today } = input;
  const { t, vocab, date } = words;
  const locale = template.locale;
  const localized = words.localized;
  const nameOf = (n: Named) => (n ? localized(n, "name") || n.name : "");
  const refusal = refusalOf(c);
  const refusedPartIds = new Set(refusal?.partOutcomes.filter((p) => p.outcome === "refused" || p.outcome === "alternative_proposed").map((p) => p.partId) ?? []);
  const part = c.parts.find((p) => refusedPartIds.has(p.id)) ?? c.parts[0] ?? null;
  const stage = (kind: string) => [...c.appealStages].reverse().find((s) => s.kind === kind) ?? null;
  const complaintStage = stage("complaint");
  const firstInstance = stage("first_instance");
  const appealStage = stage("appeal");
  const groundCodes = new Set(refusal?.grounds.map((g) => g.ground.code) ?? []);
  const citesWorks = groundCodes.has("works");
  const citesBooked = groundCodes.has("place_taken") || Boolean(refusal?.conflictingBookingHolder.trim());
  const alternative = Boolean(refusal?.alternativeOffered);

  const values = new Map<string, Value>();
  const set = (name: string, v: Value) => values.set(name, v);
  const missingNote = (name: string) => t(`missing.${name.replace(/\./g, "_")}`);

  set("today", { text: date(today) });
  set("group.name", text(c.group.name));
  set("organizers", text((c.organizers.length ? c.organizers.map((o) => o.group.name) : [c.group.name]).join(", ")));
  set("authority.name", text(nameOf(c.authority)));
  set("authority.city", text(c.authority?.city || c.city));
  set("case.title", text(c.title));
  set("case.purpose", text(c.purpose));
  set("case.city", text(c.city));
  set("case.procedure", text(vocab("procedure", c.procedure)));
  set("case.filedOn", c.filedOn ? text(date(c.filedOn, c.filedOnPrecision)) : { missing: true });
  set("case.registrationNumber", text(c.registrationNumber));

  // The applicants, with the personal data a filing needs: the group's own (the caller is its editor).
  set("applicant.name", text(c.applicants[0]?.person.fullName));
  set(
    "applicants",
    c.applicants.length
      ? {
          paragraphs: c.applicants.map((a) => ({
            style: "item",
            runs: [
              { text: a.person.fullName },
              ...(a.role === "representative" ? [{ text: ` (${t("doc.representative")})` }] : []),
              ...labelled(t("doc.iin"), text(a.person.idNumber), "applicant.iin"),
              ...labelled(t("doc.address"), text(a.person.address), "applicant.address"),
              ...(a.person.phone ? [{ text: `, ${t("doc.phone")} ${a.person.phone}` }] : []),
            ],
          })),
        }
      : { missing: true },
  );
  function labelled(label: string, v: Value, missingName: string): Run[] {
    return [{ text: `, ${label} ` }, "text" in v ? { text: v.text } : { missing: missingName, note: missingNote(missingName) }];
  }

  // The assembly: the refused part (or the first) for the single-value placeholders, every part for {{parts}}.
  const timeOf = (p: NonNullable<typeof part>) => [p.startTime, p.endTime].filter(Boolean).join("–");
  const equipmentOf = (p: NonNullable<typeof part>) =>
    p.equipment
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => vocab("equipment", e))
      .join(", ");
  const dateOf = (p: NonNullable<typeof part>) => (p.eventDate ? date(p.eventDate, p.eventDatePrecision) : "");
  set("assembly.form", text(part ? vocab("form", part.form) : ""));
  set("assembly.place", text(part?.place || part?.route));
  set("assembly.route", text(part?.route));
  set("assembly.date", text(part ? dateOf(part) : ""));
  set("assembly.time", text(part ? timeOf(part) : ""));
  set("assembly.participants", text(part?.expectedParticipants));
  set("assembly.equipment", part && equipmentOf(part) ? { text: equipmentOf(part) } : { text: t("doc.noEquipment") });
  set(
    "parts",
    c.parts.length
      ? {
          paragraphs: c.parts.map((p, i) => {
            const runs: Run[] = [{ text: `${i + 1}. ${vocab("form", p.form)}: `, bold: true }];
            const add = (label: string, v: Value, missingName: string, first = false) => {
              runs.push({ text: `${first ? "" : "; "}${label} ` });
              runs.push("text" in v ? { text: v.text } : { missing: missingName, note: missingNote(missingName) });
            };
            add(p.route && !p.place ? t("doc.route") : t("doc.place"), text(p.place || p.route), "assembly.place", true);
            if (p.place && p.route) add(t("doc.route"), text(p.route), "assembly.route");
            add(t("doc.date"), text(dateOf(p)), "assembly.date");
            add(t("doc.time"), text(timeOf(p)), "assembly.time");
            add(t("doc.participants"), text(p.expectedParticipants), "assembly.participants");
            if (equipmentOf(p)) add(t("doc.equipment"), text(equipmentOf(p)), "assembly.equipment");
            return { style: "item" as const, runs };
          }),
        }
      : { missing: true },
  );

  // The refusal.
  set("refusal.date", refusal?.receivedOn && refusal.receivedOnPrecision !== "unknown" ? text(date(refusal.receivedOn, refusal.receivedOnPrecision)) : { missing: true });
  set("refusal.number", text(refusal?.referenceNumber));
  set("refusal.reason", text(refusal?.statedReason));
  set("refusal.article", text(refusal?.articleCited || [...new Set(refusal?.grounds.map((g) => g.articleCited || g.ground.article).filter(Boolean))].join("; ")));
  set("refusal.alternative", text(refusal?.alternativeDetails));
  set("refusal.bookingHolder", text(refusal?.conflictingBookingHolder));
  set("grounds", refusal ? groundsBlock() : { missing: true });
  set(
    "evidence",
    (() => {
      const items = refusal?.evidence.filter((e) => e.stance === "contests") ?? [];
      return items.length
        ? {
            paragraphs: items.map((e) => ({
              style: "item" as const,
              runs: [{ text: [e.observedOn ? date(e.observedOn, e.observedOnPrecision) : "", e.observer].filter(Boolean).join(", ") + (e.observedOn || e.observer ? ": " : "") + e.description }],
            })),
          }
        : { missing: true };
    })(),
  );

  // The stages before this filing.
  const body = (s: typeof complaintStage) => text(s ? nameOf(s.body) || s.bodyName : "");
  set("complaint.body", body(complaintStage));
  set("court.name", body(firstInstance));
  set("appealCourt.name", body(appealStage));
  const ruling = firstInstance?.ruling ?? null;
  set("ruling.date", ruling?.decidedOn ? text(date(ruling.decidedOn, ruling.decidedOnPrecision)) : { missing: true });
  set("ruling.outcome", text(ruling ? vocab("rulingOutcome", ruling.outcome) : ""));
  set("ruling.summary", text(ruling?.summary));
  set("ruling.caseNumber", text(firstInstance?.caseNumber));

  // The deadline this filing must meet.
  const deadline = filingDeadline();
  set("deadline.date", deadline ? { text: date(deadline.date) } : { missing: true });
  set("deadline.basis", deadline?.basis ? { text: deadline.basis } : { missing: true });

  const flags = new Map<string, boolean>([
    ["refusal", refusal !== null],
    ["refusal.alternativeOffered", alternative],
    ["refusal.citesWorks", citesWorks],
    ["refusal.citesBookedPlace", citesBooked],
    ["refusal.citesWorksWithoutAlternative", citesWorks && !alternative],
    ["refusal.citesBookedPlaceWithoutAlternative", citesBooked && !alternative],
    ["refusal.cites61NP", (citesWorks || citesBooked) && !alternative],
    ["case.isNotification", c.procedure === "notification"],
    ["case.isApproval", c.procedure === "approval"],
    ["complaint.ruled", Boolean(complaintStage?.ruling)],
    ["ruling.upheld", ruling?.outcome === "upheld"],
  ]);
  const holds = (name: string): boolean => {
    if (flags.has(name)) return flags.get(name)!;
    if (name.startsWith("ground.")) return groundCodes.has(name.slice("ground.".length));
    const v = values.get(name);
    return v !== undefined && !("missing" in v);
  };

  // ── sections
  const missing = new Map<string, string>();
  const literalEdits: string[] = [];
  const sections: FilingSectionModel[] = template.sections.map((s) => {
    const edit = s.free ? input.edits?.[s.key] : undefined;
    const edited = edit !== undefined && edit.replace(/\r\n/g, "\n").trim() !== s.text.trim();
    const source = edited ? edit!.replace(/\r\n/g, "\n") : s.text;
    let segments: Segment[];
    try {
      segments = evaluate(parseTemplate(source), holds);
    } catch (e) {
      if (!(e instanceof TemplateSyntaxError)) throw e;
      // A member's text with a stray "{{" is printed as typed, not lost.
      literalEdits.push(s.key);
      segments = [{ type: "text", text: source }];
    }
    return { key: s.key, heading: s.heading, free: Boolean(s.free), source, edited, paragraphs: toParagraphs(segments, s.align) };
  });

  function toParagraphs(segments: Segment[], align: TemplateSection["align"]): Paragraph[] {
    const out: Paragraph[] = [];
    let runs: Run[] = [];
    const flush = () => {
      if (runs.some((r) => "missing" in r || r.text.trim())) out.push(styled(runs, align));
      runs = [];
    };
    for (const seg of segments) {
      if (seg.type === "text") {
        const lines = seg.text.split("\n");
        lines.forEach((line, i) => {
          if (i > 0) flush();
          if (line) runs.push({ text: line });
        });
        continue;
      }
      const v = values.get(seg.name);
      if (v && "paragraphs" in v) {
        flush();
        out.push(...v.paragraphs);
        continue;
      }
      if (!v || "missing" in v) {
        const note = missingNote(seg.name);
        missing.set(seg.name, note);
        runs.push({ missing: seg.name, note });
      } else runs.push({ text: v.text });
    }
    flush();
    return out;
  }

  // Missing values inside generated lists count too.
  for (const s of sections) for (const p of s.paragraphs) for (const r of p.runs) if ("missing" in r) missing.set(r.missing, r.note);

  // The title may name the procedure ("{{#if case.isApproval}}…{{/if}}"): filled the same way.
  let title = template.title;
  try {
    title = toParagraphs(evaluate(parseTemplate(template.title), holds), undefined).map(paragraphText).join(" ");
  } catch {
    // a stored title is checked on save; an old one that does not parse is printed as stored
  }

  return {
    kind: template.kind,
    locale,
    title,
    draftTitle: t("draftTitle", { kind: t(`kind.${template.kind}`), date: today }),
    templateVersion: template.version,
    caseVersion: c.version,
    deadline,
    sections,
    missing: [...missing].map(([name, note]) => ({ name, note })),
    literalEdits,
  };

  // ── helpers that read the case above

  function groundsBlock(): Value {
    const r = refusal!;
    const sorted = [...input.standards].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    const codesOf = (s: StandardSource) => s.groundCodes.split(",").map((x) => x.trim()).filter(Boolean);
    const general = sorted.filter((s) => codesOf(s).length === 0);
    const out: Paragraph[] = [];
    if (!r.grounds.length) {
      out.push({ runs: [{ missing: "refusal.grounds", note: missingNote("refusal.grounds") }] });
    }
    r.grounds.forEach((g, i) => {
      const label = localized(g.ground, "label") || g.ground.code;
      const article = g.articleCited || r.articleCited || g.ground.article;
      out.push({ style: "heading", runs: [{ text: `${i + 1}. ${label}${article ? ` (${article})` : ""}`, bold: true }] });
      const words = g.words || r.statedReason;
      out.push(
        words
          ? { style: "quote", runs: [{ text: `${t("doc.authorityWrote")} «${words}»`, italic: true }] }
          : { runs: [{ missing: "refusal.reason", note: missingNote("refusal.reason") }] },
      );
      const answering = sorted.filter((s) => codesOf(s).includes(g.ground.code));
      if (answering.length) {
        out.push({ runs: [{ text: t("doc.answeredBy") }] });
        for (const s of answering) out.push({ style: "item", runs: [{ text: `${localized(s, "title")}. `, bold: true }, { text: localized(s, "body") }] });
      }
    });
    for (const s of general) out.push({ style: "item", runs: [{ text: `${localized(s, "title")}. `, bold: true }, { text: localized(s, "body") }] });
    return { paragraphs: out };
  }

  function filingDeadline(): { date: string; basis: string } | null {
    const { rules, calendar } = input.clock;
    const apply = (code: string, anchor: string | null | undefined) => {
      const rule = findRule(rules, code);
      if (!rule || !anchor || !/^\d{4}-\d{2}-\d{2}$/.test(anchor)) return null;
      const d = applyRule(rule, anchor, calendar);
      return { date: d.dueOn, basis: d.legalBasis };
    };
    const dayOnly = (iso: string | null | undefined, precision: string | undefined) => (precision === "day" ? iso : null);
    switch (template.kind) {
      case "notification": {
        const procedure = c.procedure === "approval" ? "approval" : "notification";
        return apply(RULE_CODES.filing(procedure), dayOnly(part?.eventDate, part?.eventDatePrecision));
      }
      case "complaint":
        return apply(RULE_CODES.complaint, dayOnly(refusal?.receivedOn, refusal?.receivedOnPrecision));
      case "claim":
        return complaintStage?.ruling
          ? apply(RULE_CODES.courtClaim, dayOnly(complaintStage.ruling.decidedOn, complaintStage.ruling.decidedOnPrecision))
          : apply(RULE_CODES.courtClaimDirect, dayOnly(refusal?.receivedOn, refusal?.receivedOnPrecision));
      case "appeal":
        return apply(RULE_CODES.appeal, dayOnly(ruling?.decidedOn, ruling?.decidedOnPrecision));
    }
  }
}

function styled(runs: Run[], align: TemplateSection["align"]): Paragraph {
  const first = runs[0];
  const base: Paragraph = align && align !== "left" ? { runs, align } : { runs };
  if (first && "text" in first) {
    const m = /^(#|>|-)\s+/.exec(first.text);
    if (m) {
      const rest = [{ ...first, text: first.text.slice(m[0].length) }, ...runs.slice(1)];
      if (m[1] === "#") return { ...base, style: "heading", runs: rest.map((r) => ("text" in r ? { ...r, bold: true } : r)) };
      if (m[1] === ">") return { ...base, style: "quote", runs: rest.map((r) => ("text" in r ? { ...r, italic: true } : r)) };
      return { ...base, style: "item", runs: rest };
    }
  }
  return base;
}

/** "complaint-ru-2026-11-30.docx": the name a generated file is downloaded and saved under. */
export function filingFileName(doc: Pick<FilingDocument, "kind" | "locale" | "draftTitle">, ext: "docx" | "pdf", today = /\d{4}-\d{2}-\d{2}/.exec(doc.draftTitle)?.[0] ?? ""): string {
  return `${doc.kind}-${doc.locale}${today ? `-${today}` : ""}.${ext}`;
}
