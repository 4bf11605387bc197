// Keeps the full-text search index (SearchDoc, and on SQLite the FTS5 table SearchDocFts) in
// step with the records. Why from logChange and not from database triggers: SQLite's index
// holds words stemmed in JavaScript (lib/domain/search-terms.ts), which no trigger can do,
// and every write of this project already logs its change in the same transaction — so one
// call there (lib/data/audit.ts) rebuilds the documents of the record that changed, inside
// that transaction, for every writer present and future. Writes that log nothing (the OCR
// worker, the history loader) call reindex… or rebuildSearchIndex themselves.
//
// What goes in: the text a reader of the record may see (title, body) and the group's notes
// (notes, searched for members only). Never a person's personal data (names, IINs, addresses
// are sealed or private: lib/crypto, lib/data/visibility.ts); where a title names someone, the
// search drops another group's record whose private person matches (lib/data/search.ts).
// No "server-only": scripts/setup.ts backfills the index with it.
import type { Db, Tx } from "../db-client";
import { databaseUrl, isPostgresUrl } from "../db-url";
import { loadMessages } from "../i18n/catalogue";
import { LOCALES } from "../i18n/config";
import { indexText } from "../domain/search-terms";
import { Prisma } from "../generated/sqlite/client";

export const SEARCH_KINDS = ["application", "answer", "appealStage", "hearing", "event", "incident", "source", "attachment"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

// A document's text is capped: a 300-page scan's text is searchable by its first pages.
const MAX_TEXT = 60_000;

interface Doc {
  entity: SearchKind;
  entityId: string;
  groupId: string;
  applicationId: string | null;
  incidentId: string | null;
  isPublic: boolean;
  year: number | null;
  title: string;
  body: string;
  notes: string;
}

const join = (...parts: (string | null | undefined)[]) => [...new Set(parts.map((p) => (p ?? "").trim()).filter(Boolean))].join("\n").slice(0, MAX_TEXT);
const yearOf = (...dates: (string | null | undefined)[]) => {
  for (const d of dates) if (d && /^\d{4}/.test(d)) return Number(d.slice(0, 4));
  return null;
};

/** A code's label in every language (forms, outcomes, kinds): «шествие» finds a march. */
function labels(section: string, code: string | null | undefined): string[] {
  if (!code) return [];
  return LOCALES.map((l) => {
    const vocab = loadMessages(l).vocab as Record<string, Record<string, string> | undefined> | undefined;
    return vocab?.[section]?.[code] ?? "";
  });
}

const caseInclude = {
  authority: { select: { name: true, nameRu: true, nameKk: true, city: true } },
  parts: { select: { form: true, place: true, placeRu: true, placeKk: true, route: true, routeRu: true, routeKk: true, eventDate: true, outcome: true } },
  answers: {
    include: {
      grounds: { select: { words: true, articleCited: true, ground: { select: { labelEn: true, labelRu: true, labelKk: true } } } },
      evidence: { select: { description: true, descriptionRu: true, descriptionKk: true } },
      partOutcomes: { select: { outcome: true } },
    },
  },
  appealStages: { include: { hearings: true, ruling: true } },
  events: true,
  attachments: { where: { deletedAt: null } },
} as const;

type CaseRow = NonNullable<Awaited<ReturnType<typeof loadCase>>>;
function loadCase(tx: Tx, id: string) {
  return tx.application.findUnique({ where: { id }, include: caseInclude });
}

function caseDocs(app: CaseRow): Doc[] {
  const base = { groupId: app.groupId, applicationId: app.id, incidentId: null, isPublic: app.isPublic };
  const appYear = yearOf(app.filedOn, ...app.parts.map((p) => p.eventDate));
  const docs: Doc[] = [
    {
      ...base,
      entity: "application",
      entityId: app.id,
      year: appYear,
      title: join(app.title, app.titleRu, app.titleKk),
      body: join(
        app.purpose, app.purposeRu, app.purposeKk, app.city, app.publicNote, app.registrationNumber,
        app.authority?.name, app.authority?.nameRu, app.authority?.nameKk, app.authority?.city,
        ...app.parts.flatMap((p) => [p.place, p.placeRu, p.placeKk, p.route, p.routeRu, p.routeKk, ...labels("form", p.form)]),
        // How the authority answered, from the answers themselves (the case's derived outcome
        // is recomputed after the change is logged).
        ...new Set(app.answers.flatMap((a) => a.partOutcomes.flatMap((o) => labels("partOutcome", o.outcome)))),
        // The years, so that «шествие отказ 2023» finds the refusal of 2023.
        app.filedOn?.slice(0, 4), ...app.parts.map((p) => p.eventDate?.slice(0, 4)),
      ),
      notes: join(app.notes, app.notesRu, app.notesKk),
    },
  ];
  for (const a of app.answers) {
    docs.push({
      ...base,
      entity: "answer",
      entityId: a.id,
      year: yearOf(a.receivedOn) ?? appYear,
      title: "",
      body: join(
        a.statedReason, a.articleCited, a.alternativeDetails, a.referenceNumber, a.conflictingBookingHolder, a.conflictingBookingHolderRu, a.conflictingBookingHolderKk,
        ...a.grounds.flatMap((g) => [g.words, g.articleCited, g.ground.labelEn, g.ground.labelRu, g.ground.labelKk]),
        ...a.evidence.flatMap((e) => [e.description, e.descriptionRu, e.descriptionKk]),
        ...new Set(a.partOutcomes.flatMap((o) => labels("partOutcome", o.outcome))), a.receivedOn?.slice(0, 4),
      ),
      notes: join(a.notes, a.notesRu, a.notesKk),
    });
  }
  for (const s of app.appealStages) {
    docs.push({
      ...base,
      entity: "appealStage",
      entityId: s.id,
      year: yearOf(s.filedOn, s.ruling?.decidedOn) ?? appYear,
      title: "",
      body: join(
        ...labels("appealKind", s.kind), s.bodyName, s.caseNumber, s.authorityArguments, s.authorityArgumentsRu, s.authorityArgumentsKk,
        ...(s.ruling ? [...labels("rulingOutcome", s.ruling.outcome), s.ruling.summary, s.ruling.summaryRu, s.ruling.summaryKk, s.ruling.text] : []),
        s.filedOn?.slice(0, 4),
      ),
      notes: join(s.notes, s.notesRu, s.notesKk),
    });
    for (const h of s.hearings) {
      docs.push({
        ...base,
        entity: "hearing",
        entityId: h.id,
        year: yearOf(h.heldOn) ?? appYear,
        title: "",
        body: join(h.authorityArguments, h.authorityArgumentsRu, h.authorityArgumentsKk, h.applicantArguments, h.heldOn?.slice(0, 4)),
        notes: join(h.notes),
      });
    }
  }
  for (const e of app.events) {
    docs.push({
      ...base,
      entity: "event",
      entityId: e.id,
      year: yearOf(e.occurredOn) ?? appYear,
      title: "",
      body: join(...labels("eventKind", e.kind), e.description, e.descriptionRu, e.descriptionKk, e.statedReason, e.occurredOn?.slice(0, 4)),
      notes: "",
    });
  }
  for (const f of app.attachments) {
    const d = attachmentDoc(f, app.isPublic);
    if (d) docs.push({ ...d, year: d.year ?? appYear });
  }
  return docs;
}

type AttachmentRow = { id: string; groupId: string; applicationId: string | null; subjectType: string; subjectId: string; title: string; fileName: string; documentDate: string | null; isPublic: boolean; ocrStatus: string; ocrText: string; deletedAt: Date | null };

/** A file is found by its title and its recognised text; by others only when it and its record are published. */
function attachmentDoc(f: AttachmentRow, recordPublic: boolean): Doc | null {
  if (f.deletedAt) return null;
  return {
    entity: "attachment",
    entityId: f.id,
    groupId: f.groupId,
    applicationId: f.applicationId,
    incidentId: f.subjectType === "incident" ? f.subjectId : null,
    isPublic: f.isPublic && recordPublic,
    year: yearOf(f.documentDate),
    title: join(f.title || f.fileName),
    body: f.ocrStatus === "done" ? f.ocrText.slice(0, MAX_TEXT) : "",
    notes: "",
  };
}

async function write(tx: Tx, docs: Doc[]): Promise<void> {
  if (!docs.length) return;
  const rows = await tx.searchDoc.createManyAndReturn({ data: docs, select: { id: true, entity: true, entityId: true } });
  if (isPostgresUrl(databaseUrl())) return;
  // SQLite: the stemmed words, one FTS5 row per document (rowid = its id).
  const idOf = new Map(rows.map((r) => [`${r.entity}:${r.entityId}`, r.id]));
  const values = docs.map((d) => Prisma.sql`(${idOf.get(`${d.entity}:${d.entityId}`)}, ${indexText(d.title)}, ${indexText(d.body)}, ${indexText(d.notes)})`);
  await tx.$executeRaw`INSERT INTO "SearchDocFts" (rowid, "title", "body", "notes") VALUES ${Prisma.join(values)}`;
}

/** The documents of a case (the application, its answers, appeals, hearings, events and files), rebuilt. */
export async function reindexCase(tx: Tx, applicationId: string): Promise<void> {
  await tx.searchDoc.deleteMany({ where: { applicationId } });
  const app = await loadCase(tx, applicationId);
  if (app) await write(tx, caseDocs(app));
}

export async function reindexIncident(tx: Tx, id: string): Promise<void> {
  await tx.searchDoc.deleteMany({ where: { OR: [{ entity: "incident", entityId: id }, { entity: "attachment", incidentId: id, applicationId: null }] } });
  const i = await tx.incident.findUnique({ where: { id } });
  if (!i) return;
  const docs: Doc[] = [
    {
      entity: "incident",
      entityId: i.id,
      groupId: i.groupId,
      applicationId: null,
      incidentId: i.id,
      isPublic: i.isPublic,
      year: yearOf(i.occurredOn),
      title: join(i.title, i.titleRu, i.titleKk),
      body: join(...labels("incidentKind", i.kind), i.description, i.descriptionRu, i.descriptionKk, i.city, i.place, i.placeRu, i.placeKk, i.perpetrator, i.occurredOn?.slice(0, 4)),
      notes: "",
    },
  ];
  const files = await tx.attachment.findMany({ where: { subjectType: "incident", subjectId: id, applicationId: null, deletedAt: null } });
  for (const f of files) {
    const d = attachmentDoc(f, i.isPublic);
    if (d) docs.push({ ...d, year: d.year ?? yearOf(i.occurredOn) });
  }
  await write(tx, docs);
}

export async function reindexSource(tx: Tx, id: string): Promise<void> {
  await tx.searchDoc.deleteMany({ where: { entity: "source", entityId: id } });
  const s = await tx.source.findUnique({ where: { id } });
  if (!s) return;
  await write(tx, [
    {
      entity: "source",
      entityId: s.id,
      groupId: s.groupId,
      applicationId: null,
      incidentId: null,
      isPublic: s.isPublic,
      year: yearOf(s.publishedOn),
      title: join(s.title, s.titleRu, s.titleKk),
      body: join(s.publisher, s.text),
      notes: "",
    },
  ]);
}

/** A file changed (uploaded, published, deleted, read by OCR): the record it belongs to is rebuilt. */
export async function reindexAttachment(tx: Tx, id: string): Promise<void> {
  const f = await tx.attachment.findUnique({ where: { id }, select: { applicationId: true, subjectType: true, subjectId: true } });
  if (!f) {
    await tx.searchDoc.deleteMany({ where: { entity: "attachment", entityId: id } });
    return;
  }
  if (f.applicationId) await reindexCase(tx, f.applicationId);
  else if (f.subjectType === "incident") await reindexIncident(tx, f.subjectId);
}

// The change log's entities whose text is in a case's documents.
const CASE_ENTITIES = new Set(["Application", "Part", "PartOutcome", "Answer", "GroundCited", "Evidence", "AppealStage", "Hearing", "Ruling", "Event", "Attachment"]);

/** Called by logChange for every change, in its transaction. */
export async function reindexForChange(tx: Tx, c: { entity: string; entityId: string; caseId?: string | null }): Promise<void> {
  if (c.entity === "Incident") return reindexIncident(tx, c.entityId);
  if (c.entity === "Source") return reindexSource(tx, c.entityId);
  if (c.entity === "Attachment" && !c.caseId) return reindexAttachment(tx, c.entityId);
  if (c.caseId && CASE_ENTITIES.has(c.entity)) {
    const pending = batched.get(tx);
    if (pending) pending.add(c.caseId);
    else await reindexCase(tx, c.caseId);
  }
}

/** The cases a batch of writes in one transaction touched, indexed once each at its end (indexOnce). */
const batched = new WeakMap<object, Set<string>>();

/**
 * Runs `work` (many writes to the same cases, in `tx`: an import writes an application, its
 * parts, applicants and answer, each logged) and indexes each case it touched once, at the
 * end, still in the same transaction — not once per logged write.
 */
export async function indexOnce<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  if (batched.has(tx)) return work();
  const pending = new Set<string>();
  batched.set(tx, pending);
  try {
    const out = await work();
    batched.delete(tx);
    for (const id of pending) await reindexCase(tx, id);
    return out;
  } finally {
    batched.delete(tx);
  }
}

