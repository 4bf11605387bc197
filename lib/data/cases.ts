import "server-only";
import { cache } from "react";
import { readerFor, type Db } from "../db";
import { versionedCache } from "../db-client";
import { accessKey, can, caseGrant, forCase, visibleCasesWhere, visibleWhere, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { appealClockOpen, caseClockInput, effectiveDeadline, nextDeadline, nextHearing, parallelClocks, storedOverride } from "../domain/deadlines";
import { deriveStatus } from "../domain/status";
import { todayIn } from "../domain/dates";
import { loadClock } from "./rules";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { disclosureFor, discloseAttachments, discloseCase, peopleOf, withheldMark } from "./visibility";
import { acceptedOrganizers } from "./scope";

const caseInclude = {
  group: { select: { id: true, name: true, slug: true, timeZone: true } },
  authority: true,
  organizers: { ...acceptedOrganizers, include: { group: { select: { id: true, name: true, slug: true } } } },
  applicants: { include: { person: true } },
  parts: { orderBy: { position: "asc" as const } },
  answers: {
    orderBy: [{ receivedOn: "asc" as const }, { createdAt: "asc" as const }],
    include: {
      partOutcomes: true,
      grounds: { include: { ground: true } },
      evidence: { orderBy: { createdAt: "asc" as const } },
    },
  },
  appealStages: {
    orderBy: [{ filedOn: "asc" as const }, { createdAt: "asc" as const }],
    include: { body: true, hearings: { orderBy: [{ heldOn: "asc" as const }, { createdAt: "asc" as const }] }, ruling: true },
  },
  events: { orderBy: [{ occurredOn: "asc" as const }, { createdAt: "asc" as const }] },
  incidents: { include: { incident: { include: { people: { include: { person: true } }, groups: { include: { group: { select: { id: true, name: true } } } } } } } },
};

/** How a case is read: the reader's language (for the mark left where data was cut out), and less than they may see. */
export interface CaseReading {
  locale?: Locale;
  /** No one's personal data (a share link or a print made without it). */
  withholdPersonal?: boolean;
  /** No notes or change history (what a member shares). */
  withholdInternal?: boolean;
}

/**
 * Everything about one application that the caller may see, or NotFoundError. Another
 * group's private case is indistinguishable from a missing one. What a reader outside the
 * owning group sees is decided by discloseCase (lib/data/visibility.ts): no notes or history,
 * no private people, and their names, IINs, addresses and phones cut out of every string.
 * Kept until anything is written (versionedCache), per case and per visibility scope: what a
 * caller sees depends only on their memberships and roles, so those are the key. Callers
 * must not mutate it.
 */
export function getCase(actor: Actor | null, id: string, reading: CaseReading = {}) {
  return getCaseCached(actor, id, reading.locale ?? DEFAULT_LOCALE, Boolean(reading.withholdPersonal), Boolean(reading.withholdInternal));
}

const getCaseCached = cache(async (actor: Actor | null, id: string, locale: Locale, withholdPersonal: boolean, withholdInternal: boolean) => {
  const key = `${accessKey(actor)}|${id}|${locale}|${withholdPersonal ? 1 : 0}${withholdInternal ? 1 : 0}`;
  // An anonymous reader's case page comes from the read replica when there is one (lib/db.ts).
  const client = readerFor(actor);
  const found = await caseCache(client, key, () => computeCase(client, actor, id, { locale, withholdPersonal, withholdInternal }));
  if (!found) throw new NotFoundError();
  return found;
});

const caseCache = versionedCache<Awaited<ReturnType<typeof computeCase>>>(200);

// `db` here is the client readerFor() chose: the replica for an anonymous reader.
async function computeCase(db: Db, actor: Actor | null, id: string, reading: Required<CaseReading>) {
  const app = await db.application.findFirst({ where: { id, ...visibleCasesWhere(actor) }, include: caseInclude });
  if (!app) return null;
  // A coalition member reads this case as a member of its group (lib/auth/access forCase);
  // the linked incidents and the sources stay decided by their own memberships.
  const reader = forCase(actor, app);
  const isOwnerMember = can(actor, app.groupId, "viewer");
  const isMember = can(reader, app.groupId, "viewer");
  // Everyone the case names, before anything is hidden: a hidden person's name is still cut out of the text.
  const people = peopleOf({ applicants: app.applicants, incidents: app.incidents.map((l) => l.incident) });
  const incidents = app.incidents.map((l) => l.incident).filter((i) => i.isPublic || can(actor, i.groupId, "viewer"));

  const recordIds = [
    app.id,
    ...app.parts.map((p) => p.id),
    ...app.answers.flatMap((a) => [a.id, ...a.evidence.map((e) => e.id)]),
    ...app.appealStages.flatMap((s) => [s.id, ...s.hearings.map((h) => h.id), ...(s.ruling ? [s.ruling.id] : [])]),
    ...app.events.map((e) => e.id),
    ...incidents.map((i) => i.id),
  ];
  const [citations, history, clock, attachments] = await Promise.all([
    db.citation.findMany({
      where: { recordId: { in: recordIds }, source: visibleWhere(actor) },
      include: { source: { select: { id: true, slug: true, title: true, publisher: true, publishedOn: true, publishedOnPrecision: true, url: true } } },
      orderBy: { createdAt: "asc" },
    }),
    isMember && !reading.withholdInternal ? db.changeLog.findMany({ where: { caseId: app.id }, orderBy: { at: "desc" }, take: 200 }) : Promise.resolve([]),
    loadClock(),
    // The case's documents and those of the incidents it links (an incident may belong to several cases).
    db.attachment.findMany({
      where: { deletedAt: null, OR: [{ applicationId: app.id }, { subjectType: "incident", subjectId: { in: incidents.map((i) => i.id) } }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);

  const clockInput = caseClockInput(app, app.answers[app.answers.length - 1], app.events.some((e) => e.kind === "withdrawn"));
  // The date set by hand, if a member set one for this clock; the computed one stays beside it.
  const deadline = effectiveDeadline(nextDeadline(clockInput, clock.rules, clock.calendar), storedOverride(app));
  const alsoRunning = parallelClocks(clockInput, clock.rules, clock.calendar);

  // The stored status was derived when the case last changed; a clock may have run out since.
  // "Today" is the group's: a deadline ends at midnight where the group is.
  const today = todayIn(app.group.timeZone);
  const status = deriveStatus({ ...app, stages: app.appealStages, appealClockOpen: appealClockOpen(deadline, today) });

  // The case's own documents as a member reads them; an incident's as its own group decides.
  const shown = new Set(recordIds);
  const disclosed = [...discloseAttachments(attachments.filter((a) => a.applicationId === app.id), reader, shown), ...discloseAttachments(attachments.filter((a) => a.applicationId !== app.id), actor, shown)];
  const order = new Map(attachments.map((a, i) => [a.id, i]));
  disclosed.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  const whole = { ...app, status, incidents, citations, history, attachments: disclosed };
  const granted = disclosureFor(reader, app.groupId, reading);
  // Through a coalition, the case's applicants are known; the people of a linked incident stay
  // the incident group's (a coalition member sees them as any other group does).
  const applicantIds = new Set(app.applicants.map((a) => a.person.id));
  const disclosure = isOwnerMember ? granted : { ...granted, knows: (p: { groupId: string; id?: string }) => can(actor, p.groupId, "viewer") || (granted.knows(p) && p.id !== undefined && applicantIds.has(p.id)) };
  const seen = discloseCase(whole, people, disclosure, withheldMark(reading.locale));
  return {
    ...seen,
    nextHearing: nextHearing(seen.appealStages, today),
    // Who set a date by hand and why is the group's own business; the date itself is the case's.
    deadline: deadline && !disclosure.internal ? { ...deadline, override: deadline.override ? { ...deadline.override, reason: "", byName: "" } : null } : deadline,
    alsoRunning,
    today,
    isMember,
    /** A member of the owning group (not only through a coalition): share links, next steps, filings, the deadline set by hand. */
    isOwnerMember,
    /** Through which of the reader's groups a shared case is read, if it is. */
    viaGroupName: isOwnerMember ? null : (caseGrant(actor, app)?.viaGroupName ?? null),
    canEdit: can(reader, app.groupId, "editor"),
    canOwnerEdit: can(actor, app.groupId, "editor"),
    canAdmin: can(actor, app.groupId, "admin"),
  };
}

export type CaseData = Awaited<ReturnType<typeof getCase>>;
