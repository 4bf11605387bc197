// Every record as one JSON document (or one CSV table per entity), for archiving, moving to
// another server, or a group taking its own data with it. No "server-only" marker: the
// export/import scripts use it with their own client.
//
// Not exported: password hashes, API tokens, invitations and share links — they are
// credentials, not records. Users are exported with name, email, language and reminder days
// only. Nor the job queue (model Job): operational state, including which reminders went out; a
// restored server sends none whose day has passed (the scan looks at today only), but may send
// again one due on the day of the restore.
import Papa from "papaparse";
import { z } from "zod";
import type { Db, Tx } from "../db-client";

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
  { name: "users", model: "user", key: ["id"], columns: ["id", "email", "name", "locale", "isOperator", "reminderOffsets", "createdAt"] },
  { name: "groups", model: "group", key: ["id"], columns: ["id", "slug", "name", "description", "city", "createdAt"] },
  { name: "memberships", model: "membership", key: ["id"], columns: ["id", "userId", "groupId", "role", "createdAt"] },
  { name: "authorities", model: "authority", key: ["id"], columns: ["id", "name", "nameRu", "kind", "city", "country", "createdAt"] },
  {
    name: "people",
    model: "person",
    key: ["id"],
    columns: ["id", "groupId", "isPublic", "fullName", "altNames", "roleTitle", "idNumber", "address", "phone", "notes", "version", "createdAt", "updatedAt"],
  },
  { name: "refusalGrounds", model: "refusalGround", key: ["id"], columns: ["id", "code", "labelEn", "labelRu", "article", "sortOrder", "active"] },
  { name: "deadlineRules", model: "deadlineRule", key: ["id"], columns: ["id", "code", "labelEn", "labelRu", "unit", "amount", "direction", "countsFrom", "legalBasis", "active", "updatedAt"] },
  { name: "holidays", model: "holiday", key: ["id"], columns: ["id", "date", "country", "kind", "name"] },
  { name: "legalStandards", model: "legalStandard", key: ["id"], columns: ["id", "code", "titleEn", "titleRu", "bodyEn", "bodyRu", "groundCodes", "sortOrder"] },
  {
    name: "applications",
    model: "application",
    key: ["id"],
    columns: [
      "id",
      "groupId",
      "isPublic",
      "title",
      "procedure",
      "authorityId",
      "city",
      "purpose",
      "filedOn",
      "filedOnPrecision",
      "filedBefore",
      "registrationNumber",
      "requestCount",
      "notes",
      "publicNote",
      "status",
      "outcome",
      "answerDueOn",
      "version",
      "createdById",
      "createdAt",
      "updatedAt",
    ],
  },
  { name: "applicationGroups", model: "applicationGroup", key: ["applicationId", "groupId"], columns: ["applicationId", "groupId", "status", "requestedById", "requestedAt"] },
  { name: "applicants", model: "applicant", key: ["id"], columns: ["id", "applicationId", "personId", "role"] },
  {
    name: "parts",
    model: "part",
    key: ["id"],
    columns: ["id", "applicationId", "position", "form", "place", "route", "eventDate", "eventDatePrecision", "startTime", "endTime", "expectedParticipants", "equipment", "outcome"],
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
      "notes",
      "outcome",
      "version",
      "createdAt",
    ],
  },
  { name: "partOutcomes", model: "partOutcome", key: ["id"], columns: ["id", "answerId", "partId", "outcome", "limits", "alternative"] },
  { name: "groundsCited", model: "groundCited", key: ["id"], columns: ["id", "answerId", "groundId", "articleCited", "words"] },
  { name: "evidence", model: "evidence", key: ["id"], columns: ["id", "answerId", "stance", "observedOn", "observedOnPrecision", "observer", "description", "createdAt"] },
  {
    name: "appealStages",
    model: "appealStage",
    key: ["id"],
    columns: ["id", "applicationId", "kind", "filedOn", "filedOnPrecision", "bodyId", "bodyName", "caseNumber", "authorityArguments", "notes", "version", "createdAt"],
  },
  { name: "hearings", model: "hearing", key: ["id"], columns: ["id", "appealStageId", "heldOn", "heldOnPrecision", "time", "authorityArguments", "applicantArguments", "notes", "version", "createdAt"] },
  { name: "rulings", model: "ruling", key: ["id"], columns: ["id", "appealStageId", "decidedOn", "decidedOnPrecision", "outcome", "summary", "text", "version", "createdAt"] },
  { name: "events", model: "event", key: ["id"], columns: ["id", "applicationId", "kind", "occurredOn", "occurredOnPrecision", "description", "statedReason", "participants", "createdAt"] },
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
      "occurredOn",
      "occurredOnPrecision",
      "city",
      "place",
      "description",
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
    columns: ["id", "groupId", "isPublic", "slug", "title", "publisher", "publishedOn", "publishedOnPrecision", "url", "language", "text", "createdAt"],
  },
  { name: "citations", model: "citation", key: ["id"], columns: ["id", "sourceId", "recordType", "recordId", "quote", "note", "createdAt"] },
  { name: "changeLog", model: "changeLog", key: ["id"], columns: ["id", "at", "userId", "userName", "groupId", "entity", "entityId", "caseId", "action", "before", "after"] },
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

