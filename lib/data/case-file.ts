import "server-only";
// The case file a lawyer reads, built ONCE as plain data from a loaded case. The HTML view
// (components/case-file/render-html.ts) and the PDF (lib/pdf/case-file.ts) only lay it out,
// so what a share link's scope leaves out is decided here and nowhere else.
import { createHash } from "node:crypto";
import { createFormatter, createTranslator } from "use-intl/core";
import { db } from "../db";
import { loadMessages } from "../i18n/catalogue";
import type { Locale } from "../i18n/config";
import { SHARE_SECTIONS, isOneOf, type ShareSection } from "../domain/vocabulary";
import { canEditSharedReference, type Actor } from "../auth/access";
import { env } from "../env";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { logChange } from "./audit";
import { getCase, type CaseData } from "./cases";
import { discloseCase, peopleOf, redactPersonal } from "./visibility";
import { localized, localizedText } from "../i18n/localized";

export interface CaseFileScope {
  sections: readonly ShareSection[];
  /** Applicants' names, ID numbers, addresses, phones; people named in incidents. */
  includePersonal: boolean;
  /** The group's own notes stay inside the group: members see them, share links never do. */
  includeNotes: boolean;
}

/** What a member sees when printing their own case. */
export const MEMBER_SCOPE: CaseFileScope = { sections: SHARE_SECTIONS, includePersonal: true, includeNotes: true };

export interface Fact {
  label: string;
  value: string;
}
export type Block =
  | { type: "facts"; rows: Fact[] }
  | { type: "text"; label?: string; text: string }
  /** The authority's or a court's words, reproduced verbatim. */
  | { type: "quote"; label?: string; text: string; cite?: string }
  | { type: "list"; label?: string; items: string[] };

export interface Entry {
  heading?: string;
  blocks: Block[];
  /** "Exhibits: 1, 3" — the sources this entry rests on. */
  refs?: string;
  /** An attached document: the HTML view links to it (through the route that checks the reader). */
  file?: { id: string; open: string; download: string };
}

/** An attached document the case file appends: PDF pages merged in, images placed on pages. */
export interface DocumentExhibit {
  n: number;
  label: string;
  id: string;
  title: string;
  fileName: string;
  mimeType: string;
  storageKey: string;
}

export interface Section {
  id: "cover" | "chronology" | "standards" | "sources" | ShareSection;
  title: string;
  intro?: string;
  entries: Entry[];
  /** Shown when there are no entries. */
  empty?: string;
}

export interface CaseFile {
  locale: Locale;
  /** "Case file" */
  kind: string;
  title: string;
  prepared: string;
  notice?: string;
  sections: Section[];
  /** The attached documents this copy includes, in exhibit order. */
  exhibits: DocumentExhibit[];
}

export interface StandardText {
  code: string;
  titleEn: string;
  titleRu: string;
  /** Optional: where empty, a Kazakh reader gets the Russian (localized()). */
  titleKk?: string;
  bodyEn: string;
  bodyRu: string;
  bodyKk?: string;
  groundCodes: string;
  sortOrder: number;
}

/** The case as the case file reads it: what getCase returns. */
export type CaseFileSource = Pick<
  CaseData,
  | "id"
  | "title"
  | "procedure"
  | "city"
  | "purpose"
  | "filedOn"
  | "filedOnPrecision"
  | "filedBefore"
  | "registrationNumber"
  | "requestCount"
  | "notes"
  | "publicNote"
  | "status"
  | "outcome"
  | "answerDueOn"
  | "group"
  | "authority"
  | "organizers"
  | "applicants"
  | "parts"
  | "answers"
  | "appealStages"
  | "events"
  | "incidents"
  | "citations"
  | "deadline"
> & { attachments?: CaseData["attachments"] };

export function parseSections(value: string | readonly string[] | null | undefined): ShareSection[] {
  const list = typeof value === "string" ? value.split(",") : (value ?? []);
  // Keep the canonical order so every rendering lists sections the same way.
  return SHARE_SECTIONS.filter((s) => list.some((v) => v.trim() === s));
}

