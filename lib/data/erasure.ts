import "server-only";
// Erasing a person on request (issue #14): a group admin removes a person's personal data
// everywhere the group keeps it. The Person row keeps its id (so the cases and incidents that
// name the person stay whole) with the name "[erased]" and no IIN, address, phone, other
// spellings, role or notes; every text of the group's records that quoted one of those values,
// and every earlier change-log entry's before/after, has it replaced by "[erased]". The change
// log records that an erasure happened, by whom and when, without the values.
import { db, type Tx } from "../db";
import { requireRole, type Actor } from "../auth/access";
import { ConflictError, NotFoundError } from "../errors";
import { logChange } from "./audit";
import { reindexGroup } from "./search-index";
import { contains } from "./text-search";

export const ERASED = "[erased]";

/** Values shorter than this are not searched for in texts: "Li" would erase half the records. */
const MIN_VALUE = 3;

type Scope = (groupId: string, personId: string) => unknown;

/** The group's texts that may quote a person, and how to find the group's rows of each model. */
const TEXTS: { model: string; fields: string[]; scope: Scope; json?: boolean }[] = [
  // Our translations (…Ru, …Kk) beside each text: a name may be quoted there in another spelling.
  { model: "application", fields: ["title", "titleRu", "titleKk", "purpose", "purposeRu", "purposeKk", "notes", "notesRu", "notesKk", "publicNote", "deadlineOverrideReason"], scope: (groupId) => ({ groupId }) },
  { model: "part", fields: ["place", "placeRu", "placeKk", "route", "routeRu", "routeKk"], scope: (groupId) => ({ application: { groupId } }) },
  { model: "answer", fields: ["statedReason", "notes", "notesRu", "notesKk", "alternativeDetails", "conflictingBookingHolder", "conflictingBookingHolderRu", "conflictingBookingHolderKk"], scope: (groupId) => ({ application: { groupId } }) },
  { model: "groundCited", fields: ["words"], scope: (groupId) => ({ answer: { application: { groupId } } }) },
  { model: "evidence", fields: ["observer", "observerRu", "observerKk", "description", "descriptionRu", "descriptionKk"], scope: (groupId) => ({ answer: { application: { groupId } } }) },
  { model: "appealStage", fields: ["authorityArguments", "authorityArgumentsRu", "authorityArgumentsKk", "notes", "notesRu", "notesKk"], scope: (groupId) => ({ application: { groupId } }) },
  { model: "hearing", fields: ["authorityArguments", "authorityArgumentsRu", "authorityArgumentsKk", "applicantArguments", "notes"], scope: (groupId) => ({ appealStage: { application: { groupId } } }) },
  { model: "ruling", fields: ["summary", "summaryRu", "summaryKk", "text"], scope: (groupId) => ({ appealStage: { application: { groupId } } }) },
  { model: "event", fields: ["description", "descriptionRu", "descriptionKk", "statedReason"], scope: (groupId) => ({ application: { groupId } }) },
  // Members' comments on the group's cases (a coalition member's too: they are on this group's case).
  { model: "comment", fields: ["body"], scope: (groupId) => ({ application: { groupId } }) },
  { model: "incident", fields: ["title", "titleRu", "titleKk", "description", "descriptionRu", "descriptionKk", "place", "placeRu", "placeKk", "perpetrator"], scope: (groupId) => ({ groupId }) },
  { model: "nextStep", fields: ["description"], scope: (groupId) => ({ groupId }) },
  { model: "source", fields: ["title", "titleRu", "titleKk", "text"], scope: (groupId) => ({ groupId }) },
  { model: "citation", fields: ["quote", "note", "noteRu", "noteKk"], scope: (groupId) => ({ source: { groupId } }) },
  { model: "attachment", fields: ["title", "fileName", "ocrText"], scope: (groupId) => ({ groupId }) },
  // Earlier history: the group's entries, and any entry about the person itself.
  { model: "changeLog", fields: ["before", "after"], scope: (groupId, personId) => ({ OR: [{ groupId }, { entity: "Person", entityId: personId }] }), json: true },
];

type Row = Record<string, string> & { id: string };
type Delegate = {
  findMany: (args: unknown) => Promise<Row[]>;
  update: (args: unknown) => Promise<unknown>;
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The person's values as they may appear in a text, longest first (a full name before a part
 * of it): the current ones, and the names and spellings the person had before (their own
 * change-log entries keep those; IIN, address and phone never entered the log).
 */
async function erasable(tx: Tx, p: { id: string; fullName: string; altNames: string; idNumber: string; address: string; phone: string }): Promise<string[]> {
  const values = [p.fullName, ...p.altNames.split("\n"), p.idNumber, p.address, p.phone];
  const own = await tx.changeLog.findMany({ where: { entity: "Person", entityId: p.id }, select: { before: true, after: true } });
  for (const e of own) {
    for (const json of [e.before, e.after]) {
      if (!json) continue;
      try {
        const v = JSON.parse(json) as Record<string, unknown>;
        if (typeof v.fullName === "string") values.push(v.fullName);
        if (typeof v.altNames === "string") values.push(...v.altNames.split("\n"));
      } catch {
        // not JSON: nothing to learn from it
      }
    }
  }
  const kept = values.map((v) => v.trim()).filter((v) => v.length >= MIN_VALUE && v !== ERASED && v !== "[personal data]");
  return [...new Set(kept)].sort((a, b) => b.length - a.length);
}

