import "server-only";
// Spreadsheet import, between its three steps: the upload is kept as an ImportBatch (random id,
// read only by the member who uploaded it, sealed like personal data, gone after two hours);
// the preview reads every row with the chosen columns and sorts them into new, duplicates and
// errors; confirming writes the good rows in one transaction, each logged as imported.
import crypto from "node:crypto";
import { db, type Tx } from "../db";
import { can, requireRole, type Actor } from "../auth/access";
import { AppError, NotFoundError } from "../errors";
import { open, seal } from "../crypto/fields";
import { loadMessages } from "../i18n/catalogue";
import { LOCALES } from "../i18n/config";
import { procedureFor, ASSEMBLY_FORMS, type AssemblyForm } from "../domain/vocabulary";
import { todayIn } from "../domain/dates";
import {
  IMPORT_FIELDS,
  IMPORT_OUTCOMES,
  MAX_IMPORT_BYTES,
  authorityKey,
  detectMapping,
  duplicateKeys,
  readRow,
  type ColumnMapping,
  type ImportField,
  type ImportLabels,
  type ImportOutcome,
  type ImportRecord,
  type RowProblem,
  type RowReading,
} from "../domain/import-values";
import { readSheet, SheetError, type Sheet } from "../import/read-sheet";
import { readExport, type ExportReading } from "../import/from-export";
import { ImportError } from "./import-data";
import { logChange } from "./audit";
import { listAuthorities } from "./authorities";
import { recomputeCase } from "./case-state";
import { indexOnce } from "./search-index";
import { loadClock, type Clock } from "./rules";

export const IMPORT_LIFETIME_MS = 2 * 60 * 60 * 1000;
export type ImportKind = "sheet" | "json";

/** An upload refused before anything is kept: a catalogue key under importer.errors. */
export class ImportRefusedError extends AppError {
  constructor(public readonly reason: string) {
    super("invalid", reason);
  }
}

const minRole = (kind: string) => (kind === "json" ? "admin" : "editor");

// ───────────────────────────── labels from the catalogue, in every language

let labelsCache: ImportLabels | null = null;
function importLabels(): ImportLabels {
  if (labelsCache && process.env.NODE_ENV === "production") return labelsCache;
  const form: ImportLabels["form"] = {};
  const outcome: ImportLabels["outcome"] = {};
  for (const locale of LOCALES) {
    const vocab = loadMessages(locale).vocab as { form: Record<string, string>; partOutcome: Record<string, string> };
    for (const f of ASSEMBLY_FORMS) (form[f] ??= []).push(vocab.form[f]);
    for (const o of IMPORT_OUTCOMES) {
      // "Approved / cleared": each half is a name too.
      const label = vocab.partOutcome[o];
      if (label) (outcome[o] ??= []).push(label, ...label.split("/").map((s) => s.trim()));
    }
  }
  labelsCache = { form, outcome };
  return labelsCache;
}

/** The fields' names in every language, as the template's headers say them. */
function headerLabels(): Partial<Record<ImportField, string[]>> {
  const out: Partial<Record<ImportField, string[]>> = {};
  for (const locale of LOCALES) {
    const field = (loadMessages(locale).importer as { field: Record<string, string> } | undefined)?.field ?? {};
    for (const f of IMPORT_FIELDS) if (field[f]) (out[f] ??= []).push(field[f]);
  }
  return out;
}

// ───────────────────────────── upload

interface StoredSheet {
  kind: "sheet";
  sheet: Sheet;
}
interface StoredJson {
  kind: "json";
  reading: ExportReading;
}
type Stored = StoredSheet | StoredJson;