export async function listLegalStandards(): Promise<(StandardText & { id: string })[]> {
  return db.legalStandard.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

// ───────────────────────────── the standards' reference texts (shared by every group)

/** Editing the texts every case file prints: the same rule as the other shared reference data. */
export function canEditStandards(actor: Actor | null): boolean {
  return canEditSharedReference(actor, env.operatorEmails);
}

/** Identifies the version of a standard the editor started from (the table has no version column). */
export function standardFingerprint(s: Pick<StandardText, "titleEn" | "titleRu" | "titleKk" | "bodyEn" | "bodyRu" | "bodyKk" | "groundCodes">): string {
  return createHash("sha256").update(JSON.stringify([s.titleEn, s.titleRu, s.titleKk ?? "", s.bodyEn, s.bodyRu, s.bodyKk ?? "", s.groundCodes])).digest("hex").slice(0, 32);
}

export async function listGroundCodes(): Promise<string[]> {
  return (await db.refusalGround.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true } })).map((g) => g.code);
}

export async function updateLegalStandard(
  actor: Actor,
  input: { id: string; fingerprint: string; titleEn: string; titleRu: string; titleKk: string; bodyEn: string; bodyRu: string; bodyKk: string; groundCodes: string },
): Promise<void> {
  if (!canEditStandards(actor)) throw new ForbiddenError();
  await db.$transaction(async (tx) => {
    const before = await tx.legalStandard.findUnique({ where: { id: input.id } });
    if (!before) throw new NotFoundError();
    if (standardFingerprint(before) !== input.fingerprint) throw new ConflictError(before);
    const { id, fingerprint, ...data } = input;
    void fingerprint;
    const after = await tx.legalStandard.update({ where: { id }, data });
    await logChange(tx, actor, { entity: "LegalStandard", entityId: id, action: "update", before, after });
  });
}

/** A member's own case file: getCase decides what they may see, the scope what they print. */
export async function loadMemberCaseFile(actor: Actor, applicationId: string, scope: CaseFileScope, locale: Locale, now = new Date()): Promise<CaseFile> {
  const reading = { locale, withholdPersonal: !scope.includePersonal, withholdInternal: !scope.includeNotes };
  const [data, standards] = await Promise.all([getCase(actor, applicationId, reading), listLegalStandards()]);
  // Notes and personal data are the owning group's: a member of another group reading a
  // public case gets neither (getCase has already cut out what they may not see).
  return buildCaseFile(data, { ...scope, includePersonal: scope.includePersonal && data.isMember, includeNotes: scope.includeNotes && data.isMember }, locale, standards, now);
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function translators(locale: Locale) {
  const messages = loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "casefile" }) as unknown as Translate & { has(key: string): boolean };
  const v = createTranslator({ locale, messages, namespace: "vocab" }) as unknown as Translate & { has(key: string): boolean };
  // A stored value outside the vocabulary is shown as stored rather than as a missing key.
  const vocab = (list: string, value: string | null | undefined) => (value ? (v.has(`${list}.${value}`) ? v(`${list}.${value}`) : value) : "");
  const common = createTranslator({ locale, messages, namespace: "common" }) as unknown as Translate;
  const f = createFormatter({ locale, timeZone: "Asia/Almaty" });
  const date = (value: string | null | undefined, precision = "day") => {
    if (!value || precision === "unknown") return common("dateUnknown");
    const iso = value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value.slice(0, 10);
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return value;
    if (precision === "year") return f.dateTime(d, { year: "numeric", timeZone: "UTC" });
    if (precision === "month") return f.dateTime(d, { year: "numeric", month: "long", timeZone: "UTC" });
    return f.dateTime(d, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  };
  const instant = (d: Date) => f.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return { t, vocab, date, instant };
}

/** Formats an instant the way the case file does (for the share banner). */
export function formatInstant(d: Date, locale: Locale): string {
  return translators(locale).instant(d);
}

function facts(rows: (Fact | null | false | undefined)[]): Block | null {
  const kept = rows.filter((r): r is Fact => Boolean(r && r.value && r.value.trim()));
  return kept.length ? { type: "facts", rows: kept } : null;
}
function fact(label: string, value: string | number | null | undefined): Fact | null {
  return value === null || value === undefined || value === "" ? null : { label, value: String(value) };
}
function text(label: string | undefined, value: string | null | undefined): Block | null {
  return value && value.trim() ? { type: "text", label, text: value.trim() } : null;
}
function quote(label: string | undefined, value: string | null | undefined): Block | null {
  return value && value.trim() ? { type: "quote", label, text: value.trim() } : null;
}
function blocks(...list: (Block | null)[]): Block[] {
  return list.filter((b): b is Block => b !== null);
}
const sortKey = (d: string | null | undefined) => d ?? "9999";

