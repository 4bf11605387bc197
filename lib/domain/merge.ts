// Two people edited the same record from the same version: a three-way merge against the
// version both started from (the base). Records are compared as flat maps of field → text,
// so any form can use it: a field only one side changed takes that side's value; a field both
// changed to different values is a conflict, where "mine" is kept until the user picks.
import type { ApplicationValues, ApplicantValues, PartValues } from "./application-values";

export type Flat = Record<string, string>;

export interface MergeConflict {
  field: string;
  base: string;
  mine: string;
  theirs: string;
}

export interface MergeResult {
  merged: Flat;
  /** Fields both sides changed, differently: shown with both values; `merged` holds mine. */
  conflicts: MergeConflict[];
  /** Fields only the other person changed: `merged` holds theirs. */
  theirs: string[];
  /** Fields only this user changed. */
  mine: string[];
}

export function mergeThreeWay(base: Flat, mine: Flat, theirs: Flat): MergeResult {
  const merged: Flat = {};
  const conflicts: MergeConflict[] = [];
  const takenTheirs: string[] = [];
  const keptMine: string[] = [];
  const keys = [...new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])].sort();
  for (const field of keys) {
    const b = base[field] ?? "";
    const m = mine[field] ?? "";
    const t = theirs[field] ?? "";
    if (m === t) merged[field] = m;
    else if (m === b) {
      merged[field] = t;
      takenTheirs.push(field);
    } else if (t === b) {
      merged[field] = m;
      keptMine.push(field);
    } else {
      merged[field] = m;
      conflicts.push({ field, base: b, mine: m, theirs: t });
    }
  }
  return { merged, conflicts, theirs: takenTheirs, mine: keptMine };
}

// ───────────────────────────── records of plain fields (appeal stages …)

const asText = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : String(v));

/** `fields` of a record (a stored row or a submitted form) as field → text. */
export function flattenFields(fields: readonly string[], record: Record<string, unknown>): Flat {
  return Object.fromEntries(fields.map((f) => [f, asText(record[f])]));
}

export interface FieldsMerge {
  /** The form's values after the merge. */
  values: Flat;
  /** The record as it is now: the form's next base. */
  base: Flat;
  conflicts: MergeConflict[];
  theirs: string[];
}

/** A record whose form fields are all plain text: merged field by field. */
export function mergeFields(fields: readonly string[], base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): FieldsMerge {
  const t = flattenFields(fields, theirs);
  const r = mergeThreeWay(flattenFields(fields, base), flattenFields(fields, mine), t);
  return { values: r.merged, base: t, conflicts: r.conflicts, theirs: r.theirs };
}

// ───────────────────────────── incidents

export const INCIDENT_FORM_FIELDS = ["kind", "title", "occurredOn", "occurredOnPrecision", "city", "place", "description", "amount", "currency", "perpetrator", "isPublic", "people", "groups", "applications"] as const;
const INCIDENT_LISTS = new Set(["people", "groups", "applications"]);

/** An incident (form post, form base or stored row with its links) as field → text. */
export function flattenIncident(record: Record<string, unknown>): Flat {
  const out: Flat = {};
  for (const f of INCIDENT_FORM_FIELDS) {
    const v = record[f];
    if (INCIDENT_LISTS.has(f)) out[f] = sortedList(Array.isArray(v) ? v.map(asText) : v ? [asText(v)] : []);
    else if (f === "isPublic") out[f] = v === true || v === "on" || v === "true" || v === "1" ? "on" : "";
    else out[f] = asText(v);
  }
  return out;
}

export function mergeIncident(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>): FieldsMerge {
  const t = flattenIncident(theirs);
  const r = mergeThreeWay(flattenIncident(base), flattenIncident(mine), t);
  return { values: r.merged, base: t, conflicts: r.conflicts, theirs: r.theirs };
}

// ───────────────────────────── applications

const APPLICATION_FIELDS = ["title", "authorityId", "city", "purpose", "filedOn", "filedOnPrecision", "registrationNumber", "notes", "publicNote"] as const;
const PART_FIELDS = ["form", "place", "route", "eventDate", "eventDatePrecision", "startTime", "endTime", "expectedParticipants"] as const;
const APPLICANT_FIELDS = ["fullName", "idNumber", "address", "phone"] as const;
const PRESENT = "present";