/** Every document of a group, rebuilt (after an erasure scrubbed the group's texts). */
export async function reindexGroup(tx: Tx, groupId: string): Promise<void> {
  const [apps, incidents, sources] = await Promise.all([
    tx.application.findMany({ where: { groupId }, select: { id: true } }),
    tx.incident.findMany({ where: { groupId }, select: { id: true } }),
    tx.source.findMany({ where: { groupId }, select: { id: true } }),
  ]);
  for (const a of apps) await reindexCase(tx, a.id);
  for (const i of incidents) await reindexIncident(tx, i.id);
  for (const s of sources) await reindexSource(tx, s.id);
}

/**
 * The whole index, rebuilt from the records (setup, after loading the documented history and
 * after an import): repeatable, one transaction per batch of records.
 */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  const batch = 50;
  const [apps, incidents, sources] = await Promise.all([
    db.application.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    db.incident.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    db.source.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  const jobs: ((tx: Tx) => Promise<void>)[] = [
    // Documents of records that are gone (an application's go with it: a cascade).
    async (tx) => {
      await tx.searchDoc.deleteMany({ where: { entity: "incident", entityId: { notIn: incidents.map((i) => i.id) } } });
      await tx.searchDoc.deleteMany({ where: { entity: "source", entityId: { notIn: sources.map((s) => s.id) } } });
    },
    ...apps.map((a) => (tx: Tx) => reindexCase(tx, a.id)),
    ...incidents.map((i) => (tx: Tx) => reindexIncident(tx, i.id)),
    ...sources.map((s) => (tx: Tx) => reindexSource(tx, s.id)),
  ];
  for (let i = 0; i < jobs.length; i += batch) {
    const slice = jobs.slice(i, i + batch);
    await db.$transaction(async (tx) => {
      for (const job of slice) await job(tx);
    }, { timeout: 120_000 });
  }
  return apps.length + incidents.length + sources.length;
}