/**
 * The case file for one case under a scope. Pure: everything it shows comes from its
 * arguments. The case is first cut down to the scope by the same rule as every other reader
 * (discloseCase): without personal data, no one's name, IIN, address or phone is in any string.
 */
export function buildCaseFile(source: CaseFileSource, scope: CaseFileScope, locale: Locale, standards: readonly StandardText[], now = new Date()): CaseFile {
  const { t, vocab, date, instant } = translators(locale);
  const c = discloseCase(
    source,
    peopleOf(source),
    { knows: () => scope.includePersonal, withholdPersonal: !scope.includePersonal, internal: scope.includeNotes },
    t("withheld"),
  );
  const has = (s: ShareSection) => scope.sections.includes(s);
  const notes = (label: string, value: string | null | undefined) => (scope.includeNotes ? text(label, value) : null);
  // What we wrote, in the reader's language; our translation says so (quotes stay as written).
  const marker = (createTranslator({ locale, messages: loadMessages(locale), namespace: "translations.marker" }) as unknown as (key: string) => string)("label");
  const ours = (record: object, field: string): string => {
    const { text: value, translated } = localizedText(record, field, locale);
    return value && translated ? `${value} [${marker}]` : value;
  };
  const partForm = new Map(c.parts.map((p) => [p.id, vocab("form", p.form)]));

  // ── exhibits: only the citations of records that this copy shows
  const recordSection = new Map<string, Section["id"]>([[c.id, "cover"]]);
  for (const p of c.parts) recordSection.set(p.id, "parts");
  for (const a of c.answers) {
    recordSection.set(a.id, "answers");
    for (const e of a.evidence) recordSection.set(e.id, "answers");
  }
  for (const s of c.appealStages) {
    recordSection.set(s.id, "appeals");
    for (const h of s.hearings) recordSection.set(h.id, "appeals");
    if (s.ruling) recordSection.set(s.ruling.id, "appeals");
  }
  for (const e of c.events) recordSection.set(e.id, "events");
  for (const i of c.incidents) recordSection.set(i.id, "incidents");
  const shown = (recordId: string) => {
    const s = recordSection.get(recordId);
    return s === "cover" || (s !== undefined && isOneOf(SHARE_SECTIONS, s) && has(s));
  };
  const citations = has("sources") ? c.citations.filter((ci) => shown(ci.recordId)) : [];
  const exhibitNo = new Map<string, number>();
  for (const ci of citations) if (!exhibitNo.has(ci.sourceId)) exhibitNo.set(ci.sourceId, exhibitNo.size + 1);
  const refs = (...recordIds: string[]): string | undefined => {
    const nos = [...new Set(citations.filter((ci) => recordIds.includes(ci.recordId)).map((ci) => exhibitNo.get(ci.sourceId)!))].sort((a, b) => a - b);
    return nos.length ? t("exhibitRefs", { list: nos.join(", ") }) : undefined;
  };

  const authorityName = c.authority ? localized(c.authority, "name", locale) : "";
  const groups = c.organizers.length ? c.organizers.map((o) => o.group.name) : [c.group.name];
  const sections: Section[] = [];

  // ── cover
  const cover: Entry[] = [
    {
      blocks: blocks(
        facts([
          fact(t("cover.groups"), groups.join(", ")),
          fact(t("cover.authority"), [authorityName, c.authority?.city].filter(Boolean).join(", ")),
          fact(t("cover.city"), c.city),
          fact(t("cover.procedure"), vocab("procedure", c.procedure)),
          fact(t("cover.forms"), c.parts.map((p) => vocab("form", p.form)).join(", ")),
          c.filedOn ? fact(t("cover.filedOn"), date(c.filedOn, c.filedOnPrecision)) : null,
          c.filedBefore ? fact(t("cover.filedBefore"), date(c.filedBefore)) : null,
          fact(t("cover.registrationNumber"), c.registrationNumber),
          c.requestCount > 1 ? fact(t("cover.requestCount"), c.requestCount) : null,
          fact(t("cover.status"), vocab("status", c.status)),
          fact(t("cover.outcome"), vocab("partOutcome", c.outcome)),
          c.answerDueOn ? fact(t("cover.answerDue"), date(c.answerDueOn)) : null,
          c.deadline
            ? fact(
                t("cover.nextDeadline"),
                // A date set by hand says so, with the computed one beside it (who and why stay in the history).
                t(c.deadline.override ? "cover.nextDeadlineByHand" : "cover.nextDeadlineValue", {
                  date: date(c.deadline.dueOn),
                  step: c.deadline.nextStep === "answer" ? t("cover.stepAnswer") : vocab("appealKind", c.deadline.nextStep),
                  computed: c.deadline.override ? date(c.deadline.computedOn) : "",
                }),
              )
            : null,
        ]),
        text(t("cover.purpose"), ours(c, "purpose")),
        text(t("cover.publicNote"), c.publicNote),
        notes(t("cover.notes"), ours(c, "notes")),
      ),
      refs: refs(c.id),
    },
  ];
  if (scope.includePersonal && c.applicants.length) {
    cover.push({
      heading: t("cover.applicants"),
      blocks: c.applicants.map(
        (a) =>
          facts([
            fact(a.person.fullName, t.has(`cover.role.${a.role}`) ? t(`cover.role.${a.role}`) : a.role),
            fact(t("cover.idNumber"), a.person.idNumber),
            fact(t("cover.address"), a.person.address),
            fact(t("cover.phone"), a.person.phone),
          ])!,
      ),
    });
  }
  sections.push({ id: "cover", title: t("section.cover"), entries: cover });

  // ── chronology: the dated facts of the sections this copy includes
  const chrono: { on: string | null; precision: string; what: string }[] = [];
  if (c.filedOn) chrono.push({ on: c.filedOn, precision: c.filedOnPrecision, what: authorityName ? t("chrono.filedWith", { authority: authorityName }) : t("chrono.filed") });
  if (has("parts")) for (const p of c.parts) if (p.eventDate) chrono.push({ on: p.eventDate, precision: p.eventDatePrecision, what: t("chrono.planned", { form: vocab("form", p.form) }) });
  if (has("answers")) for (const a of c.answers) chrono.push({ on: a.receivedOn, precision: a.receivedOnPrecision, what: t("chrono.answer", { outcome: vocab("partOutcome", a.outcome) }) });
  if (has("appeals"))
    for (const s of c.appealStages) {
      const kind = vocab("appealKind", s.kind);
      chrono.push({ on: s.filedOn, precision: s.filedOnPrecision, what: t("chrono.appealFiled", { kind }) });
      for (const h of s.hearings) chrono.push({ on: h.heldOn, precision: h.heldOnPrecision, what: t("chrono.hearing", { kind }) });
      if (s.ruling) chrono.push({ on: s.ruling.decidedOn, precision: s.ruling.decidedOnPrecision, what: t("chrono.ruling", { kind, outcome: vocab("rulingOutcome", s.ruling.outcome) }) });
    }
  if (has("events")) for (const e of c.events) chrono.push({ on: e.occurredOn, precision: e.occurredOnPrecision, what: t("chrono.event", { kind: vocab("eventKind", e.kind) }) });
  if (has("incidents")) for (const i of c.incidents) chrono.push({ on: i.occurredOn, precision: i.occurredOnPrecision, what: t("chrono.incident", { kind: vocab("incidentKind", i.kind), title: i.title }) });
  chrono.sort((a, b) => sortKey(a.on).localeCompare(sortKey(b.on)));
  sections.push({
    id: "chronology",
    title: t("section.chronology"),
    entries: chrono.length ? [{ blocks: [{ type: "facts", rows: chrono.map((x) => ({ label: date(x.on, x.precision), value: x.what })) }] }] : [],
    empty: t("none"),
  });

  if (has("parts")) {
    sections.push({
      id: "parts",
      title: t("section.parts"),
      empty: t("none"),
      entries: c.parts.map((p, i) => ({
        heading: t("part.heading", { n: i + 1, form: vocab("form", p.form) }),
        blocks: blocks(
          facts([
            fact(t("part.place"), ours(p, "place")),
            fact(t("part.route"), ours(p, "route")),
            p.eventDate ? fact(t("part.eventDate"), date(p.eventDate, p.eventDatePrecision)) : null,
            fact(t("part.time"), [p.startTime, p.endTime].filter(Boolean).join("–")),
            fact(t("part.participants"), p.expectedParticipants),
            fact(t("part.equipment"), p.equipment.split(",").filter(Boolean).map((e) => vocab("equipment", e.trim())).join(", ")),
            fact(t("part.outcome"), vocab("partOutcome", p.outcome)),
          ]),
        ),
        refs: refs(p.id),
      })),
    });
  }

  if (has("answers")) {
    sections.push({
      id: "answers",
      title: t("section.answers"),
      empty: t("none"),
      entries: c.answers.map((a) => ({
        heading: t("answer.heading", { date: date(a.receivedOn, a.receivedOnPrecision) }),
        blocks: blocks(
          facts([
            fact(t("answer.referenceNumber"), a.referenceNumber),
            fact(t("answer.outcome"), vocab("partOutcome", a.outcome)),
            fact(t("answer.articleCited"), a.articleCited),
            fact(t("answer.alternativeOffered"), a.alternativeOffered ? t("yes") : t("no")),
            fact(t("answer.alternativeDetails"), a.alternativeDetails),
            fact(t("answer.conflictingBookingHolder"), ours(a, "conflictingBookingHolder")),
          ]),
          quote(t("answer.statedReason"), a.statedReason),
          a.grounds.length
            ? { type: "list", label: t("answer.grounds"), items: a.grounds.map((g) => [groundLabel(g.ground, locale), g.articleCited || g.ground.article].filter(Boolean).join(" — ")) }
            : null,
          ...a.grounds.map((g) => quote(t("answer.groundWords", { ground: groundLabel(g.ground, locale) }), g.words)),
          a.partOutcomes.length
            ? {
                type: "list",
                label: t("answer.partOutcomes"),
                items: a.partOutcomes.map((po) =>
                  [
                    t("answer.partOutcome", { form: partForm.get(po.partId) ?? "", outcome: vocab("partOutcome", po.outcome) }),
                    po.limits ? t("answer.limits", { limits: po.limits }) : "",
                    po.alternative ? t("answer.alternative", { alternative: po.alternative }) : "",
                  ]
                    .filter(Boolean)
                    .join("; "),
                ),
              }
            : null,
          a.evidence.length
            ? {
                type: "list",
                label: t("answer.evidence"),
                items: a.evidence.map((e) =>
                  t("answer.evidenceItem", { stance: vocab("stance", e.stance), date: date(e.observedOn, e.observedOnPrecision), observer: ours(e, "observer") || "—", description: ours(e, "description") }),
                ),
              }
            : null,
          notes(t("answer.notes"), ours(a, "notes")),
        ),
        refs: refs(a.id, ...a.evidence.map((e) => e.id)),
      })),
    });
  }

  if (has("appeals")) {
    const entries: Entry[] = [];
    for (const s of c.appealStages) {
      entries.push({
        heading: t("appeal.heading", { kind: vocab("appealKind", s.kind) }),
        blocks: blocks(
          facts([
            fact(t("appeal.filedOn"), s.filedOn ? date(s.filedOn, s.filedOnPrecision) : ""),
            fact(t("appeal.body"), s.body ? localized(s.body, "name", locale) : s.bodyName),
            fact(t("appeal.caseNumber"), s.caseNumber),
          ]),
          text(t("appeal.authorityArguments"), ours(s, "authorityArguments")),
          notes(t("appeal.notes"), ours(s, "notes")),
        ),
        refs: refs(s.id),
      });
      for (const h of s.hearings) {
        entries.push({
          heading: t("appeal.hearing", { date: date(h.heldOn, h.heldOnPrecision) }),
          blocks: blocks(
            facts([fact(t("appeal.time"), h.time)]),
            text(t("appeal.authorityArguments"), ours(h, "authorityArguments")),
            text(t("appeal.applicantArguments"), h.applicantArguments),
            notes(t("appeal.notes"), h.notes),
          ),
          refs: refs(h.id),
        });
      }
      if (s.ruling) {
        entries.push({
          heading: t("appeal.ruling", { date: date(s.ruling.decidedOn, s.ruling.decidedOnPrecision) }),
          blocks: blocks(facts([fact(t("appeal.rulingOutcome"), vocab("rulingOutcome", s.ruling.outcome))]), text(t("appeal.summary"), ours(s.ruling, "summary")), quote(t("appeal.text"), s.ruling.text)),
          refs: refs(s.ruling.id),
        });
      }
    }
    sections.push({ id: "appeals", title: t("section.appeals"), empty: t("none"), entries });
  }

  if (has("events")) {
    sections.push({
      id: "events",
      title: t("section.events"),
      empty: t("none"),
      entries: c.events.map((e) => ({
        heading: t("event.heading", { kind: vocab("eventKind", e.kind), date: date(e.occurredOn, e.occurredOnPrecision) }),
        blocks: blocks(text(t("event.description"), ours(e, "description")), quote(t("event.statedReason"), e.statedReason), facts([fact(t("event.participants"), e.participants)])),
        refs: refs(e.id),
      })),
    });
  }

  if (has("incidents")) {
    sections.push({
      id: "incidents",
      title: t("section.incidents"),
      empty: t("none"),
      entries: c.incidents.map((i) => ({
        heading: t("incident.heading", { kind: vocab("incidentKind", i.kind), title: i.title }),
        blocks: blocks(
          facts([
            fact(t("incident.occurredOn"), date(i.occurredOn, i.occurredOnPrecision)),
            fact(t("incident.place"), [ours(i, "place"), i.city].filter(Boolean).join(", ")),
            fact(t("incident.amount"), i.amount !== null ? `${i.amount} ${i.currency}`.trim() : ""),
            fact(t("incident.perpetrator"), i.perpetrator),
            fact(t("incident.groups"), i.groups.map((g) => g.group.name).join(", ")),
            scope.includePersonal ? fact(t("incident.people"), i.people.map((p) => p.person.fullName).join(", ")) : null,
          ]),
          text(t("incident.description"), ours(i, "description")),
        ),
        refs: refs(i.id),
      })),
    });
  }

  if (has("sources")) {
    const bySource = new Map<string, typeof citations>();
    for (const ci of citations) bySource.set(ci.sourceId, [...(bySource.get(ci.sourceId) ?? []), ci]);
    sections.push({
      id: "sources",
      title: t("section.sources"),
      empty: t("exhibit.none"),
      entries: [...bySource.values()].map((list) => {
        const s = list[0].source;
        return {
          heading: t("exhibit.heading", { n: exhibitNo.get(s.id)!, title: s.title }),
          blocks: blocks(
            facts([
              fact(t("exhibit.publisher"), s.publisher),
              s.publishedOn ? fact(t("exhibit.publishedOn"), date(s.publishedOn, s.publishedOnPrecision)) : null,
              fact(t("exhibit.url"), s.url),
            ]),
            ...list.map((ci) => {
              const record = t.has(`exhibit.record.${ci.recordType}`) ? t(`exhibit.record.${ci.recordType}`) : ci.recordType;
              return { type: "quote" as const, text: ci.quote, cite: t("exhibit.quoteAbout", { record }) };
            }),
          ),
        };
      }),
    });
  }

  if (has("standards")) sections.push(standardsSection(c, standards, locale, has("answers"), t));

  // ── attached documents: those of the records this copy shows, each a numbered exhibit
  const exhibits: DocumentExhibit[] = [];
  if (has("documents")) {
    const d = createTranslator({ locale, messages: loadMessages(locale), namespace: "documents" }) as unknown as Translate;
    const recordLabel = new Map<string, string>([[c.id, d("record.application")]]);
    for (const a of c.answers) recordLabel.set(a.id, d("record.answer", { date: date(a.receivedOn, a.receivedOnPrecision) }));
    for (const st of c.appealStages) {
      recordLabel.set(st.id, d("record.appealStage", { kind: vocab("appealKind", st.kind) }));
      for (const h of st.hearings) recordLabel.set(h.id, d("record.hearing", { date: date(h.heldOn, h.heldOnPrecision) }));
      if (st.ruling) recordLabel.set(st.ruling.id, d("record.ruling", { date: date(st.ruling.decidedOn, st.ruling.decidedOnPrecision) }));
    }
    for (const e of c.events) recordLabel.set(e.id, d("record.event", { kind: vocab("eventKind", e.kind) }));
    for (const i of c.incidents) recordLabel.set(i.id, d("record.incident", { title: i.title }));
    const included = (c.attachments ?? []).filter((a) => recordLabel.has(a.subjectId) && shown(a.subjectId));
    for (const a of included) exhibits.push({ n: exhibits.length + 1, label: d("exhibit", { n: exhibits.length + 1 }), id: a.id, title: a.title || a.fileName, fileName: a.fileName, mimeType: a.mimeType, storageKey: a.storageKey });
    sections.push({
      id: "documents",
      title: d("section"),
      intro: exhibits.length ? d("sectionIntro") : undefined,
      empty: d("none"),
      entries: included.map((a, i) => ({
        heading: `${exhibits[i].label}: ${exhibits[i].title}`,
        blocks: blocks(
          facts([
            fact(d("fields.kind"), d(`kinds.${a.kind}`)),
            a.documentDate ? fact(d("fields.documentDate"), date(a.documentDate)) : null,
            fact(d("fields.attachedTo"), recordLabel.get(a.subjectId)),
            fact(d("fields.file"), a.pageCount && a.mimeType === "application/pdf" ? d("fileWithPages", { name: a.fileName, pages: a.pageCount }) : a.fileName),
          ]),
        ),
        file: { id: a.id, open: d("open"), download: d("download") },
      })),
    });
  }

  const file: CaseFile = {
    locale,
    kind: t("title"),
    title: localized(c, "title", locale),
    prepared: t("generatedOn", { date: instant(now) }),
    notice: scope.includePersonal ? undefined : t("personalWithheld"),
    sections,
    exhibits,
  };
  return file;
}

