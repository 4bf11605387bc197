import "server-only";
import { cache } from "react";
import { db, type Tx } from "../db";
import { can, groupIds, requireRole, visibleWhere, writableGroups, type Actor } from "../auth/access";
import { ConflictError, NotFoundError } from "../errors";
import { INCIDENT_KINDS, isOneOf } from "../domain/vocabulary";
import type { Prisma } from "../generated/sqlite/client";
import type { CreateIncidentInput, UpdateIncidentInput } from "../validation/incidents";
import { FieldError } from "../validation/applications";
import { logChange } from "./audit";
import { visibleGroupsWhere } from "./scope";
import { contains, searchTerm } from "./text-search";
import { searchVariants } from "../domain/fold";
import { personSelect, redactApplicationTitles, redactRecord, withheldPersonMatching } from "./visibility";
import { namesFor } from "./person-names";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { updateVersioned, type SubmittedEdit } from "./versioned";
import { mergeIncident } from "../domain/merge";
import { createOnce, rememberKey } from "./submission-keys";

type LinkInput = Pick<CreateIncidentInput, "people" | "newPeople" | "groups" | "applications">;

function incidentData(input: CreateIncidentInput | UpdateIncidentInput) {
  return {
    kind: input.kind,
    title: input.title,
    occurredOn: input.occurredOn,
    occurredOnPrecision: input.occurredOn ? input.occurredOnPrecision : "unknown",
    city: input.city,
    place: input.place,
    description: input.description,
    amount: input.amount,
    currency: input.amount === null ? "" : input.currency,
    perpetrator: input.perpetrator,
    isPublic: input.isPublic,
  };
}

/**
 * Every id the form sent must be one the form could have offered; otherwise nothing is
 * written. Links kept from the record as it was (`kept`) need no second look. An application
 * is linkable when the actor may read it: their groups' own or a published one.
 */
async function checkLinks(tx: Tx, actor: Actor, groupId: string, input: LinkInput, kept: { groups?: string[]; applications?: string[] } = {}) {
  const groupIdsToCheck = input.groups.filter((g) => !kept.groups?.includes(g));
  const appIds = input.applications.filter((a) => !kept.applications?.includes(a));
  const [people, groups, apps] = await Promise.all([
    input.people.length ? tx.person.count({ where: { id: { in: input.people }, groupId } }) : 0,
    groupIdsToCheck.length ? tx.group.count({ where: { AND: [{ id: { in: groupIdsToCheck } }, visibleGroupsWhere(actor)] } }) : 0,
    appIds.length ? tx.application.count({ where: { id: { in: appIds }, ...visibleWhere(actor) } }) : 0,
  ]);
  if (people !== input.people.length || groups !== groupIdsToCheck.length) throw new NotFoundError();
  if (apps !== appIds.length) throw new FieldError("applications", "application_not_readable");
}

/** Names typed in the form become private people of the incident's group. */
async function createPeople(tx: Tx, actor: Actor, groupId: string, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const fullName of names) {
    const person = await tx.person.create({ data: { groupId, ...(await namesFor(tx, groupId, fullName)), isPublic: false } });
    await logChange(tx, actor, { entity: "Person", entityId: person.id, groupId, action: "create", after: person });
    ids.push(person.id);
  }
  return ids;
}

/**
 * One entry per link. It enters a case's history only when the case is the incident's own
 * group's: another group's history is theirs to write, so a link to their case is logged
 * on the incident's side alone.
 */
async function linkApplications(tx: Tx, actor: Actor, incidentId: string, groupId: string, add: string[], remove: string[]) {
  const touched = [...add, ...remove];
  const own = new Set(
    touched.length ? (await tx.application.findMany({ where: { id: { in: touched }, groupId }, select: { id: true } })).map((a) => a.id) : [],
  );
  const caseOf = (applicationId: string) => (own.has(applicationId) ? applicationId : null);
  for (const applicationId of add) {
    await tx.incidentApplication.create({ data: { incidentId, applicationId } });
    await logChange(tx, actor, { entity: "IncidentApplication", entityId: incidentId, caseId: caseOf(applicationId), groupId, action: "create", after: { incidentId, applicationId } });
  }
  if (remove.length) await tx.incidentApplication.deleteMany({ where: { incidentId, applicationId: { in: remove } } });
  for (const applicationId of remove) {
    await logChange(tx, actor, { entity: "IncidentApplication", entityId: incidentId, caseId: caseOf(applicationId), groupId, action: "delete", before: { incidentId, applicationId } });
  }
}