const sortedList = (l: string[]) => [...l].filter(Boolean).sort().join(",");

/**
 * An application as field → text. Stored parts and applicants are keyed by their id (rows
 * move when one is removed); rows not saved yet are this user's alone and not compared.
 */
export function flattenApplication(v: ApplicationValues): Flat {
  const out: Flat = {};
  for (const f of APPLICATION_FIELDS) out[f] = v[f] ?? "";
  out.isPublic = v.isPublic ? "true" : "false";
  out.organizerIds = sortedList(v.organizerIds);
  for (const p of v.parts) {
    if (!p.id) continue;
    out[`parts.${p.id}`] = PRESENT;
    for (const f of PART_FIELDS) out[`parts.${p.id}.${f}`] = p[f] ?? "";
    out[`parts.${p.id}.equipment`] = sortedList(p.equipment);
  }
  for (const a of v.applicants) {
    if (!a.personId) continue;
    out[`applicants.${a.personId}`] = PRESENT;
    for (const f of APPLICANT_FIELDS) out[`applicants.${a.personId}.${f}`] = a[f] ?? "";
  }
  return out;
}

/**
 * The merged application: every field from `merged`; rows in this user's order, those the
 * merge removed left out, rows only the other person added put at the end, and this user's
 * new rows (and new authority) as typed.
 */
export function applicationFromMerge(merged: Flat, mine: ApplicationValues, theirs: ApplicationValues): ApplicationValues {
  const part = (id: string, from?: PartValues): PartValues => ({
    ...(from ?? { answered: false }),
    id,
    ...(Object.fromEntries(PART_FIELDS.map((f) => [f, merged[`parts.${id}.${f}`] ?? ""])) as Record<(typeof PART_FIELDS)[number], string>),
    equipment: (merged[`parts.${id}.equipment`] ?? "").split(",").filter(Boolean),
  });
  const applicant = (personId: string): ApplicantValues => ({
    personId,
    ...(Object.fromEntries(APPLICANT_FIELDS.map((f) => [f, merged[`applicants.${personId}.${f}`] ?? ""])) as Record<(typeof APPLICANT_FIELDS)[number], string>),
  });
  const theirParts = new Map(theirs.parts.map((p) => [p.id, p]));
  const parts: PartValues[] = [];
  for (const p of mine.parts) {
    if (!p.id) parts.push(p);
    else if (merged[`parts.${p.id}`] === PRESENT) parts.push(part(p.id, theirParts.get(p.id) ?? p));
  }
  for (const p of theirs.parts) if (p.id && merged[`parts.${p.id}`] === PRESENT && !mine.parts.some((x) => x.id === p.id)) parts.push(part(p.id, p));
  const applicants: ApplicantValues[] = [];
  for (const a of mine.applicants) {
    if (!a.personId) applicants.push(a);
    else if (merged[`applicants.${a.personId}`] === PRESENT) applicants.push(applicant(a.personId));
  }
  for (const a of theirs.applicants) {
    if (a.personId && merged[`applicants.${a.personId}`] === PRESENT && !mine.applicants.some((x) => x.personId === a.personId)) applicants.push(applicant(a.personId));
  }
  return {
    ...mine,
    id: theirs.id,
    version: theirs.version,
    ...(Object.fromEntries(APPLICATION_FIELDS.map((f) => [f, merged[f] ?? ""])) as Record<(typeof APPLICATION_FIELDS)[number], string>),
    isPublic: merged.isPublic === "true",
    organizerIds: (merged.organizerIds ?? "").split(",").filter(Boolean),
    parts,
    applicants,
  };
}

export interface ApplicationMerge {
  values: ApplicationValues;
  conflicts: MergeConflict[];
  theirs: string[];
}

/** This user's edit merged with what was saved meanwhile, both against the version loaded. */
export function mergeApplication(base: ApplicationValues, mine: ApplicationValues, theirs: ApplicationValues): ApplicationMerge {
  const result = mergeThreeWay(flattenApplication(base), flattenApplication(mine), flattenApplication(theirs));
  return { values: applicationFromMerge(result.merged, mine, theirs), conflicts: result.conflicts, theirs: result.theirs };
}