function groundLabel(g: { code: string; labelEn: string; labelRu: string }, locale: Locale): string {
  return localized(g, "label", locale) || g.code;
}

function standardsSection(c: CaseFileSource, standards: readonly StandardText[], locale: Locale, withWords: boolean, t: Translate): Section {
  const title = (s: StandardText) => localized(s, "title", locale);
  const body = (s: StandardText) => localized(s, "body", locale);
  const codesOf = (s: StandardText) => s.groundCodes.split(",").map((x) => x.trim()).filter(Boolean);
  const sorted = [...standards].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const general = sorted.filter((s) => codesOf(s).length === 0);

  // Each distinct ground once, with every occasion the authority used it.
  const grounds = new Map<string, { label: string; articles: Set<string>; words: string[] }>();
  for (const a of c.answers)
    for (const g of a.grounds) {
      const entry = grounds.get(g.ground.code) ?? { label: groundLabel(g.ground, locale), articles: new Set<string>(), words: [] };
      const article = g.articleCited || a.articleCited || g.ground.article;
      if (article) entry.articles.add(article);
      const words = g.words || a.statedReason;
      if (words && !entry.words.includes(words)) entry.words.push(words);
      grounds.set(g.ground.code, entry);
    }

  const used = new Set<StandardText>(general);
  const entries: Entry[] = [];
  for (const [code, g] of grounds) {
    const answering = sorted.filter((s) => codesOf(s).includes(code));
    answering.forEach((s) => used.add(s));
    entries.push({
      heading: t("standards.ground", { ground: g.label }),
      blocks: blocks(
        facts([fact(t("standards.article"), [...g.articles].join("; "))]),
        ...(withWords ? g.words.map((w) => quote(t("standards.words"), w)) : []),
        answering.length || general.length ? { type: "list", label: t("standards.answeredBy"), items: [...answering, ...general].map(title) } : null,
      ),
    });
  }
  if (grounds.size === 0) entries.push({ blocks: blocks(text(undefined, t("standards.noGrounds")), general.length ? { type: "list", label: t("standards.general"), items: general.map(title) } : null) });
  for (const s of sorted.filter((x) => used.has(x))) entries.push({ heading: title(s), blocks: blocks(text(undefined, body(s))) });
  return { id: "standards", title: t("section.standards"), intro: t("standards.intro"), entries };
}

/** Kept here for the case file's callers; the rule itself lives in lib/data/visibility.ts. */
export { redactPersonal };