/** With a submission key, a second submission of the same form shows the first one's incident. */
export async function createIncident(actor: Actor, input: CreateIncidentInput, key?: string): Promise<{ id: string; created: boolean }> {
  requireRole(actor, input.groupId, "editor");
  return createOnce(actor, key, "Incident", async () => (await insertIncident(actor, input, key)).id);
}

async function insertIncident(actor: Actor, input: CreateIncidentInput, key: string | undefined) {
  return db.$transaction(async (tx) => {
    await checkLinks(tx, actor, input.groupId, input);
    const incident = await tx.incident.create({ data: { groupId: input.groupId, createdById: actor.userId, ...incidentData(input) } });
    const personIds = [...input.people, ...(await createPeople(tx, actor, input.groupId, input.newPeople))];
    if (personIds.length) await tx.incidentPerson.createMany({ data: personIds.map((personId) => ({ incidentId: incident.id, personId })) });
    if (input.groups.length) await tx.incidentGroup.createMany({ data: input.groups.map((groupId) => ({ incidentId: incident.id, groupId })) });
    await logChange(tx, actor, {
      entity: "Incident",
      entityId: incident.id,
      groupId: input.groupId,
      action: "create",
      after: { ...incident, people: personIds.join(","), groups: input.groups.join(",") },
    });
    await linkApplications(tx, actor, incident.id, input.groupId, input.applications, []);
    await rememberKey(tx, actor, key, "Incident", incident.id);
    return incident;
  });
}

async function editableIncident(tx: Tx, actor: Actor, id: string) {
  const incident = await tx.incident.findFirst({
    where: { id, groupId: { in: groupIds(actor) } },
    include: { people: { include: { person: { select: { groupId: true } } } }, groups: true, applications: { include: { application: { select: { groupId: true, isPublic: true } } } } },
  });
  if (!incident) throw new NotFoundError();
  requireRole(actor, incident.groupId, "editor");
  return incident;
}

export async function updateIncident(actor: Actor, input: UpdateIncidentInput, edit?: SubmittedEdit) {
  try {
    return await saveIncident(actor, input);
  } catch (e) {
    if (!(e instanceof ConflictError) || !edit?.base) throw e;
    // Someone saved the incident since the form was loaded: both edits, merged against the base.
    const current = await db.incident.findUnique({ where: { id: input.id }, include: { people: true, groups: true, applications: true } });
    if (!current) throw e;
    const theirs = { ...current, people: current.people.map((l) => l.personId), groups: current.groups.map((l) => l.groupId), applications: current.applications.map((l) => l.applicationId) };
    const merge = mergeIncident(edit.base, edit.mine, theirs);
    throw new ConflictError({ version: current.version, merge: { ...merge, values: { ...merge.values, id: input.id, version: String(current.version) } } });
  }
}

async function saveIncident(actor: Actor, input: UpdateIncidentInput) {
  return db.$transaction(async (tx) => {
    const before = await editableIncident(tx, actor, input.id);
    const groupId = before.groupId;
    await checkLinks(tx, actor, groupId, input, { groups: before.groups.map((g) => g.groupId), applications: before.applications.map((l) => l.applicationId) });
    await updateVersioned(tx.incident, before.id, input.version, incidentData(input));

    // Links the form could not show (another group's people, applications the group can no
    // longer see) are kept: the form only replaces what it offered.
    const shownPeople = before.people.filter((l) => l.person.groupId === groupId).map((l) => l.personId);
    const wantPeople = [...input.people, ...(await createPeople(tx, actor, groupId, input.newPeople))];
    const dropPeople = shownPeople.filter((p) => !wantPeople.includes(p));
    const addPeople = wantPeople.filter((p) => !before.people.some((l) => l.personId === p));
    if (dropPeople.length) await tx.incidentPerson.deleteMany({ where: { incidentId: before.id, personId: { in: dropPeople } } });
    if (addPeople.length) await tx.incidentPerson.createMany({ data: addPeople.map((personId) => ({ incidentId: before.id, personId })) });

    const hadGroups = before.groups.map((g) => g.groupId);
    const dropGroups = hadGroups.filter((g) => !input.groups.includes(g));
    const addGroups = input.groups.filter((g) => !hadGroups.includes(g));
    if (dropGroups.length) await tx.incidentGroup.deleteMany({ where: { incidentId: before.id, groupId: { in: dropGroups } } });
    if (addGroups.length) await tx.incidentGroup.createMany({ data: addGroups.map((g) => ({ incidentId: before.id, groupId: g })) });

    const shownApps = before.applications.filter((l) => l.application.isPublic || can(actor, l.application.groupId, "viewer")).map((l) => l.applicationId);
    const dropApps = shownApps.filter((a) => !input.applications.includes(a));
    const addApps = input.applications.filter((a) => !before.applications.some((l) => l.applicationId === a));

    const after = await tx.incident.findUniqueOrThrow({ where: { id: before.id }, include: { people: true, groups: true } });
    const { people, groups, applications, ...plainBefore } = before;
    void applications;
    await logChange(tx, actor, {
      entity: "Incident",
      entityId: before.id,
      groupId,
      action: "update",
      before: { ...plainBefore, people: people.map((p) => p.personId).sort().join(","), groups: groups.map((g) => g.groupId).sort().join(",") },
      after: { ...after, people: after.people.map((p) => p.personId).sort().join(","), groups: after.groups.map((g) => g.groupId).sort().join(",") },
    });
    await linkApplications(tx, actor, before.id, groupId, addApps, dropApps);
    return after;
  });
}

