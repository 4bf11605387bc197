import "server-only";
// What a reader may see of a case, decided here and nowhere else. Every reader of a case —
// the case page, the open-data API, another group's case file and its PDF, a share link,
// the applications list — goes through these functions:
// - people: a person's details are seen in full only by members of the person's group; a
//   public person's name is seen by everyone (IIN, address, phone and other spellings are
//   not); a private person is not seen at all;
// - free text: whatever a reader may not see of a person (names, other spellings, IINs,
//   addresses, phones) is cut out of every string of the case — titles, purposes, stated
//   reasons, a ground's words, evidence, arguments, rulings, events, incidents, quotes —
//   because the authority's letters and the group's own writing name people;
// - internal: notes and the change history are the owning group's, never anyone else's.
import { db } from "../db";
import { can, canCase, type Actor } from "../auth/access";
import { loadMessages } from "../i18n/catalogue";
import { contains } from "./text-search";
import { normalizeNumber, searchHash } from "../crypto/fields";
import { nameHashNeedle, nameWords } from "../crypto/names";
import type { Locale } from "../i18n/config";

export interface PersonalRecord {
  groupId: string;
  isPublic: boolean;
  fullName: string;
  altNames: string;
  idNumber: string;
  address: string;
  phone: string;
  notes: string;
}

export interface Disclosure {
  /** The reader is a member of this person's group. */
  knows: (person: { groupId: string }) => boolean;
  /** No one's personal data at all: a share link or a print made without it. */
  withholdPersonal: boolean;
  /** Notes and the change history: only the owning group's members, and not in what they share. */
  internal: boolean;
}

export type PersonView = "full" | "public" | "none";

export function personView(p: Pick<PersonalRecord, "groupId" | "isPublic">, d: Disclosure): PersonView {
  if (d.withholdPersonal) return "none";
  if (d.knows(p)) return "full";
  return p.isPublic ? "public" : "none";
}

/** The disclosure for a reader of a case owned by groupId. A member may ask to see less, never more. */
export function disclosureFor(actor: Actor | null, groupId: string, ask: { withholdPersonal?: boolean; withholdInternal?: boolean } = {}): Disclosure {
  return {
    knows: (p) => can(actor, p.groupId, "viewer"),
    withholdPersonal: Boolean(ask.withholdPersonal),
    internal: can(actor, groupId, "viewer") && !ask.withholdInternal,
  };
}

/** The mark left where personal data was cut out, in the reader's language. */
export function withheldMark(locale: Locale): string {
  const casefile = loadMessages(locale).casefile as { withheld?: string } | undefined;
  return casefile?.withheld ?? "[withheld]";
}