function newId(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/** Reads the upload and keeps it for the preview; returns the batch's id. */
export async function createImportBatch(actor: Actor, input: { groupId: string; kind: ImportKind; fileName: string; bytes: Uint8Array }): Promise<string> {
  requireRole(actor, input.groupId, minRole(input.kind));
  if (input.bytes.byteLength === 0) throw new ImportRefusedError("no_file");
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportRefusedError("too_big");
  let stored: Stored;
  let rowCount: number;
  let mapping = "";
  if (input.kind === "sheet") {
    try {
      const sheet = await readSheet(input.fileName, input.bytes);
      stored = { kind: "sheet", sheet };
      rowCount = sheet.rows.length;
      mapping = JSON.stringify(detectMapping(sheet.header, headerLabels()));
    } catch (e) {
      if (e instanceof SheetError) throw new ImportRefusedError(e.code);
      throw e;
    }
  } else {
    let doc: unknown;
    try {
      doc = JSON.parse(new TextDecoder("utf-8").decode(input.bytes).replace(/^\uFEFF/, ""));
    } catch {
      throw new ImportRefusedError("not_json");
    }
    try {
      const reading = readExport(doc);
      if (reading.records.length === 0) throw new ImportRefusedError("empty");
      if (reading.records.length > 5000) throw new ImportRefusedError("too_many_rows");
      stored = { kind: "json", reading };
      rowCount = reading.records.length;
    } catch (e) {
      if (e instanceof ImportError) throw new ImportRefusedError("not_export");
      throw e;
    }
  }
  const now = new Date();
  // Uploads nobody confirmed or cancelled leave with the next one.
  await db.importBatch.deleteMany({ where: { expiresAt: { lt: now } } });
  const id = newId();
  await db.importBatch.create({
    data: {
      id,
      userId: actor.userId,
      groupId: input.groupId,
      kind: input.kind,
      fileName: input.fileName.slice(0, 200),
      data: seal(JSON.stringify(stored), "ImportBatch.data"),
      mapping,
      rowCount,
      expiresAt: new Date(now.getTime() + IMPORT_LIFETIME_MS),
    },
  });
  return id;
}

// ───────────────────────────── the batch, for its uploader only

async function batchFor(actor: Actor, id: string) {
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{10,64}$/.test(id)) throw new NotFoundError();
  const batch = await db.importBatch.findFirst({ where: { id, userId: actor.userId, expiresAt: { gt: new Date() } } });
  // Another member's upload, or one for a group the member has since left, does not exist for them.
  if (!batch || !can(actor, batch.groupId, "viewer")) throw new NotFoundError();
  requireRole(actor, batch.groupId, minRole(batch.kind));
  return { ...batch, stored: JSON.parse(open(batch.data, "ImportBatch.data")) as Stored };
}

function mappingOf(raw: string, header: string[]): ColumnMapping {
  const detected = detectMapping(header, headerLabels());
  if (!raw) return detected;
  try {
    const m = JSON.parse(raw) as Record<string, unknown>;
    for (const f of IMPORT_FIELDS) detected[f] = typeof m[f] === "number" && m[f] >= -1 && m[f] < header.length ? (m[f] as number) : -1;
  } catch {
    /* keep the detected mapping */
  }
  return detected;
}

// ───────────────────────────── preview

export type RowStatus = "new" | "duplicate" | "error";

export interface PreviewRow {
  row: number;
  status: RowStatus;
  title: string;
  record: ImportRecord | null;
  cells: RowReading["cells"];
  problems: RowProblem[];
  /** The row above it in the file, or the stored application, it repeats. */
  duplicateOf?: { row?: number; applicationId?: string; title?: string };
  /** The authority: one already known, or one the import will add. */
  authority?: { name: string; known: boolean };
}

export interface ImportPreview {
  id: string;
  kind: ImportKind;
  fileName: string;
  groupId: string;
  groupName: string;
  header: string[];
  mapping: ColumnMapping | null;
  rows: PreviewRow[];
  counts: Record<RowStatus, number>;
  left: ExportReading["left"] | null;
  expiresAt: Date;
}

async function knownAuthorities(actor: Actor): Promise<Map<string, string>> {
  const list = await listAuthorities(actor);
  const out = new Map<string, string>();
  for (const a of list) for (const n of [a.name, a.nameRu, a.nameKk]) if (n && !out.has(`${authorityKey(n)}|${a.city}`)) out.set(`${authorityKey(n)}|${a.city}`, a.id);
  for (const a of list) for (const n of [a.name, a.nameRu, a.nameKk]) if (n && !out.has(authorityKey(n))) out.set(authorityKey(n), a.id);
  return out;
}

