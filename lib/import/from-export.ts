// A JSON export of this tracker (lib/data/export.ts) read as records to import into a member's
// group: each application with its parts, applicants (people with their personal fields) and
// answers (outcomes per part, the stated reason, grounds by code). New ids are made on import;
// appeals, events and incidents are not carried over (the page says so, with their counts).
import { parseExportDocument } from "../data/import-data";
import { ASSEMBLY_FORMS, DATE_PRECISIONS, PART_OUTCOMES, isOneOf, type DatePrecision } from "../domain/vocabulary";
import type { ImportAnswer, ImportRecord, RowProblem } from "../domain/import-values";

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const prec = (v: unknown): DatePrecision => (isOneOf(DATE_PRECISIONS, v) ? v : "unknown");
const date = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export interface ExportReading {
  records: { record: ImportRecord | null; problems: RowProblem[]; row: number; title: string }[];
  /** What the document holds that is not imported. */
  left: { appealStages: number; events: number; incidents: number };
}

export function readExport(input: unknown): ExportReading {
  const doc = parseExportDocument(input);
  const e = doc.entities;
  const byId = (rows: Row[]) => new Map(rows.map((r) => [str(r.id), r]));
  const authorities = byId(e.authorities);
  const people = byId(e.people);
  const grounds = byId(e.refusalGrounds);
  const partsOf = new Map<string, Row[]>();
  for (const p of e.parts) (partsOf.get(str(p.applicationId)) ?? partsOf.set(str(p.applicationId), []).get(str(p.applicationId))!).push(p);
  const answersOf = new Map<string, Row[]>();
  for (const a of e.answers) (answersOf.get(str(a.applicationId)) ?? answersOf.set(str(a.applicationId), []).get(str(a.applicationId))!).push(a);
  const outcomesOf = new Map<string, Row[]>();
  for (const o of e.partOutcomes) (outcomesOf.get(str(o.answerId)) ?? outcomesOf.set(str(o.answerId), []).get(str(o.answerId))!).push(o);
  const groundsOf = new Map<string, string[]>();
  for (const g of e.groundsCited) {
    const code = str(grounds.get(str(g.groundId))?.code);
    if (code) (groundsOf.get(str(g.answerId)) ?? groundsOf.set(str(g.answerId), []).get(str(g.answerId))!).push(code);
  }
  const applicantsOf = new Map<string, Row[]>();
  for (const a of e.applicants) (applicantsOf.get(str(a.applicationId)) ?? applicantsOf.set(str(a.applicationId), []).get(str(a.applicationId))!).push(a);

  const records = e.applications.map((app, i) => {
    const row = i + 1;
    const problems: RowProblem[] = [];
    const parts = (partsOf.get(str(app.id)) ?? []).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
    const partIndex = new Map(parts.map((p, j) => [str(p.id), j]));
    if (!parts.length) problems.push({ key: "form_missing", field: "form" });
    for (const p of parts) if (!isOneOf(ASSEMBLY_FORMS, p.form)) problems.push({ key: "form_unknown", field: "form", value: str(p.form) });
    const title = str(app.title).trim();
    if (!title) problems.push({ key: "title_missing", field: "title" });
    if (title.length > 300) problems.push({ key: "too_long", field: "title" });
    const authority = authorities.get(str(app.authorityId));
    const answers: ImportAnswer[] = (answersOf.get(str(app.id)) ?? []).map((a) => ({
      receivedOn: date(a.receivedOn),
      receivedOnPrecision: date(a.receivedOn) ? prec(a.receivedOnPrecision) : "unknown",
      statedReason: str(a.statedReason),
      referenceNumber: str(a.referenceNumber),
      outcomes: (outcomesOf.get(str(a.id)) ?? [])
        .filter((o) => partIndex.has(str(o.partId)) && isOneOf(PART_OUTCOMES, o.outcome))
        .map((o) => ({ part: partIndex.get(str(o.partId))!, outcome: o.outcome as ImportAnswer["outcomes"][number]["outcome"], limits: str(o.limits), alternative: str(o.alternative) })),
      groundCodes: groundsOf.get(str(a.id)) ?? [],
    }));
    const record: ImportRecord | null = problems.length
      ? null
      : {
          row,
          title,
          titleRu: str(app.titleRu),
          titleKk: str(app.titleKk),
          filedOn: date(app.filedOn),
          filedOnPrecision: date(app.filedOn) ? prec(app.filedOnPrecision) : "unknown",
          authorityName: str(authority?.name),
          authorityCity: str(authority?.city),
          authorityKind: str(authority?.kind) || "akimat",
          city: str(app.city),
          purpose: str(app.purpose),
          registrationNumber: str(app.registrationNumber),
          notes: str(app.notes),
          publicNote: str(app.publicNote),
          parts: parts.map((p) => ({
            form: p.form as ImportRecord["parts"][number]["form"],
            place: str(p.place),
            route: str(p.route),
            eventDate: date(p.eventDate),
            eventDatePrecision: date(p.eventDate) ? prec(p.eventDatePrecision) : "unknown",
            startTime: str(p.startTime),
            endTime: str(p.endTime),
            expectedParticipants: typeof p.expectedParticipants === "number" ? p.expectedParticipants : null,
          })),
          applicants: (applicantsOf.get(str(app.id)) ?? [])
            .map((a) => people.get(str(a.personId)))
            .filter((p): p is Row => Boolean(p) && !p!.erasedAt)
            .map((p) => ({ fullName: str(p.fullName), idNumber: str(p.idNumber), address: str(p.address), phone: str(p.phone) }))
            .filter((p) => p.fullName),
          answers: answers.filter((a) => a.outcomes.length),
        };
    return { record, problems, row, title };
  });
  return { records, left: { appealStages: e.appealStages.length, events: e.events.length, incidents: e.incidents.length } };
}