type Delegate = { findMany: (args?: { where?: unknown; omit?: Record<string, boolean> }) => Promise<Row[]> };

function delegate(client: Client, model: string): Delegate {
  return (client as unknown as Record<string, Delegate>)[model];
}

/** Code-unit order, the same whichever database collation sorted the rows. */
function compareRows(key: readonly string[]) {
  return (a: Row, b: Row) => {
    for (const k of key) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

/** JSON-ready values: dates as ISO strings, nothing else changed. */
function plain(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

type Where = Partial<Record<EntityName, unknown>>;

/** A group's own records and what they link to, for a member taking their data with them. */
async function groupWhere(client: Client, groupId: string): Promise<Where> {
  const [apps, incidents, people, sources, members, organizers, incidentGroups] = await Promise.all([
    client.application.findMany({ where: { groupId }, select: { id: true } }),
    client.incident.findMany({ where: { groupId }, select: { id: true } }),
    client.person.findMany({ where: { groupId }, select: { id: true } }),
    client.source.findMany({ where: { groupId }, select: { id: true } }),
    client.membership.findMany({ where: { groupId }, select: { userId: true } }),
    client.applicationGroup.findMany({ where: { application: { groupId } }, select: { groupId: true } }),
    client.incidentGroup.findMany({ where: { incident: { groupId } }, select: { groupId: true } }),
  ]);
  const appIds = apps.map((a) => a.id);
  const incidentIds = incidents.map((i) => i.id);
  const personIds = people.map((p) => p.id);
  const groupIds = [...new Set([groupId, ...organizers.map((o) => o.groupId), ...incidentGroups.map((g) => g.groupId)])];
  const inApps = { applicationId: { in: appIds } };
  return {
    users: { id: { in: members.map((m) => m.userId) } },
    groups: { id: { in: groupIds } },
    memberships: { groupId },
    people: { groupId },
    applications: { groupId },
    applicationGroups: { ...inApps, groupId: { in: groupIds } },
    applicants: { ...inApps, personId: { in: personIds } },
    parts: inApps,
    answers: inApps,
    partOutcomes: { answer: inApps },
    groundsCited: { answer: inApps },
    evidence: { answer: inApps },
    appealStages: inApps,
    hearings: { appealStage: inApps },
    rulings: { appealStage: inApps },
    events: inApps,
    incidents: { groupId },
    incidentPeople: { incidentId: { in: incidentIds }, personId: { in: personIds } },
    incidentGroups: { incidentId: { in: incidentIds }, groupId: { in: groupIds } },
    incidentApplications: { incidentId: { in: incidentIds }, applicationId: { in: appIds } },
    sources: { groupId },
    citations: { sourceId: { in: sources.map((s) => s.id) } },
    changeLog: { groupId },
  };
}

/** Credentials and sign-in state never leave the server. */
const USER_SECRETS = { passwordHash: true, sessionVersion: true, failedSignIns: true, lastFailedSignInAt: true } as const;

/** One entity's rows, in export order. */
export async function exportEntity(client: Client, name: EntityName, where?: unknown): Promise<Row[]> {
  const e = ENTITIES.find((x) => x.name === name)!;
  const rows = await delegate(client, e.model).findMany({ where, ...(e.model === "user" ? { omit: USER_SECRETS } : {}) });
  return rows.map(plain).sort(compareRows(e.key));
}

/** The whole database, or one group's records (with the reference data they use). */
export async function exportData(client: Client, opts: { groupId?: string } = {}): Promise<ExportDocument> {
  const group = opts.groupId ? await client.group.findUnique({ where: { id: opts.groupId }, select: { id: true, slug: true } }) : null;
  if (opts.groupId && !group) throw new Error("no such group");
  const where: Where = group ? await groupWhere(client, group.id) : {};
  const entities = {} as ExportDocument["entities"];
  // One entity after another: SQLite serves one reader at a time anyway, and memory stays flat.
  for (const e of ENTITIES) entities[e.name] = await exportEntity(client, e.name, where[e.name]);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, scope: { groupId: group?.id ?? null, groupSlug: group?.slug ?? null }, notes: EXPORT_NOTES, entities };
}

/** Stable JSON text: two exports of the same data are identical files. */
export function exportToJson(doc: ExportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One entity as CSV: the declared columns first, then any the schema has grown since. */
export function entityToCsv(name: EntityName, rows: readonly Row[]): string {
  const e = ENTITIES.find((x) => x.name === name)!;
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !(e.columns as readonly string[]).includes(k));
  const fields = [...e.columns, ...extra];
  const data = rows.map((r) => fields.map((f) => (r[f] === null || r[f] === undefined ? "" : typeof r[f] === "object" ? JSON.stringify(r[f]) : r[f])));
  return Papa.unparse({ fields, data }, { newline: "\r\n" }) + "\r\n";
}

/** Every entity as CSV text, keyed by file name. */
export function exportToCsvFiles(doc: ExportDocument): Record<string, string> {
  return Object.fromEntries(ENTITIES.map((e) => [`${e.name}.csv`, entityToCsv(e.name, doc.entities[e.name])]));
}