function authorityIdFor(known: Map<string, string>, r: ImportRecord): string | null {
  if (!r.authorityName) return null;
  return known.get(`${authorityKey(r.authorityName)}|${r.authorityCity}`) ?? known.get(authorityKey(r.authorityName)) ?? null;
}

async function classify(actor: Actor, groupId: string, readings: { row: number; record: ImportRecord | null; problems: RowProblem[]; cells: RowReading["cells"]; title: string }[]): Promise<PreviewRow[]> {
  const known = await knownAuthorities(actor);
  const dates = [...new Set(readings.map((r) => r.record?.filedOn).filter((d): d is string => Boolean(d)))];
  const existing = new Map<string, { applicationId: string; title: string }>();
  for (let i = 0; i < dates.length; i += 500) {
    const apps = await db.application.findMany({
      where: { groupId, filedOn: { in: dates.slice(i, i + 500) } },
      select: { id: true, title: true, filedOn: true, authorityId: true, parts: { select: { form: true } } },
    });
    for (const a of apps) for (const k of duplicateKeys(a.authorityId ? `id:${a.authorityId}` : "none", a.filedOn, a.parts.map((p) => p.form))) if (!existing.has(k)) existing.set(k, { applicationId: a.id, title: a.title });
  }
  const seen = new Map<string, number>();
  return readings.map((r) => {
    const base = { row: r.row, title: r.record?.title ?? r.title, record: r.record, cells: r.cells, problems: r.problems };
    if (!r.record) return { ...base, status: "error" as const };
    const authorityId = authorityIdFor(known, r.record);
    const akey = authorityId ? `id:${authorityId}` : r.record.authorityName ? `new:${authorityKey(r.record.authorityName)}` : "none";
    const authority = r.record.authorityName ? { name: r.record.authorityName, known: Boolean(authorityId) } : undefined;
    const keys = duplicateKeys(akey, r.record.filedOn, r.record.parts.map((p) => p.form));
    const stored = keys.map((k) => existing.get(k)).find(Boolean);
    const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    for (const k of keys) if (!seen.has(k)) seen.set(k, r.row);
    if (stored) return { ...base, status: "duplicate" as const, duplicateOf: stored, authority };
    if (earlier !== undefined) return { ...base, status: "duplicate" as const, duplicateOf: { row: earlier }, authority };
    return { ...base, status: "new" as const, authority };
  });
}

/** Every row read with the chosen columns (or the export's records), sorted into new, duplicates and errors. */
export async function previewImport(actor: Actor, id: string): Promise<ImportPreview> {
  const batch = await batchFor(actor, id);
  const group = await db.group.findUniqueOrThrow({ where: { id: batch.groupId }, select: { name: true } });
  let rows: PreviewRow[];
  let mapping: ColumnMapping | null = null;
  let header: string[] = [];
  if (batch.stored.kind === "sheet") {
    const sheet = batch.stored.sheet;
    header = sheet.header;
    const m = mappingOf(batch.mapping, header);
    mapping = m;
    const labels = importLabels();
    const readings = sheet.rows
      .map((cells, i) => readRow(cells, i + 2, m, labels))
      .filter((r): r is RowReading => r !== null)
      .map((r) => ({ ...r, title: r.record?.title ?? (m.title >= 0 ? String(sheet.rows[r.row - 2][m.title] ?? "") : "") }));
    rows = await classify(actor, batch.groupId, readings);
  } else {
    rows = await classify(actor, batch.groupId, batch.stored.reading.records.map((r) => ({ ...r, cells: [] })));
  }
  const counts = { new: 0, duplicate: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    id: batch.id,
    kind: batch.kind as ImportKind,
    fileName: batch.fileName,
    groupId: batch.groupId,
    groupName: group.name,
    header,
    mapping,
    rows,
    counts,
    left: batch.stored.kind === "json" ? batch.stored.reading.left : null,
    expiresAt: batch.expiresAt,
  };
}

