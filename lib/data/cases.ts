import "server-only";
import { cache } from "react";
import { db } from "../db";
import { versionedCache } from "../db-client";
import { accessKey, can, visibleWhere, type Actor } from "../auth/access";
import { NotFoundError } from "../errors";
import { caseClockInput, nextDeadline } from "../domain/deadlines";
import { loadClock } from "./rules";
import { acceptedOrganizers } from "./scope";

const caseInclude = {
  group: { select: { id: true, name: true, slug: true } },
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

/**
 * Everything about one application that the caller may see, or NotFoundError. Another
 * group's private case is indistinguishable from a missing one. Kept until anything is
 * written (versionedCache), per case and per visibility scope: what a caller sees depends
 * only on their memberships and roles, so those are the key. Callers must not mutate it.
 */
export const getCase = cache(async (actor: Actor | null, id: string) => {
  const found = await caseCache(db, `${accessKey(actor)}|${id}`, () => computeCase(actor, id));
  if (!found) throw new NotFoundError();
  return found;
});

const caseCache = versionedCache<Awaited<ReturnType<typeof computeCase>>>(200);

async function computeCase(actor: Actor | null, id: string) {
  const app = await db.application.findFirst({ where: { id, ...visibleWhere(actor) }, include: caseInclude });
  if (!app) return null;
  const isMember = can(actor, app.groupId, "viewer");
  const incidents = app.incidents.map((l) => l.incident).filter((i) => i.isPublic || can(actor, i.groupId, "viewer"));

  // Personal data leaves the group only where the person chose to be public (e.g. named in the press).
  const applicants = app.applicants
    .filter((a) => isMember || a.person.isPublic)
    .map((a) => ({ ...a, person: isMember ? a.person : { ...a.person, idNumber: "", address: "", phone: "" } }));

  const recordIds = [
    app.id,
    ...app.parts.map((p) => p.id),
    ...app.answers.flatMap((a) => [a.id, ...a.evidence.map((e) => e.id)]),
    ...app.appealStages.flatMap((s) => [s.id, ...s.hearings.map((h) => h.id), ...(s.ruling ? [s.ruling.id] : [])]),
    ...app.events.map((e) => e.id),
    ...incidents.map((i) => i.id),
  ];
  const [citations, history, clock] = await Promise.all([
    db.citation.findMany({
      where: { recordId: { in: recordIds }, source: visibleWhere(actor) },
      include: { source: { select: { id: true, slug: true, title: true, publisher: true, publishedOn: true, publishedOnPrecision: true, url: true } } },
      orderBy: { createdAt: "asc" },
    }),
    isMember ? db.changeLog.findMany({ where: { caseId: app.id }, orderBy: { at: "desc" }, take: 200 }) : Promise.resolve([]),
    loadClock(),
  ]);

  const deadline = nextDeadline(
    caseClockInput(app, app.answers[app.answers.length - 1], app.events.some((e) => e.kind === "withdrawn")),
    clock.rules,
    clock.calendar,
  );

  return {
    ...app,
    applicants,
    incidents,
    citations,
    history,
    deadline,
    isMember,
    canEdit: can(actor, app.groupId, "editor"),
    canAdmin: can(actor, app.groupId, "admin"),
  };
}

export type CaseData = Awaited<ReturnType<typeof getCase>>;
