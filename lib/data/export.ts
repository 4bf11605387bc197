// Every record as one JSON document (or one CSV table per entity), for archiving, moving to
// another server, or a group taking its own data with it. No "server-only" marker: the
// export/import scripts use it with their own client.
//
// Not exported: password hashes, two-factor secrets and recovery codes, API tokens, invitations and share links — they are
// credentials, not records. Users are exported with name, email, language and reminder days
// only. Nor the job queue (model Job): operational state, including which reminders went out; a
// restored server sends none whose day has passed (the scan looks at today only), but may send
// again one due on the day of the restore.
import { z } from "zod";
import type { Db, Tx } from "../db-client";
import { authoritiesUsedBy } from "./scope";
import { toCsv, toCsvRows, type CsvCell } from "../csv";

export const EXPORT_FORMAT = "assembly-permit-tracker";
export const EXPORT_VERSION = 1;

type Client = Db | Tx;
type Row = Record<string, unknown>;

/**
 * The exported entities in an order that satisfies foreign keys on import. `columns` are
 * the fields a record carries (the CSV header even when a table is empty); `key` orders the
 * rows so that two exports of the same data are byte-identical.
 */
export const ENTITIES = [
  { name: "users", model: "user", key: ["id"], columns: ["id", "email", "name", "locale", "isOperator", "reminderOffsets", "reminderChannels", "weeklyDigest", "createdAt"] },
  { name: "groups", model: "group", key: ["id"], columns: ["id", "slug", "name", "description", "city", "requireTwoFactor", "timeZone", "createdAt", "encryptNames"] },
  { name: "memberships", model: "membership", key: ["id"], columns: ["id", "userId", "groupId", "role", "createdAt"] },
  { name: "authorities", model: "authority", key: ["id"], columns: ["id", "name", "nameRu", "nameKk", "kind", "city", "country", "createdAt"] },
  {
    name: "people",
    model: "person",
    key: ["id"],
    columns: ["id", "groupId", "isPublic", "fullName", "altNames", "roleTitle", "roleTitleRu", "roleTitleKk", "idNumber", "address", "phone", "erasedAt", "notes", "version", "createdAt", "updatedAt"],
  },
  { name: "refusalGrounds", model: "refusalGround", key: ["id"], columns: ["id", "code", "labelEn", "labelRu", "labelKk", "article", "sortOrder", "active"] },
  { name: "deadlineRules", model: "deadlineRule", key: ["id"], columns: ["id", "code", "labelEn", "labelRu", "labelKk", "unit", "amount", "direction", "countsFrom", "legalBasis", "legalBasisRu", "legalBasisKk", "active", "updatedAt"] },
  { name: "holidays", model: "holiday", key: ["id"], columns: ["id", "date", "country", "kind", "name", "nameRu", "nameKk"] },
  { name: "legalStandards", model: "legalStandard", key: ["id"], columns: ["id", "code", "titleEn", "titleRu", "titleKk", "bodyEn", "bodyRu", "bodyKk", "groundCodes", "sortOrder"] },
  {
    name: "applications",
    model: "application",
    key: ["id"],
    columns: [
      "id",
      "groupId",
      "isPublic",
      "title",
      "titleRu",
      "titleKk",
      "procedure",
      "authorityId",
      "city",
      "purpose",
      "purposeRu",
      "purposeKk",
      "filedOn",
      "filedOnPrecision",
      "filedBefore",
      "registrationNumber",
      "requestCount",
      "notes",
      "notesRu",
      "notesKk",
      "publicNote",
      "status",
      "outcome",
      "answerDueOn",
      "deadlineOverrideOn",
      "deadlineOverrideRule",
      "deadlineOverrideReason",
      "deadlineOverrideById",
      "deadlineOverrideByName",
      "deadlineOverrideAt",
      "version",
      "createdById",
      "createdAt",
      "updatedAt",
    ],
  },
  { name: "applicationGroups", model: "applicationGroup", key: ["applicationId", "groupId"], columns: ["applicationId", "groupId", "status", "requestedById", "requestedAt", "access", "accessAcceptedAt", "accessById"] },
  { name: "applicants", model: "applicant", key: ["id"], columns: ["id", "applicationId", "personId", "role"] },
  {
    name: "parts",
    model: "part",
    key: ["id"],
    columns: ["id", "applicationId", "position", "form", "place", "placeRu", "placeKk", "route", "routeRu", "routeKk", "eventDate", "eventDatePrecision", "startTime", "endTime", "expectedParticipants", "equipment", "outcome"],
  },
  {
    name: "answers",
    model: "answer",
    key: ["id"],
    columns: [
      "id",
      "applicationId",
      "receivedOn",
      "receivedOnPrecision",
      "referenceNumber",
      "statedReason",
      "articleCited",
      "alternativeOffered",
      "alternativeDetails",
      "conflictingBookingHolder",
      "conflictingBookingHolderRu",
      "conflictingBookingHolderKk",
      "notes",
      "notesRu",
      "notesKk",
      "outcome",
      "version",
      "createdAt",
    ],
  },
  { name: "partOutcomes", model: "partOutcome", key: ["id"], columns: ["id", "answerId", "partId", "outcome", "limits", "alternative"] },
  { name: "groundsCited", model: "groundCited", key: ["id"], columns: ["id", "answerId", "groundId", "articleCited", "words"] },
  { name: "evidence", model: "evidence", key: ["id"], columns: ["id", "answerId", "stance", "observedOn", "observedOnPrecision", "observer", "observerRu", "observerKk", "description", "descriptionRu", "descriptionKk", "createdAt"] },
  {
    name: "appealStages",
    model: "appealStage",
    key: ["id"],
    columns: ["id", "applicationId", "kind", "filedOn", "filedOnPrecision", "bodyId", "bodyName", "caseNumber", "authorityArguments", "authorityArgumentsRu", "authorityArgumentsKk", "notes", "notesRu", "notesKk", "version", "createdAt"],
  },
  { name: "hearings", model: "hearing", key: ["id"], columns: ["id", "appealStageId", "heldOn", "heldOnPrecision", "time", "authorityArguments", "authorityArgumentsRu", "authorityArgumentsKk", "applicantArguments", "notes", "version", "createdAt"] },
  { name: "rulings", model: "ruling", key: ["id"], columns: ["id", "appealStageId", "decidedOn", "decidedOnPrecision", "outcome", "summary", "summaryRu", "summaryKk", "text", "version", "createdAt"] },
  { name: "events", model: "event", key: ["id"], columns: ["id", "applicationId", "kind", "occurredOn", "occurredOnPrecision", "description", "descriptionRu", "descriptionKk", "statedReason", "participants", "createdAt"] },
  {
    name: "incidents",
    model: "incident",
    key: ["id"],
    columns: [
      "id",
      "groupId",
      "isPublic",
      "kind",
      "title",
      "titleRu",
      "titleKk",
      "occurredOn",
      "occurredOnPrecision",
      "city",
      "place",
      "placeRu",
      "placeKk",
      "description",
      "descriptionRu",
      "descriptionKk",
      "amount",
      "currency",
      "perpetrator",
      "version",
      "createdById",
      "createdAt",
      "updatedAt",
    ],
  },
  { name: "incidentPeople", model: "incidentPerson", key: ["incidentId", "personId"], columns: ["incidentId", "personId", "role"] },
  { name: "incidentGroups", model: "incidentGroup", key: ["incidentId", "groupId"], columns: ["incidentId", "groupId"] },
  { name: "incidentApplications", model: "incidentApplication", key: ["incidentId", "applicationId"], columns: ["incidentId", "applicationId"] },
  {
    name: "sources",
    model: "source",
    key: ["id"],
    columns: ["id", "groupId", "isPublic", "slug", "title", "titleRu", "titleKk", "publisher", "publishedOn", "publishedOnPrecision", "url", "language", "text", "createdAt"],
  },
  { name: "citations", model: "citation", key: ["id"], columns: ["id", "sourceId", "recordType", "recordId", "quote", "note", "noteRu", "noteKk", "createdAt"] },
  { name: "changeLog", model: "changeLog", key: ["id"], columns: ["id", "at", "userId", "userName", "groupId", "entity", "entityId", "caseId", "viaGroupId", "viaGroupName", "action", "before", "after"] },
] as const;