export async function saveImportMapping(actor: Actor, id: string, mapping: Partial<Record<string, number>>): Promise<void> {
  const batch = await batchFor(actor, id);
  if (batch.stored.kind !== "sheet") throw new NotFoundError();
  const width = batch.stored.sheet.header.length;
  const clean = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, Number.isInteger(mapping[f]) && mapping[f]! >= 0 && mapping[f]! < width ? mapping[f]! : -1]));
  await db.importBatch.update({ where: { id: batch.id }, data: { mapping: JSON.stringify(clean) } });
}

export async function cancelImport(actor: Actor, id: string): Promise<void> {
  const batch = await batchFor(actor, id);
  await db.importBatch.delete({ where: { id: batch.id } });
}

// ───────────────────────────── confirm

export interface CommitOptions {
  skipErrors: boolean;
  includeDuplicates: boolean;
}

/** Writes the good rows in one transaction; returns how many applications were added. */
export async function commitImport(actor: Actor, id: string, opts: CommitOptions): Promise<{ imported: number; groupId: string }> {
  const preview = await previewImport(actor, id);
  if (preview.counts.error > 0 && !opts.skipErrors) throw new ImportRefusedError("has_errors");
  const chosen = preview.rows.filter((r) => r.status === "new" || (opts.includeDuplicates && r.status === "duplicate")).map((r) => r.record!);
  if (chosen.length === 0) throw new ImportRefusedError("nothing_to_import");
  const groupId = preview.groupId;
  const fileName = preview.fileName;
  const known = await knownAuthorities(actor);
  const group = await db.group.findUniqueOrThrow({ where: { id: groupId }, select: { timeZone: true } });
  const today = todayIn(group.timeZone);
  await db.$transaction(
    async (tx) => {
      // Someone confirmed it in another tab: the batch is gone, and nothing is written twice.
      const gone = await tx.importBatch.deleteMany({ where: { id: preview.id, userId: actor.userId } });
      if (gone.count !== 1) throw new NotFoundError();
      const authorities = new Map<string, string | null>();
      const people = new Map<string, string>();
      const grounds = new Map((await tx.refusalGround.findMany({ select: { id: true, code: true } })).map((g) => [g.code, g.id]));
      const clock = await loadClock(tx);
      // Each imported case is indexed for search once, after its rows are written (not per logged row).
      await indexOnce(tx, async () => {
        for (const r of chosen) await writeRecord(tx, actor, groupId, r, { known, authorities, people, grounds, today, fileName, clock });
      });
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { imported: chosen.length, groupId };
}

interface WriteContext {
  known: Map<string, string>;
  authorities: Map<string, string | null>;
  people: Map<string, string>;
  grounds: Map<string, string>;
  today: string;
  fileName: string;
  clock: Clock;
}

async function authorityFor(tx: Tx, actor: Actor, groupId: string, r: ImportRecord, ctx: WriteContext): Promise<string | null> {
  if (!r.authorityName.trim()) return null;
  const found = authorityIdFor(ctx.known, r);
  if (found) return found;
  const name = r.authorityName.trim();
  const city = (r.authorityCity || r.city).trim();
  const key = `${authorityKey(name)}|${city}`;
  if (ctx.authorities.has(key)) return ctx.authorities.get(key)!;
  // The same name and city typed by another group is the same authority (as resolveAuthority does).
  const existing = await tx.authority.findUnique({ where: { name_city: { name, city } } });
  let authorityId = existing?.id ?? null;
  if (!existing) {
    const created = await tx.authority.create({ data: { name, kind: r.authorityKind || "akimat", city } });
    await logChange(tx, actor, { entity: "Authority", entityId: created.id, groupId, action: "create", after: created });
    authorityId = created.id;
  }
  ctx.authorities.set(key, authorityId);
  return authorityId;
}

async function writeRecord(tx: Tx, actor: Actor, groupId: string, r: ImportRecord, ctx: WriteContext): Promise<void> {
  const authorityId = await authorityFor(tx, actor, groupId, r, ctx);
  const app = await tx.application.create({
    data: {
      groupId,
      // Imported records are private until the group publishes them one by one.
      isPublic: false,
      title: r.title,
      titleRu: r.titleRu,
      titleKk: r.titleKk,
      procedure: procedureFor(r.parts.map((p) => p.form as AssemblyForm)),
      authorityId,
      city: r.city,
      purpose: r.purpose,
      filedOn: r.filedOn,
      filedOnPrecision: r.filedOn ? r.filedOnPrecision : "unknown",
      registrationNumber: r.registrationNumber,
      notes: r.notes,
      publicNote: r.publicNote,
      requestCount: 1,
      createdById: actor.userId,
    },
  });
  const ref = { caseId: app.id, groupId };
  await tx.applicationGroup.create({ data: { applicationId: app.id, groupId, status: "accepted", requestedById: actor.userId } });
  await logChange(tx, actor, { entity: "Application", entityId: app.id, ...ref, action: "import", after: { ...app, organizerIds: groupId, importedFrom: ctx.fileName, importedRow: r.row } });
  const partIds: string[] = [];
  for (const [i, p] of r.parts.entries()) {
    const part = await tx.part.create({
      data: {
        applicationId: app.id,
        position: i,
        form: p.form,
        place: p.place,
        route: p.route,
        eventDate: p.eventDate,
        eventDatePrecision: p.eventDate ? p.eventDatePrecision : "unknown",
        startTime: p.startTime,
        endTime: p.endTime,
        expectedParticipants: p.expectedParticipants,
      },
    });
    partIds.push(part.id);
    await logChange(tx, actor, { entity: "Part", entityId: part.id, ...ref, action: "create", after: part });
  }
  const linked = new Set<string>();
  for (const a of r.applicants) {
    // The same name in one import is one person; an IIN, when the export has one, decides across it.
    const key = a.idNumber ? `iin:${a.idNumber}` : `name:${a.fullName}`;
    let personId = ctx.people.get(key);
    if (!personId) {
      const person = await tx.person.create({ data: { groupId, isPublic: false, fullName: a.fullName, idNumber: a.idNumber, address: a.address, phone: a.phone } });
      await logChange(tx, actor, { entity: "Person", entityId: person.id, ...ref, action: "create", after: person });
      personId = person.id;
      ctx.people.set(key, personId);
    }
    if (linked.has(personId)) continue;
    linked.add(personId);
    const applicant = await tx.applicant.create({ data: { applicationId: app.id, personId } });
    await logChange(tx, actor, { entity: "Applicant", entityId: applicant.id, ...ref, action: "create", after: applicant });
  }
  for (const a of r.answers) {
    const outcomes = a.outcomes.map((o) => o.outcome);
    const overall: ImportOutcome | "mixed" = new Set(outcomes).size === 1 ? outcomes[0] : "mixed";
    const answer = await tx.answer.create({
      data: {
        applicationId: app.id,
        receivedOn: a.receivedOn,
        receivedOnPrecision: a.receivedOn ? a.receivedOnPrecision : "unknown",
        statedReason: a.statedReason,
        referenceNumber: a.referenceNumber,
        outcome: overall,
      },
    });
    await logChange(tx, actor, { entity: "Answer", entityId: answer.id, ...ref, action: "create", after: answer });
    for (const o of a.outcomes) {
      const row = await tx.partOutcome.create({ data: { answerId: answer.id, partId: partIds[o.part], outcome: o.outcome, limits: o.limits, alternative: o.alternative } });
      await logChange(tx, actor, { entity: "PartOutcome", entityId: row.id, ...ref, action: "create", after: row });
    }
    for (const code of new Set(a.groundCodes)) {
      const groundId = ctx.grounds.get(code);
      if (!groundId) continue;
      const row = await tx.groundCited.create({ data: { answerId: answer.id, groundId } });
      await logChange(tx, actor, { entity: "GroundCited", entityId: row.id, ...ref, action: "create", after: { ...row, code } });
    }
  }
  await recomputeCase(tx, app.id, ctx.today, ctx.clock);
}