export async function deleteIncident(actor: Actor, id: string) {
  return db.$transaction(async (tx) => {
    const incident = await editableIncident(tx, actor, id);
    const { people, groups, applications, ...plain } = incident;
    void people;
    void groups;
    await linkApplications(tx, actor, incident.id, incident.groupId, [], applications.map((l) => l.applicationId));
    await tx.incident.deleteMany({ where: { id: incident.id, groupId: incident.groupId } });
    await logChange(tx, actor, { entity: "Incident", entityId: incident.id, groupId: incident.groupId, action: "delete", before: plain });
  });
}

// ───────────────────────────── reads

export interface IncidentFilters {
  kind?: string;
  year?: string;
  city?: string;
  group?: string;
  q?: string;
  page?: number;
}

export const INCIDENTS_PAGE_SIZE = 25;

export function incidentFilterWhere(actor: Actor | null, f: IncidentFilters): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [visibleWhere(actor)];
  if (f.kind && isOneOf(INCIDENT_KINDS, f.kind)) and.push({ kind: f.kind });
  if (f.year && /^\d{4}$/.test(f.year)) and.push({ occurredOn: { startsWith: f.year } });
  if (f.city?.trim()) and.push({ city: f.city.trim() });
  // An incident concerns a group when it owns the record or is linked to it.
  if (f.group?.trim()) and.push({ OR: [{ groupId: f.group.trim() }, { groups: { some: { groupId: f.group.trim() } } }] });
  const q = searchTerm(f.q);
  if (q) {
    and.push({
      OR: [
        { description: contains(q) },
        { perpetrator: contains(q) },
        // Titles and places in any script: «алматы» finds "Almaty" (lib/domain/fold.ts).
        ...searchVariants(q).flatMap((v) => [{ title: contains(v) }, { titleRu: contains(v) }, { titleKk: contains(v) }, { place: contains(v) }, { placeRu: contains(v) }, { placeKk: contains(v) }, { city: contains(v) }]),
      ],
    });
    // Other groups' incidents are not found through the people they keep private (visibility.ts).
    and.push({ NOT: { groupId: { notIn: groupIds(actor) }, people: { some: { person: withheldPersonMatching(q) } } } });
  }
  return { AND: and };
}