export type EntityName = (typeof ENTITIES)[number]["name"];
export const ENTITY_NAMES = ENTITIES.map((e) => e.name) as EntityName[];

/** Reference data the law defines (loaded by setup); an import may replace it. */
export const REFERENCE_ENTITIES: readonly EntityName[] = ["refusalGrounds", "deadlineRules", "holidays", "legalStandards"];

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  scope: z.object({ groupId: z.string().nullable(), groupSlug: z.string().nullable() }).describe("The group whose records these are, or null for the whole database."),
  notes: z.string(),
  entities: z.object(Object.fromEntries(ENTITIES.map((e) => [e.name, z.array(z.record(z.string(), z.unknown()))])) as Record<EntityName, z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>>),
});
export type ExportDocument = z.output<typeof exportDocumentSchema>;

export const EXPORT_NOTES =
  "User accounts are exported without passwords (import gives them an unusable one: set it with `npm run user:create`). API tokens, invitations and share links are credentials and are not exported.";

type Delegate = {
  findMany: (args?: { where?: unknown; omit?: Record<string, boolean>; orderBy?: unknown; take?: number }) => Promise<Row[]>;
};

function delegate(client: Client, model: string): Delegate {
  return (client as unknown as Record<string, Delegate>)[model];
}

/** JSON-ready values: dates as ISO strings, nothing else changed. */
function plain(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

type Where = Partial<Record<EntityName, unknown>>;

/**
 * A group's own records and what they link to, for a member taking their data with them.
 * Written as relation filters, never as lists of ids: a list of 5,000 application ids is
 * 5,000 bound parameters, past what the databases accept in one query.
 */
function groupWhere(groupId: string): Where {
  const ownApp = { application: { groupId } };
  const ownIncident = { incident: { groupId } };
  const ownAnswer = { answer: ownApp };
  const ownStage = { appealStage: ownApp };
  return {
    users: { memberships: { some: { groupId } } },
    // The group, every group organizing one of its applications, every group its incidents name.
    groups: { OR: [{ id: groupId }, { organizing: { some: ownApp } }, { incidents: { some: ownIncident } }] },
    memberships: { groupId },
    // Only the authorities its own records use: another group's akimat is not this group's to carry away.
    authorities: authoritiesUsedBy({ groupId }),
    people: { groupId },
    applications: { groupId },
    applicationGroups: ownApp,
    applicants: { ...ownApp, person: { groupId } },
    parts: ownApp,
    answers: ownApp,
    partOutcomes: ownAnswer,
    groundsCited: ownAnswer,
    evidence: ownAnswer,
    appealStages: ownApp,
    hearings: ownStage,
    rulings: ownStage,
    events: ownApp,
    incidents: { groupId },
    incidentPeople: { ...ownIncident, person: { groupId } },
    incidentGroups: ownIncident,
    incidentApplications: { ...ownIncident, ...ownApp },
    sources: { groupId },
    citations: { source: { groupId } },
    changeLog: { groupId },
  };
}

/** Credentials and sign-in state never leave the server. */
const USER_SECRETS = {
  passwordHash: true,
  sessionVersion: true,
  failedSignIns: true,
  lastFailedSignInAt: true,
  // The TOTP secret is a credential; whether and since when two factors are on, and the last
  // sign-in, are sign-in state. Recovery codes (model RecoveryCode) are not an entity at all.
  totpSecret: true,
  totpEnabledAt: true,
  totpLastStep: true,
  lastSignInAt: true,
  lockedAt: true,
  // The Telegram link is this server's bot's chat with the member, and its one-time code a credential.
  telegramChatId: true,
  telegramCodeHash: true,
  telegramCodeExpiresAt: true,
  telegramPrivateTitles: true,
} as const;

/**
 * The keyed hashes of IIN, phone and name words are this server's search aids, made with its
 * key: an import computes them again (lib/crypto/person-fields.ts, lib/data/personal.ts). The export carries the values
 * themselves, opened, for the group's members and the operator.
 */
const PERSON_HASHES = { idNumberHash: true, phoneHash: true, nameHashes: true } as const;

/** Rows read per query: memory stays flat however large the group. */
export const EXPORT_BATCH = 1000;

/** Rows after `last` in key order (keyset pagination, also for the two-column keys). */
function after(key: readonly string[], last: Row): unknown {
  const or = key.map((k, i) => ({ ...Object.fromEntries(key.slice(0, i).map((p) => [p, last[p]])), [k]: { gt: last[k] } }));
  return or.length === 1 ? or[0] : { OR: or };
}

/**
 * One entity's rows in key order, a batch at a time. The database orders the keys (binary
 * order on SQLite; the database's collation on PostgreSQL, the same order on every export of
 * that database), so two exports of the same data are byte-identical.
 */
export async function* exportBatches(client: Client, name: EntityName, where?: unknown, batch = EXPORT_BATCH): AsyncGenerator<Row[]> {
  const e = ENTITIES.find((x) => x.name === name)!;
  const orderBy = e.key.map((k) => ({ [k]: "asc" }));
  let last: Row | null = null;
  for (;;) {
    const page: unknown = last ? (where ? { AND: [where, after(e.key, last)] } : after(e.key, last)) : where;
    const omit = e.model === "user" ? USER_SECRETS : e.model === "person" ? PERSON_HASHES : null;
    const rows = await delegate(client, e.model).findMany({ where: page, orderBy, take: batch, ...(omit ? { omit } : {}) });
    if (rows.length) yield rows.map(plain);
    if (rows.length < batch) return;
    last = rows[rows.length - 1];
  }
}

/** One entity's rows, in export order. */
export async function exportEntity(client: Client, name: EntityName, where?: unknown): Promise<Row[]> {
  const out: Row[] = [];
  for await (const rows of exportBatches(client, name, where)) out.push(...rows);
  return out;
}

export interface ExportScope {
  groupId: string | null;
  groupSlug: string | null;
  where: Where;
  /** People's ID numbers, addresses and phones written blank (a viewer's export). */
  withoutPersonal?: boolean;
}

const PERSON_PERSONAL = ["idNumber", "address", "phone"] as const;

/** The rows as a scope may see them: without people's personal fields when it says so. */
function scoped(scope: ExportScope, name: EntityName, rows: Row[]): Row[] {
  if (!scope.withoutPersonal || name !== "people") return rows;
  return rows.map((r) => ({ ...r, ...Object.fromEntries(PERSON_PERSONAL.map((k) => [k, ""])) }));
}

/** Which records an export holds: the whole database, or one group's (throws if no such group). */
export async function exportScope(client: Client, opts: { groupId?: string } = {}): Promise<ExportScope> {
  if (!opts.groupId) return { groupId: null, groupSlug: null, where: {} };
  const group = await client.group.findUnique({ where: { id: opts.groupId }, select: { id: true, slug: true } });
  if (!group) throw new Error("no such group");
  return { groupId: group.id, groupSlug: group.slug, where: groupWhere(group.id) };
}

/** The whole database, or one group's records, in memory (tests and small data; see exportJsonChunks). */
export async function exportData(client: Client, opts: { groupId?: string } = {}): Promise<ExportDocument> {
  const scope = await exportScope(client, opts);
  const entities = {} as ExportDocument["entities"];
  for (const e of ENTITIES) entities[e.name] = await exportEntity(client, e.name, scope.where[e.name]);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, scope: { groupId: scope.groupId, groupSlug: scope.groupSlug }, notes: EXPORT_NOTES, entities };
}