function scrubText(text: string, pattern: RegExp): string {
  return text.replace(pattern, ERASED);
}

/** A change-log before/after: every string value inside the JSON is scrubbed, the JSON stays valid. */
function scrubJson(text: string, pattern: RegExp): string {
  if (!text) return text;
  try {
    const walk = (v: unknown): unknown =>
      typeof v === "string" ? scrubText(v, pattern) : Array.isArray(v) ? v.map(walk) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
    return JSON.stringify(walk(JSON.parse(text)));
  } catch {
    return scrubText(text, pattern);
  }
}

async function scrubTexts(tx: Tx, groupId: string, personId: string, values: string[]): Promise<number> {
  if (values.length === 0) return 0;
  const pattern = new RegExp(values.map(escapeRegExp).join("|"), "giu");
  let changed = 0;
  for (const spec of TEXTS) {
    const d = (tx as unknown as Record<string, Delegate>)[spec.model];
    // JSON escapes quotes and backslashes: such a value is looked for as JSON writes it.
    const needles = spec.json ? values.map((v) => JSON.stringify(v).slice(1, -1)) : values;
    const rows = await d.findMany({
      where: { AND: [spec.scope(groupId, personId), { OR: spec.fields.flatMap((f) => needles.map((v) => ({ [f]: contains(v) }))) }] },
      select: Object.fromEntries([["id", true], ...spec.fields.map((f) => [f, true])]),
    });
    for (const row of rows) {
      const data: Record<string, string> = {};
      for (const f of spec.fields) {
        const v = row[f];
        if (typeof v !== "string") continue;
        const next = spec.json ? scrubJson(v, pattern) : scrubText(v, pattern);
        if (next !== v) data[f] = next;
      }
      // Case-insensitive in the database (contains), exact here: a differently-cased mention
      // is still replaced since the pattern ignores case; a row that needs nothing is left.
      if (Object.keys(data).length) {
        await d.update({ where: { id: row.id }, data });
        changed++;
      }
    }
  }
  return changed;
}

/**
 * Erases a person's personal data. For a group admin of the person's group only; erasing an
 * erased person again is refused (nothing left to erase).
 */
export async function erasePerson(actor: Actor, personId: string, now = new Date()): Promise<{ personId: string; texts: number }> {
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person) throw new NotFoundError();
  requireRole(actor, person.groupId, "admin");
  if (person.erasedAt) throw new ConflictError();
  return db.$transaction(async (tx) => {
    const values = await erasable(tx, person);
    await tx.person.update({
      where: { id: personId },
      data: { fullName: ERASED, altNames: "", roleTitle: "", roleTitleRu: "", roleTitleKk: "", idNumber: "", address: "", phone: "", notes: "", idNumberHash: "", phoneHash: "", nameHashes: "", erasedAt: now, version: { increment: 1 } },
    });
    const texts = await scrubTexts(tx, person.groupId, personId, values);
    // The search index held the same texts: rebuilt from the scrubbed records.
    if (texts) await reindexGroup(tx, person.groupId);
    // That it happened, by whom and when; not what was erased.
    const erased = { erasedAt: now.toISOString() };
    await logChange(tx, actor, { entity: "Person", entityId: personId, groupId: person.groupId, action: "erase", after: erased });
    // In the history of each of the group's cases that names the person, too.
    const cases = await tx.applicant.findMany({ where: { personId, application: { groupId: person.groupId } }, select: { applicationId: true } });
    for (const c of cases) await logChange(tx, actor, { entity: "Person", entityId: personId, groupId: person.groupId, caseId: c.applicationId, action: "erase", after: erased });
    // And of each case an incident naming the person is linked to, where the case is the group's.
    const linked = await tx.incidentApplication.findMany({
      where: { incident: { people: { some: { personId } } }, application: { groupId: person.groupId } },
      select: { applicationId: true },
    });
    const logged = new Set(cases.map((c) => c.applicationId));
    for (const l of linked) {
      if (logged.has(l.applicationId)) continue;
      logged.add(l.applicationId);
      await logChange(tx, actor, { entity: "Person", entityId: personId, groupId: person.groupId, caseId: l.applicationId, action: "erase", after: erased });
    }
    return { personId, texts };
  });
}

/** The people of a case its admin may erase: the group's own applicants not yet erased. */
export async function erasableApplicants(actor: Actor, applicationId: string) {
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { groupId: true } });
  if (!app) throw new NotFoundError();
  requireRole(actor, app.groupId, "admin");
  const rows = await db.applicant.findMany({
    where: { applicationId, person: { groupId: app.groupId, erasedAt: null } },
    select: { person: { select: { id: true, fullName: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.person);
}

/** The people an incident names whom its admin may erase: the group's own, not yet erased. */
export async function erasableIncidentPeople(actor: Actor, incidentId: string) {
  const incident = await db.incident.findUnique({ where: { id: incidentId }, select: { groupId: true } });
  if (!incident) throw new NotFoundError();
  requireRole(actor, incident.groupId, "admin");
  const rows = await db.incidentPerson.findMany({
    where: { incidentId, person: { groupId: incident.groupId, erasedAt: null } },
    select: { person: { select: { id: true, fullName: true } } },
    orderBy: { personId: "asc" },
  });
  return rows.map((r) => r.person);
}