/** The values to cut out of free text for this reader, longest first. */
export function personalValues(people: readonly PersonalRecord[], d: Disclosure): string[] {
  const values = new Set<string>();
  for (const p of people) {
    const view = personView(p, d);
    if (view === "full") continue;
    const list = view === "public" ? [p.idNumber, p.address, p.phone] : [p.fullName, ...p.altNames.split("\n"), p.idNumber, p.address, p.phone];
    for (const v of list) {
      const s = v.trim();
      // Very short strings would blank out ordinary words.
      if (s.length >= 3) values.add(s);
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

// Keys whose values are identifiers, vocabulary or dates, not prose: cutting a "name" out of
// them would only break the record (a status no translation knows, a link to nowhere).
const STRUCTURAL = new Set(["subjectType", "mimeType", "storageKey", "ocrStatus", "id", "slug", "status", "outcome", "kind", "procedure", "form", "stance", "role", "recordType", "equipment", "currency", "nextStep", "ruleCode", "time", "startTime", "endTime", "filedBefore", "entity", "action"]);
const structural = (key: string) => STRUCTURAL.has(key) || /(Id|On|Precision)$/.test(key);

/**
 * Cuts the given values out of every string inside value (case-insensitively), keeping its
 * shape: arrays, plain objects, Dates and numbers pass through.
 */
export function redactPersonal<T>(value: T, personal: readonly string[], replacement: string): T {
  if (!personal.length) return value;
  const pattern = new RegExp(personal.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "giu");
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(pattern, replacement);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object" && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structural(k) ? x : walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

function personFor<P extends PersonalRecord>(p: P, view: Exclude<PersonView, "none">, internal: boolean): P {
  if (view === "public") return { ...p, altNames: "", idNumber: "", address: "", phone: "", notes: "" };
  return internal ? p : { ...p, notes: "" };
}

function keepPeople<L extends { person: PersonalRecord }>(list: readonly L[], d: Disclosure): L[] {
  return list.flatMap((l) => {
    const view = personView(l.person, d);
    return view === "none" ? [] : [{ ...l, person: personFor(l.person, view, d.internal) }];
  });
}

interface Noted {
  notes: string;
}
/** The shape of a case this module needs; everything else in it passes through (and is redacted). */
export interface DisclosableCase extends Noted {
  applicants: readonly { person: PersonalRecord }[];
  answers: readonly Noted[];
  appealStages: readonly (Noted & { hearings: readonly Noted[] })[];
  incidents: readonly { people: readonly { person: PersonalRecord }[] }[];
  citations: readonly { note: string }[];
  history?: readonly unknown[];
  /** Who set a deadline by hand and why: the group's own business (the date itself is shown). */
  deadlineOverrideReason?: string;
  deadlineOverrideByName?: string;
  deadlineOverrideById?: string | null;
}

/** Every person a case names: its applicants and the people of every incident linked to it. */
export function peopleOf(c: Pick<DisclosableCase, "applicants" | "incidents">): PersonalRecord[] {
  return [...c.applicants.map((a) => a.person), ...c.incidents.flatMap((i) => i.people.map((p) => p.person))];
}

/**
 * The case as this reader may see it. `people` is everyone the case names, including those
 * the reader will not see (a private applicant, the people of an incident hidden from them):
 * their data is cut out of the free text even though they are dropped from the lists.
 */
export function discloseCase<C extends DisclosableCase>(c: C, people: readonly PersonalRecord[], d: Disclosure, replacement: string): C {
  let out: DisclosableCase = {
    ...c,
    applicants: keepPeople(c.applicants, d),
    incidents: c.incidents.map((i) => ({ ...i, people: keepPeople(i.people, d) })),
  };
  if (!d.internal) {
    // Our Russian and Kazakh of a note (notesRu, notesKk) are the note too.
    const blank = <N extends Noted>(n: N): N => ({ ...n, notes: "", ...("notesRu" in n ? { notesRu: "" } : {}), ...("notesKk" in n ? { notesKk: "" } : {}) });
    out = {
      ...blank(out),
      answers: out.answers.map(blank),
      appealStages: out.appealStages.map((s) => ({ ...blank(s), hearings: s.hearings.map(blank) })),
      citations: out.citations.map((ci) => ({ ...ci, note: "", ...("noteRu" in ci ? { noteRu: "" } : {}), ...("noteKk" in ci ? { noteKk: "" } : {}) })),
      ...(out.history ? { history: [] } : {}),
      ...("deadlineOverrideReason" in out ? { deadlineOverrideReason: "", deadlineOverrideByName: "", deadlineOverrideById: null } : {}),
    };
  }
  return redactPersonal(out as C, personalValues(people, d), replacement);
}

// ───────────────────────────── attached documents

export interface AttachmentVisibility {
  groupId: string;
  isPublic: boolean;
  subjectId: string;
  createdById: string | null;
  createdByName: string;
}

/**
 * The documents this reader may see. A record being public does not publish its files: a
 * reader outside the owning group sees a file only when a member published that file on its
 * own AND the record it is attached to is one this reader is shown (`shownRecordIds`, the
 * records of the case as discloseCase left it). Who attached it is the group's own business.
 */
export function discloseAttachments<A extends AttachmentVisibility>(list: readonly A[], actor: Actor | null, shownRecordIds: ReadonlySet<string>): A[] {
  return list.flatMap((a) => {
    if (can(actor, a.groupId, "viewer")) return [a];
    return a.isPublic && shownRecordIds.has(a.subjectId) ? [{ ...a, createdById: null, createdByName: "" }] : [];
  });
}

// ───────────────────────────── other records and lists

/** Any record's free text (an incident, a list row) as this reader may see it, given the people it names. */
export function redactRecord<T>(actor: Actor | null, groupId: string, people: readonly PersonalRecord[], value: T, locale: Locale): T {
  return redactPersonal(value, personalValues(people, disclosureFor(actor, groupId)), withheldMark(locale));
}

/**
 * Titles of applications as this reader may see them: a title can name a private applicant,
 * so for a reader outside the owning group it is redacted like the case's other free text.
 */
export async function redactApplicationTitles<T extends { id: string; groupId: string; title: string; titleRu?: string; titleKk?: string }>(actor: Actor | null, items: T[], locale: Locale): Promise<T[]> {
  const values = await withheldOfApplications(actor, items);
  if (!values.size) return items;
  const mark = withheldMark(locale);
  // The title in every language it is kept in.
  return items.map((i) => {
    if (!values.has(i.id)) return i;
    const out = { ...i, title: redactPersonal(i.title, values.get(i.id)!, mark) };
    if (i.titleRu !== undefined) out.titleRu = redactPersonal(i.titleRu, values.get(i.id)!, mark);
    if (i.titleKk !== undefined) out.titleKk = redactPersonal(i.titleKk, values.get(i.id)!, mark);
    return out;
  });
}

/** Per application the reader does not belong to: the values to cut out of anything said about it. */
export async function withheldOfApplications(actor: Actor | null, apps: readonly { id: string; groupId: string }[]): Promise<Map<string, string[]>> {
  // A case shared with the reader's coalition group reads as their own (lib/auth/access forCase).
  const foreign = apps.filter((a) => !canCase(actor, a, "viewer"));
  if (!foreign.length) return new Map();
  const people = await peopleOfApplications(foreign.map((a) => a.id));
  return new Map(foreign.map((a) => [a.id, personalValues(people.get(a.id) ?? [], disclosureFor(actor, a.groupId))]));
}

export const personSelect = { groupId: true, isPublic: true, fullName: true, altNames: true, idNumber: true, address: true, phone: true, notes: true } as const;

async function peopleOfApplications(ids: string[]): Promise<Map<string, PersonalRecord[]>> {
  const [applicants, incidentLinks] = await Promise.all([
    db.applicant.findMany({ where: { applicationId: { in: ids } }, select: { applicationId: true, person: { select: personSelect } } }),
    db.incidentApplication.findMany({
      where: { applicationId: { in: ids } },
      select: { applicationId: true, incident: { select: { people: { select: { person: { select: personSelect } } } } } },
    }),
  ]);
  const out = new Map<string, PersonalRecord[]>();
  const add = (id: string, p: PersonalRecord) => out.set(id, [...(out.get(id) ?? []), p]);
  for (const a of applicants) add(a.applicationId, a.person);
  for (const l of incidentLinks) for (const p of l.incident.people) add(l.applicationId, p.person);
  return out;
}

// ───────────────────────────── searching

/**
 * Prisma filter for a person whose data a reader outside their group may not see and that
 * contains one of the words of a search. A list search run by such a reader must not find a
 * record through text that the record shows them redacted: that would tell whom it names.
 */
export function withheldPersonMatching(q: string) {
  // Each word on its own too, so "Dear Dana" is caught by "Dana"; short words would hide too
  // much. Addresses are left out: a search for a city would otherwise lose every record whose
  // applicant lives there. IIN and phone are sealed in the database (lib/crypto/fields.ts):
  // they match by the keyed hash of a search that is one whole number.
  const terms = [...new Set([q, ...q.split(" ").filter((w) => w.length >= 3)])];
  const numbers = [...new Set([q, ...terms].filter((t) => idNumberQuery(t) || phoneQuery(t)))];
  return {
    OR: [
      ...terms.map((t) => ({ isPublic: false, OR: [{ fullName: contains(t) }, { altNames: contains(t) }] })),
      // Names a group encrypts (lib/crypto/names.ts) are matched word by word by their keyed hashes.
      ...nameWords(q)
        .filter((w) => w.length >= 3)
        .map((w) => ({ isPublic: false, nameHashes: contains(nameHashNeedle(w)) })),
      ...numbers.flatMap((t) => [{ idNumberHash: searchHash(t, "idNumber") }, { phoneHash: searchHash(t, "phone") }]),
    ],
  };
}

/**
 * Prisma filter for a person whose name or other spellings hold every word of a search: in
 * clear, or by the words' keyed hashes where the group encrypts names. For the person's own
 * group's members only (the caller puts the group in the where clause).
 */
export function namedBy(q: string) {
  const words = nameWords(q);
  const plain = [{ fullName: contains(q) }, { altNames: contains(q) }];
  return { OR: words.length ? [...plain, { AND: words.map((w) => ({ nameHashes: contains(nameHashNeedle(w)) })) }] : plain };
}

/** A search that is an IIN (12 digits, spaces allowed), so it may be matched by its hash. */
export function idNumberQuery(q: string): boolean {
  return /^[\d\s]+$/.test(q) && normalizeNumber(q).length === 12;
}

function phoneQuery(q: string): boolean {
  return /^[+\d][\d\s()-]*$/.test(q) && normalizeNumber(q).length >= 6;
}