/** Stable JSON text: two exports of the same data are identical files. */
export function exportToJson(doc: ExportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/**
 * The export as JSON text in pieces, one batch of rows at a time, read as it is written: the
 * same bytes as exportToJson(await exportData(...)), with memory flat however large the data.
 * One entity after another: SQLite serves one reader at a time anyway.
 */
export async function* exportJsonChunks(client: Client, scope: ExportScope): AsyncGenerator<string> {
  const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, scope: { groupId: scope.groupId, groupSlug: scope.groupSlug }, notes: EXPORT_NOTES };
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},\n  "entities": {`;
  let firstEntity = true;
  for (const e of ENTITIES) {
    yield `${firstEntity ? "" : ","}\n    ${JSON.stringify(e.name)}: [`;
    firstEntity = false;
    let any = false;
    for await (const batch of exportBatches(client, e.name, scope.where[e.name])) {
      const rows = scoped(scope, e.name, batch);
      yield rows.map((r, i) => `${any || i ? "," : ""}\n      ${indent(JSON.stringify(r, null, 2), "      ")}`).join("");
      any = true;
    }
    yield any ? "\n    ]" : "]";
  }
  yield "\n  }\n}\n";
}

/** An entity's CSV header: the declared columns first, then any the schema has grown since. */
function csvFields(name: EntityName, rows: readonly Row[]): string[] {
  const e = ENTITIES.find((x) => x.name === name)!;
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !(e.columns as readonly string[]).includes(k));
  return [...e.columns, ...extra];
}

function csvCells(fields: readonly string[], rows: readonly Row[]): CsvCell[][] {
  return rows.map((r) => fields.map((f) => (r[f] === null || r[f] === undefined ? "" : typeof r[f] === "object" ? JSON.stringify(r[f]) : (r[f] as CsvCell))));
}

/**
 * One entity as CSV, for spreadsheets: text that would run as a formula is neutralised
 * (see lib/csv.ts), so the JSON export, not the CSV, is the format that round-trips.
 */
export function entityToCsv(name: EntityName, rows: readonly Row[]): string {
  const fields = csvFields(name, rows);
  return toCsv(csvCells(fields, rows), { fields });
}

/** One entity as CSV in pieces, a batch of rows at a time (the header comes with the first batch). */
export async function* entityCsvChunks(client: Client, scope: ExportScope, name: EntityName): AsyncGenerator<string> {
  let fields: string[] | null = null;
  for await (const batch of exportBatches(client, name, scope.where[name])) {
    const rows = scoped(scope, name, batch);
    if (!fields) {
      fields = csvFields(name, rows);
      yield toCsv([], { fields });
    }
    yield toCsvRows(csvCells(fields, rows));
  }
  if (!fields) yield toCsv([], { fields: csvFields(name, []) });
}

/** Every entity as CSV text, keyed by file name. */
export function exportToCsvFiles(doc: ExportDocument): Record<string, string> {
  return Object.fromEntries(ENTITIES.map((e) => [`${e.name}.csv`, entityToCsv(e.name, doc.entities[e.name])]));
}