/** A page of incidents; the free text of other groups' incidents is redacted as a case's is (lib/data/visibility.ts). */
export async function listIncidents(actor: Actor | null, f: IncidentFilters, locale: Locale = DEFAULT_LOCALE) {
  const where = incidentFilterWhere(actor, f);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const [total, rows] = await Promise.all([
    db.incident.count({ where }),
    db.incident.findMany({
      where,
      orderBy: [{ occurredOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      skip: (page - 1) * INCIDENTS_PAGE_SIZE,
      take: INCIDENTS_PAGE_SIZE,
      include: {
        groups: { include: { group: { select: { id: true, name: true } } } },
        people: { select: { person: { select: personSelect } } },
        _count: { select: { applications: true, people: true } },
      },
    }),
  ]);
  const seen = rows.map(({ people, ...row }) => redactRecord(actor, row.groupId, people.map((l) => l.person), row, locale));
  return { rows: seen, total, page, pageCount: Math.ceil(total / INCIDENTS_PAGE_SIZE) };
}

/** Cities and years that occur among the visible incidents, and groups, for the filters. */
export async function incidentFilterOptions(actor: Actor | null) {
  const [rows, groups] = await Promise.all([
    db.incident.findMany({ where: visibleWhere(actor), select: { city: true, occurredOn: true } }),
    db.group.findMany({ where: visibleGroupsWhere(actor, ["incident"]), orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const cities = [...new Set(rows.map((r) => r.city).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const years = [...new Set(rows.map((r) => r.occurredOn?.slice(0, 4)).filter((y): y is string => Boolean(y)))].sort().reverse();
  return { cities, years, groups };
}

/** One incident with its links, personal data trimmed to what the caller may see. */
// Cached per request: the page and its metadata both read it.
export const getIncident = cache(async (actor: Actor | null, id: string, locale: Locale = DEFAULT_LOCALE) => {
  const incident = await db.incident.findFirst({
    where: { id, ...visibleWhere(actor) },
    include: {
      group: { select: { id: true, name: true } },
      people: { include: { person: { select: { id: true, roleTitle: true, ...personSelect } } } },
      groups: { include: { group: { select: { id: true, name: true, slug: true } } } },
      applications: { include: { application: { select: { id: true, title: true, titleRu: true, titleKk: true, filedOn: true, filedOnPrecision: true, isPublic: true, groupId: true, status: true } } } },
    },
  });
  if (!incident) throw new NotFoundError();
  const named = incident.people.map((l) => l.person);
  const people = named.filter((p) => p.isPublic || can(actor, p.groupId, "viewer")).map((p) => ({ id: p.id, fullName: p.fullName, roleTitle: p.roleTitle, isPublic: p.isPublic, groupId: p.groupId }));
  const applications = await redactApplicationTitles(
    actor,
    incident.applications.map((l) => l.application).filter((a) => a.isPublic || can(actor, a.groupId, "viewer")),
    locale,
  );
  const citations = await db.citation.findMany({
    where: { recordType: "Incident", recordId: incident.id, source: visibleWhere(actor) },
    include: { source: { select: { id: true, slug: true, title: true, titleRu: true, titleKk: true, publisher: true, publishedOn: true, publishedOnPrecision: true, url: true } } },
    orderBy: { createdAt: "asc" },
  });
  // The people it names are cut out of its text for readers outside the owning group, as on a case.
  const seen = redactRecord(actor, incident.groupId, named, { ...incident, people, groups: incident.groups.map((l) => l.group), citations }, locale);
  return {
    ...seen,
    hiddenPeople: incident.people.length - people.length,
    applications,
    canEdit: can(actor, incident.groupId, "editor"),
  };
});

export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;

/** What the incident form offers for a group: its people, the groups and applications the actor may see. */
export async function getIncidentFormOptions(actor: Actor, groupId: string) {
  requireRole(actor, groupId, "editor");
  const [people, groups, applications] = await Promise.all([
    // Sorted here: where the group encrypts names, the database holds only ciphertext to sort.
    db.person.findMany({ where: { groupId }, select: { id: true, fullName: true, roleTitle: true } }).then((rows) => rows.sort((a, b) => a.fullName.localeCompare(b.fullName) || a.id.localeCompare(b.id))),
    db.group.findMany({ where: visibleGroupsWhere(actor), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.application.findMany({
      where: visibleWhere(actor),
      orderBy: [{ filedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      select: { id: true, title: true, titleRu: true, titleKk: true, filedOn: true, filedOnPrecision: true, city: true },
      take: 1000,
    }),
  ]);
  return { people, groups, applications };
}

/** Groups the actor may create an incident for; the chosen one (or the first) drives the form. */
export function incidentGroupsFor(actor: Actor) {
  return writableGroups(actor);
}

/** An incident and its current links, for its group's editors. */
export async function getIncidentForEdit(actor: Actor, id: string) {
  const incident = await db.incident.findFirst({
    where: { id, groupId: { in: groupIds(actor) } },
    include: { people: true, groups: true, applications: true, group: { select: { name: true } } },
  });
  if (!incident) throw new NotFoundError();
  requireRole(actor, incident.groupId, "editor");
  return incident;
}
