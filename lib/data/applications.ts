import "server-only";
import { versionedCache } from "../db-client";
import { backgroundCache } from "./background-cache";
import { db, readerFor, type Db, type Tx } from "../db";
import { can, groupIds, memberCasesWhere, requireCaseRole, requireRole, visibilityKey, visibleCasesWhere, visibleWhere, writableGroups, type Actor } from "../auth/access";
import { ConflictError, NotFoundError } from "../errors";
import { procedureFor, type AssemblyForm } from "../domain/vocabulary";
import { firstBefore } from "../domain/date-order";
import type { Prisma } from "../generated/sqlite/client";
import {
  FieldError,
  type ApplicantInput,
  type ApplicationFilters,
  type CreateApplicationInput,
  type PartInput,
  type UpdateApplicationInput,
} from "../validation/applications";
import { logChange } from "./audit";
import { attachmentTextMatching, contains, searchTerm } from "./text-search";
import { matchingApplicationIds } from "./search";
import { indexOnce } from "./search-index";
import { searchVariants } from "../domain/fold";
import { listAuthorities, resolveAuthority } from "./authorities";
import { recomputeCase } from "./case-state";
import { ACCEPTED_ORGANIZER, acceptedOrganizers, visibleAuthoritiesWhere, visibleGroupsWhere } from "./scope";
import { idNumberQuery, namedBy, redactApplicationTitles, withheldPersonMatching } from "./visibility";
import { namesFor } from "./person-names";
import { nameWords } from "../crypto/names";
import { searchHash } from "../crypto/fields";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { updateVersioned, type SubmittedEdit } from "./versioned";
import { createOnce, rememberKey } from "./submission-keys";
import { applicationFromRecord, applicationFromSubmitted, type ApplicationValues } from "../domain/application-values";
import { mergeApplication, type ApplicationMerge } from "../domain/merge";

// ───────────────────────────── the form's choices

export async function applicationFormOptions(actor: Actor, record?: { authorityId: string | null; organizers: { groupId: string }[] }) {
  // An edit form also offers what the record already names (a coalition editor may not see
  // that authority or group named anywhere else): a select must not drop it on save.
  const keptGroups = record?.organizers.map((o) => o.groupId) ?? [];
  const [groups, listed, kept] = await Promise.all([
    db.group.findMany({ where: keptGroups.length ? { OR: [visibleGroupsWhere(actor), { id: { in: keptGroups } }] } : visibleGroupsWhere(actor), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    listAuthorities(actor),
    record?.authorityId ? db.authority.findUnique({ where: { id: record.authorityId }, select: { id: true, name: true, nameRu: true, nameKk: true, kind: true, city: true } }) : null,
  ]);
  const authorities = kept && !listed.some((a) => a.id === kept.id) ? [...listed, kept] : listed;
  return {
    ownerGroups: writableGroups(actor).map((m) => ({ id: m.groupId, name: m.groupName })),
    groups,
    authorities,
  };
}
export type ApplicationFormOptions = Awaited<ReturnType<typeof applicationFormOptions>>;

// ───────────────────────────── create

function partData(p: PartInput, position: number) {
  return {
    position,
    form: p.form,
    place: p.place,
    route: p.route,
    eventDate: p.eventDate,
    eventDatePrecision: p.eventDate ? p.eventDatePrecision : "unknown",
    startTime: p.startTime,
    endTime: p.endTime,
    expectedParticipants: p.expectedParticipants,
    equipment: p.equipment.join(","),
  };
}

type ApplicationFieldsInput = Omit<CreateApplicationInput, "groupId" | "isPublic">;

/** The fields a form sets; visibility is not among them once the record exists (setApplicationPublic). */
function applicationData(input: ApplicationFieldsInput, authorityId: string | null) {
  return {
    title: input.title,
    procedure: procedureFor(input.parts.map((p) => p.form as AssemblyForm)),
    authorityId,
    city: input.city,
    purpose: input.purpose,
    filedOn: input.filedOn,
    filedOnPrecision: input.filedOn ? input.filedOnPrecision : "unknown",
    registrationNumber: input.registrationNumber,
    notes: input.notes,
    publicNote: input.publicNote,
  };
}

/** Organizers are chosen among the groups the form offered, or kept from the record as it was. */
async function checkOrganizers(tx: Tx, actor: Actor, ids: string[], already: string[] = []): Promise<void> {
  const fresh = ids.filter((id) => !already.includes(id));
  if (!fresh.length) return;
  const found = await tx.group.count({ where: { AND: [{ id: { in: fresh } }, visibleGroupsWhere(actor)] } });
  if (found !== fresh.length) throw new FieldError("organizerIds", "invalid_choice");
}

/**
 * A new organizer link. Naming the owning group, or a group the editor edits for, stands at
 * once; naming any other group is a request its admin accepts or declines (organizer-requests).
 */
function organizerRow(actor: Actor, applicationId: string, ownerGroupId: string, groupId: string, now: Date) {
  const consented = groupId === ownerGroupId || can(actor, groupId, "editor");
  return { applicationId, groupId, status: consented ? "accepted" : "pending", requestedById: actor.userId, requestedAt: now };
}

interface CaseRef {
  caseId: string;
  groupId: string;
}

/**
 * Applicants become people of the owning group, private by default. The same IIN within a
 * group is the same person, so a repeat applicant is not recorded twice.
 */
async function addApplicant(tx: Tx, actor: Actor, ref: CaseRef, a: ApplicantInput, linked: Set<string>): Promise<void> {
  // The IIN is sealed in the database: the same person is found by its keyed hash.
  let person = a.idNumber ? await tx.person.findFirst({ where: { groupId: ref.groupId, idNumberHash: searchHash(a.idNumber, "idNumber") } }) : null;
  if (!person) {
    person = await tx.person.create({
      data: { groupId: ref.groupId, isPublic: false, ...(await namesFor(tx, ref.groupId, a.fullName)), idNumber: a.idNumber, address: a.address, phone: a.phone },
    });
    await logChange(tx, actor, { entity: "Person", entityId: person.id, ...ref, action: "create", after: person });
  }
  if (linked.has(person.id)) return;
  linked.add(person.id);
  const applicant = await tx.applicant.create({ data: { applicationId: ref.caseId, personId: person.id } });
  await logChange(tx, actor, { entity: "Applicant", entityId: applicant.id, ...ref, action: "create", after: applicant });
}

/** With a submission key, a second submission of the same form is handed the first one's case. */
export async function createApplication(actor: Actor, input: CreateApplicationInput, key?: string): Promise<string> {
  requireRole(actor, input.groupId, "editor");
  return (await createOnce(actor, key, "Application", () => insertApplication(actor, input, key))).id;
}

async function insertApplication(actor: Actor, input: CreateApplicationInput, key: string | undefined): Promise<string> {
  // The application, each part and each applicant are logged: the case is indexed once, at the end.
  return db.$transaction(async (tx) => indexOnce(tx, async () => {
    await checkOrganizers(tx, actor, input.organizerIds);
    const authorityId = await resolveAuthority(tx, actor, input, input.groupId, input.city);
    const app = await tx.application.create({
      data: { ...applicationData(input, authorityId), isPublic: input.isPublic, groupId: input.groupId, requestCount: 1, createdById: actor.userId },
    });
    const ref = { caseId: app.id, groupId: app.groupId };
    const now = new Date();
    await tx.applicationGroup.createMany({ data: input.organizerIds.map((groupId) => organizerRow(actor, app.id, app.groupId, groupId, now)) });
    await logChange(tx, actor, { entity: "Application", entityId: app.id, ...ref, action: "create", after: { ...app, organizerIds: input.organizerIds.join(",") } });
    for (const [i, p] of input.parts.entries()) {
      const part = await tx.part.create({ data: { ...partData(p, i), applicationId: app.id } });
      await logChange(tx, actor, { entity: "Part", entityId: part.id, ...ref, action: "create", after: part });
    }
    const linked = new Set<string>();
    for (const a of input.applicants) await addApplicant(tx, actor, ref, a, linked);
    await recomputeCase(tx, app.id);
    await rememberKey(tx, actor, key, "Application", app.id);
    return app.id;
  }));
}

// ───────────────────────────── edit

const editInclude = {
  group: { select: { id: true, name: true } },
  authority: { select: { id: true, name: true, city: true } },
  organizers: { select: { groupId: true } },
  applicants: { include: { person: true }, orderBy: { id: "asc" as const } },
  parts: { orderBy: { position: "asc" as const }, include: { _count: { select: { outcomes: true } } } },
};

/** The record as its editors see it, personal data included; others get NotFound/Forbidden. */
export async function getApplicationForEdit(actor: Actor, id: string) {
  const app = await db.application.findFirst({ where: { id, ...memberCasesWhere(actor) }, include: editInclude });
  if (!app) throw new NotFoundError();
  requireCaseRole(actor, app, "editor");
  return app;
}
export type ApplicationForEdit = Awaited<ReturnType<typeof getApplicationForEdit>>;

/** What the record holds now, for a form that lost a race: shown beside what the user typed. */
export async function applicationSnapshot(client: Tx, id: string) {
  const app = await client.application.findUnique({ where: { id }, include: { authority: { select: { name: true } }, organizers: { include: { group: { select: { name: true } } } }, parts: { orderBy: { position: "asc" } }, applicants: { include: { person: { select: { fullName: true } } } } } });
  if (!app) return null;
  return {
    version: app.version,
    updatedAt: app.updatedAt.toISOString(),
    title: app.title,
    isPublic: app.isPublic,
    authority: app.authority?.name ?? "",
    organizers: app.organizers.map((o) => o.group.name),
    city: app.city,
    purpose: app.purpose,
    filedOn: app.filedOn,
    filedOnPrecision: app.filedOnPrecision,
    registrationNumber: app.registrationNumber,
    notes: app.notes,
    applicants: app.applicants.map((a) => a.person.fullName),
    parts: app.parts.map((p) => ({ form: p.form, place: p.place, route: p.route, eventDate: p.eventDate, startTime: p.startTime, endTime: p.endTime })),
  };
}
export type ApplicationSnapshot = NonNullable<Awaited<ReturnType<typeof applicationSnapshot>>>;

export type ApplicationConflict = ApplicationSnapshot & { merge?: ApplicationMerge & { base: ApplicationValues } };

export async function updateApplication(actor: Actor, input: UpdateApplicationInput, edit?: SubmittedEdit): Promise<void> {
  const existing = await db.application.findFirst({ where: { id: input.id, ...memberCasesWhere(actor) }, select: { id: true, groupId: true, organizers: { select: { groupId: true } } } });
  if (!existing) throw new NotFoundError();
  requireCaseRole(actor, existing, "editor");
  // Who organizes and who has access is the owning group's to decide: a coalition editor's
  // save keeps the organizers as they are.
  if (!can(actor, existing.groupId, "editor")) input = { ...input, organizerIds: existing.organizers.map((o) => o.groupId) };
  try {
    await db.$transaction((tx) => indexOnce(tx, () => applyUpdate(tx, actor, input, existing.groupId)));
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(await applicationConflict(input.id, edit));
    throw e;
  }
}

/**
 * Someone saved since the form was loaded: the record as it is now and, when the form sent
 * its base, the three-way merge — their changes kept, this user's changes kept, and the
 * fields both changed listed. The form shows the merge and saves over the current version.
 */
async function applicationConflict(id: string, edit?: SubmittedEdit): Promise<ApplicationConflict | null> {
  const snapshot = await applicationSnapshot(db, id);
  if (!snapshot || !edit?.base) return snapshot;
  const current = await db.application.findUnique({ where: { id }, include: editInclude });
  if (!current) return snapshot;
  const theirs = applicationFromRecord(current);
  const merge = mergeApplication(applicationFromSubmitted(edit.base, theirs), applicationFromSubmitted(edit.mine, theirs), theirs);
  return { ...snapshot, merge: { ...merge, base: theirs } };
}

async function applyUpdate(tx: Tx, actor: Actor, input: UpdateApplicationInput, groupId: string): Promise<void> {
  const ref = { caseId: input.id, groupId };
  const before = await tx.application.findFirst({ where: { id: input.id, groupId }, include: editInclude });
  if (!before) throw new NotFoundError();
  // The application cannot have been filed after the answers already recorded to it.
  const answers = await tx.answer.findMany({ where: { applicationId: input.id }, select: { receivedOn: true, receivedOnPrecision: true } });
  if (firstBefore(answers.map((a) => ({ date: a.receivedOn, precision: a.receivedOnPrecision })), { date: input.filedOn, precision: input.filedOnPrecision })) {
    throw new FieldError("filedOn", "filing_after_answer");
  }
  await checkOrganizers(tx, actor, input.organizerIds, before.organizers.map((o) => o.groupId));
  // The authority the record already names stands without being offered again (as organizers do).
  const authorityId = input.authorityId && input.authorityId === before.authorityId ? before.authorityId : await resolveAuthority(tx, actor, input, groupId, input.city);
  // First, so that a stale form changes nothing at all.
  await updateVersioned(tx.application, input.id, input.version, applicationData(input, authorityId));

  const oldOrganizers = before.organizers.map((o) => o.groupId).sort();
  const newOrganizers = [...input.organizerIds].sort();
  if (oldOrganizers.join() !== newOrganizers.join()) {
    // Links that stay keep their state: a pending request stays pending, an accepted one accepted.
    const dropped = oldOrganizers.filter((g) => !newOrganizers.includes(g));
    const added = newOrganizers.filter((g) => !oldOrganizers.includes(g));
    if (dropped.length) await tx.applicationGroup.deleteMany({ where: { applicationId: input.id, groupId: { in: dropped } } });
    const now = new Date();
    if (added.length) await tx.applicationGroup.createMany({ data: added.map((g) => organizerRow(actor, input.id, groupId, g, now)) });
  }
  const after = await tx.application.findUniqueOrThrow({ where: { id: input.id } });
  await logChange(tx, actor, {
    entity: "Application",
    entityId: input.id,
    ...ref,
    action: "update",
    before: { ...before, organizerIds: oldOrganizers.join(",") },
    after: { ...after, organizerIds: newOrganizers.join(",") },
  });

  await syncParts(tx, actor, ref, before.parts, input.parts);
  await syncApplicants(tx, actor, ref, before.applicants, input.applicants);
  await recomputeCase(tx, input.id);
}

/**
 * Parts are matched by id. A part the authority has already answered is never deleted
 * here: the answer is part of the legal record. The user edits the answer first.
 */
async function syncParts(tx: Tx, actor: Actor, ref: CaseRef, stored: ApplicationForEdit["parts"], submitted: PartInput[]) {
  const byId = new Map(stored.map((p) => [p.id, p]));
  const kept = new Set<string>();
  for (const [i, p] of submitted.entries()) {
    if (p.id && !byId.has(p.id)) throw new FieldError(`parts.${i}.form`, "invalid");
    if (p.id) kept.add(p.id);
  }
  for (const p of stored) {
    if (!kept.has(p.id) && p._count.outcomes > 0) throw new FieldError("parts", "part_has_outcomes");
  }
  for (const p of stored) {
    if (kept.has(p.id)) continue;
    await tx.part.delete({ where: { id: p.id } });
    await logChange(tx, actor, { entity: "Part", entityId: p.id, ...ref, action: "delete", before: p });
  }
  for (const [i, p] of submitted.entries()) {
    const data = partData(p, i);
    const old = p.id ? byId.get(p.id) : undefined;
    if (old) {
      const updated = await tx.part.update({ where: { id: old.id }, data });
      await logChange(tx, actor, { entity: "Part", entityId: old.id, ...ref, action: "update", before: old, after: updated });
    } else {
      const created = await tx.part.create({ data: { ...data, applicationId: ref.caseId } });
      await logChange(tx, actor, { entity: "Part", entityId: created.id, ...ref, action: "create", after: created });
    }
  }
}

/** Removing an applicant unlinks the person; the person stays (incidents may name them). */
async function syncApplicants(tx: Tx, actor: Actor, ref: CaseRef, stored: ApplicationForEdit["applicants"], submitted: ApplicantInput[]) {
  const byPerson = new Map(stored.map((a) => [a.personId, a]));
  const kept = new Set(submitted.map((a) => a.personId).filter(Boolean));
  for (const [i, a] of submitted.entries()) if (a.personId && !byPerson.has(a.personId)) throw new FieldError(`applicants.${i}.fullName`, "invalid");
  for (const a of stored) {
    if (kept.has(a.personId)) continue;
    await tx.applicant.delete({ where: { id: a.id } });
    await logChange(tx, actor, { entity: "Applicant", entityId: a.id, ...ref, action: "delete", before: { id: a.id, applicationId: a.applicationId, personId: a.personId, role: a.role } });
  }
  const linked = new Set(kept);
  for (const a of submitted) {
    const old = a.personId ? byPerson.get(a.personId) : undefined;
    if (!old) {
      await addApplicant(tx, actor, ref, a, linked);
      continue;
    }
    // A person shared from another group's records is theirs to edit.
    if (old.person.groupId !== ref.groupId) continue;
    const p = old.person;
    if (p.fullName === a.fullName && p.idNumber === a.idNumber && p.address === a.address && p.phone === a.phone) continue;
    const updated = await tx.person.update({
      where: { id: p.id },
      data: { ...(await namesFor(tx, ref.groupId, a.fullName, p.altNames)), idNumber: a.idNumber, address: a.address, phone: a.phone, version: { increment: 1 } },
    });
    await logChange(tx, actor, { entity: "Person", entityId: p.id, ...ref, action: "update", before: p, after: updated });
  }
}

// ───────────────────────────── publish, delete

async function ownedApplication(actor: Actor, id: string) {
  const app = await db.application.findFirst({ where: { id, groupId: { in: groupIds(actor) } } });
  if (!app) throw new NotFoundError();
  return app;
}

/** Publishing shows the record to everyone; its applicants stay private (Person.isPublic). */
export async function setApplicationPublic(actor: Actor, id: string, isPublic: boolean): Promise<void> {
  const app = await ownedApplication(actor, id);
  requireRole(actor, app.groupId, "editor");
  if (app.isPublic === isPublic) return;
  await db.$transaction(async (tx) => {
    const after = await tx.application.update({ where: { id, groupId: app.groupId }, data: { isPublic, version: { increment: 1 } } });
    await logChange(tx, actor, { entity: "Application", entityId: id, caseId: id, groupId: app.groupId, action: "update", before: app, after });
  });
}

/** Deletes the case with everything under it, and the citations that pointed at it. */
export async function deleteApplication(actor: Actor, id: string): Promise<void> {
  const app = await ownedApplication(actor, id);
  requireRole(actor, app.groupId, "admin");
  await db.$transaction(async (tx) => {
    const full = await tx.application.findUniqueOrThrow({
      where: { id },
      select: {
        parts: { select: { id: true } },
        answers: { select: { id: true, evidence: { select: { id: true } } } },
        appealStages: { select: { id: true, hearings: { select: { id: true } }, ruling: { select: { id: true } } } },
        events: { select: { id: true } },
      },
    });
    const recordIds = [
      id,
      ...full.parts.map((p) => p.id),
      ...full.answers.flatMap((a) => [a.id, ...a.evidence.map((e) => e.id)]),
      ...full.appealStages.flatMap((s) => [s.id, ...s.hearings.map((h) => h.id), ...(s.ruling ? [s.ruling.id] : [])]),
      ...full.events.map((e) => e.id),
    ];
    await tx.citation.deleteMany({ where: { recordId: { in: recordIds } } });
    await tx.application.delete({ where: { id } });
    await logChange(tx, actor, { entity: "Application", entityId: id, caseId: id, groupId: app.groupId, action: "delete", before: app });
  });
}

// ───────────────────────────── find

/**
 * The filters become the Prisma where clause, under the caller's visibility. `indexed`: the
 * cases the full-text index finds for the text filter (lib/data/search.ts), under the same
 * visibility — words in any form («отказали» finds «отказ») in any of the case's records.
 */
export function applicationsWhere(actor: Actor | null, f: ApplicationFilters, indexed: readonly string[] | null = null): Prisma.ApplicationWhereInput {
  const and: Prisma.ApplicationWhereInput[] = [visibleCasesWhere(actor)];
  if (f.year) and.push({ filedOn: { startsWith: `${f.year}-` } });
  if (f.city) and.push({ city: f.city });
  if (f.authority) and.push({ authorityId: f.authority });
  if (f.group) and.push({ organizers: { some: { ...ACCEPTED_ORGANIZER, groupId: f.group } } });
  if (f.form) and.push({ parts: { some: { form: f.form } } });
  // A part refused inside a "mixed" answer is still a refusal to find.
  if (f.outcome) and.push({ OR: [{ outcome: f.outcome }, { parts: { some: { outcome: f.outcome } } }] });
  if (f.ground) and.push({ answers: { some: { grounds: { some: { ground: { code: f.ground } } } } } });
  if (f.status) and.push({ status: f.status });
  if (f.visibility) and.push({ isPublic: f.visibility === "public" });
  const q = searchTerm(f.q);
  if (q) {
    and.push({
      OR: [
        ...(indexed?.length ? [{ id: { in: [...indexed] } }] : []),
        // Besides the index, a plain substring (part of a word, a registration number).
        { title: contains(q) },
        { purpose: contains(q) },
        // Notes are the owning group's: searching them from outside would tell what they say.
        { notes: contains(q), groupId: { in: groupIds(actor) } },
        { publicNote: contains(q) },
        { city: contains(q) },
        { registrationNumber: contains(q) },
        { answers: { some: { statedReason: contains(q) } } },
        { answers: { some: { grounds: { some: { words: contains(q) } } } } },
        // The recognised text of its documents: a group's own files for its members, and for
        // everyone else only files published on their own (a record's publication does not
        // publish its files).
        { attachments: { some: attachmentTextMatching(actor, q) } },
        // A member finds their group's case by an applicant's IIN (matched by its keyed hash).
        ...(idNumberQuery(q) ? [{ groupId: { in: groupIds(actor) }, applicants: { some: { person: { idNumberHash: searchHash(q, "idNumber") } } } }] : []),
        // A member finds their group's case by an applicant's name: every word of the search in
        // the name or its other spellings (by keyed word hashes where the group encrypts names).
        ...(nameWords(q).length ? [{ groupId: { in: groupIds(actor) }, applicants: { some: { person: namedBy(q) } } }] : []),
        // Titles, places and authorities in any script: «алматы» finds "Almaty" (lib/domain/fold.ts).
        ...searchVariants(q).flatMap((v) => [
          { title: contains(v) },
          { titleRu: contains(v) },
          { titleKk: contains(v) },
          { city: contains(v) },
          { parts: { some: { OR: [{ place: contains(v) }, { placeRu: contains(v) }, { placeKk: contains(v) }, { route: contains(v) }, { routeRu: contains(v) }, { routeKk: contains(v) }] } } },
          { authority: { OR: [{ name: contains(v) }, { nameRu: contains(v) }, { nameKk: contains(v) }, { city: contains(v) }] } },
        ]),
      ],
    });
    // Other groups' records are not found through the people they keep private (visibility.ts).
    const person = withheldPersonMatching(q);
    and.push({
      NOT: {
        groupId: { notIn: groupIds(actor) },
        OR: [{ applicants: { some: { person } } }, { incidents: { some: { incident: { people: { some: { person } } } } } }],
      },
    });
  }
  return { AND: and };
}

const ORDER: Record<ApplicationFilters["sort"], Prisma.ApplicationOrderByWithRelationInput[]> = {
  filed: [{ filedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
  filed_asc: [{ filedOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

const listCache = versionedCache<Awaited<ReturnType<typeof computeListApplications>>>();
/** A page of the list; titles of other groups' records are redacted as their case pages are. */
export async function listApplications(actor: Actor | null, f: ApplicationFilters, locale: Locale = DEFAULT_LOCALE) {
  const client = readerFor(actor);
  return listCache(client, `${visibilityKey(actor)}|${locale}|${JSON.stringify(f)}`, () => computeListApplications(client, actor, f, locale));
}
async function computeListApplications(client: Db, actor: Actor | null, f: ApplicationFilters, locale: Locale) {
  const q = searchTerm(f.q);
  const where = applicationsWhere(actor, f, q ? await matchingApplicationIds(actor, q) : null);
  const total = await client.application.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / f.pageSize));
  const page = Math.min(f.page, pageCount);
  const items = await client.application.findMany({
    where,
    orderBy: ORDER[f.sort],
    skip: (page - 1) * f.pageSize,
    take: f.pageSize,
    select: {
      id: true,
      groupId: true,
      isPublic: true,
      title: true, titleRu: true, titleKk: true,
      procedure: true,
      city: true,
      filedOn: true,
      filedOnPrecision: true,
      filedBefore: true,
      requestCount: true,
      status: true,
      outcome: true,
      updatedAt: true,
      authority: { select: { name: true, nameRu: true, nameKk: true } },
      organizers: { ...acceptedOrganizers, select: { group: { select: { id: true, name: true } } } },
      parts: { orderBy: { position: "asc" }, select: { form: true, outcome: true } },
    },
  });
  return { items: await redactApplicationTitles(actor, items, locale), total, page, pageCount, pageSize: f.pageSize };
}
export type ApplicationListItem = Awaited<ReturnType<typeof listApplications>>["items"][number];

/** The values the filters can take, from what the caller can see. */
const optionsCache = versionedCache<Awaited<ReturnType<typeof computeListFilterOptions>>>();
export async function listFilterOptions(actor: Actor | null) {
  const client = readerFor(actor);
  return optionsCache(client, visibilityKey(actor), () => computeListFilterOptions(client, actor));
}
/** The filter options as the list shows them: the last computed while a write's recompute runs in the background (lib/data/background-cache). */
const latestOptionsCache = backgroundCache<Awaited<ReturnType<typeof computeListFilterOptions>>>();
export async function latestListFilterOptions(actor: Actor | null) {
  return latestOptionsCache(actor, visibilityKey(actor), (client) => computeListFilterOptions(client, actor));
}
async function computeListFilterOptions(client: Db, actor: Actor | null) {
  const visible = visibleWhere(actor);
  const [dates, cities, authorities, groups, grounds] = await Promise.all([
    // GROUP BY in the database: Prisma's `distinct` fetches every row and drops repeats itself,
    // 100,000 rows through the client at 100k applications.
    client.application.groupBy({ by: ["filedOn"], where: { ...visible, filedOn: { not: null } } }),
    client.application.groupBy({ by: ["city"], where: { ...visible, city: { not: "" } }, orderBy: { city: "asc" } }),
    client.authority.findMany({ where: visibleAuthoritiesWhere(actor, ["filed"]), select: { id: true, name: true, nameRu: true, nameKk: true, city: true }, orderBy: { name: "asc" } }),
    client.group.findMany({ where: visibleGroupsWhere(actor, ["organizer"]), select: { id: true, name: true }, orderBy: { name: "asc" } }),
    client.refusalGround.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, labelEn: true, labelRu: true, labelKk: true } }),
  ]);
  const years = [...new Set(dates.map((d) => Number(d.filedOn!.slice(0, 4))))].sort((a, b) => b - a);
  return { years, cities: cities.map((c) => c.city), authorities, groups, grounds };
}
export type FilterOptions = Awaited<ReturnType<typeof listFilterOptions>>;
