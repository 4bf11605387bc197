// Records → API responses. Personal data is decided per person: a private person appears
// only to members of the group that keeps them, and IIN, address and phone likewise.
import { can, forCase, type Actor } from "../auth/access";
import type { CaseData } from "../data/cases";
import type { ApplicationListItem } from "../data/applications";
import { applicationSummarySchema, caseSchema, type ApplicationSummary, type CaseResponse, type PersonResponse } from "../validation/api";

interface PersonRecord {
  id: string;
  groupId: string;
  isPublic: boolean;
  fullName: string;
  roleTitle: string;
  altNames: string;
  idNumber: string;
  address: string;
  phone: string;
  notes: string;
}

export function personFor(actor: Actor | null, p: PersonRecord): PersonResponse | null {
  const member = can(actor, p.groupId, "viewer");
  if (!member && !p.isPublic) return null;
  const base = { id: p.id, fullName: p.fullName, roleTitle: p.roleTitle, isPublic: p.isPublic };
  return member ? { ...base, altNames: p.altNames, idNumber: p.idNumber, address: p.address, phone: p.phone, notes: p.notes } : base;
}

const iso = (d: Date) => d.toISOString();
const authority = (a: { id: string; name: string; nameRu: string; kind: string; city: string; country: string } | null) =>
  a ? { id: a.id, name: a.name, nameRu: a.nameRu, kind: a.kind, city: a.city, country: a.country } : null;

export function applicationUrl(base: URL | string, id: string): string {
  return new URL(`/api/v1/applications/${encodeURIComponent(id)}`, base).toString();
}

export function summaryFor(item: ApplicationListItem, base: URL): ApplicationSummary {
  return applicationSummarySchema.parse({
    ...item,
    updatedAt: iso(item.updatedAt),
    authority: item.authority ? { name: item.authority.name, nameRu: item.authority.nameRu } : null,
    organizers: item.organizers.map((o) => o.group),
    url: applicationUrl(base, item.id),
  });
}

export function caseFor(actor: Actor | null, c: CaseData): CaseResponse {
  // A coalition member reads a shared case as its group's members do (lib/auth/access forCase).
  const reader = forCase(actor, c);
  const people = <T extends { person: PersonRecord; role: string }>(list: T[]) =>
    list.flatMap((l) => {
      const person = personFor(reader, l.person);
      return person ? [{ role: l.role, person }] : [];
    });
  // getCase has already blanked notes for readers outside the group; here they are left out.
  const note = <T extends { notes: string }>(x: T) => ({ ...x, notes: c.isMember ? x.notes : undefined });
  const body: CaseResponse = {
    ...note(c),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    authority: authority(c.authority),
    organizers: c.organizers.map((o) => o.group),
    applicants: people(c.applicants),
    parts: c.parts.map((p) => ({ ...p, equipment: p.equipment ? p.equipment.split(",").filter(Boolean) : [] })),
    answers: c.answers.map((a) => ({
      ...note(a),
      grounds: a.grounds.map((g) => ({ code: g.ground.code, labelEn: g.ground.labelEn, labelRu: g.ground.labelRu, article: g.ground.article, articleCited: g.articleCited, words: g.words })),
    })),
    appealStages: c.appealStages.map((s) => ({ ...note(s), body: authority(s.body), hearings: s.hearings.map(note) })),
    citations: c.citations.map((ci) => ({ ...ci, note: c.isMember ? ci.note : undefined })),
    incidents: c.incidents.map((i) => ({ ...i, groups: i.groups.map((g) => g.group), people: people(i.people) })),
    documents: c.attachments.map((a) => ({
      id: a.id,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      kind: a.kind,
      title: a.title,
      documentDate: a.documentDate,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      pageCount: a.pageCount,
      isPublic: a.isPublic,
      url: `/files/${a.id}`,
    })),
    nextDeadline: c.deadline ? { step: c.deadline.nextStep, dueOn: c.deadline.dueOn, ruleCode: c.deadline.ruleCode, legalBasis: c.deadline.legalBasis } : null,
  };
  // Parsing strips every field the published schema does not list.
  return caseSchema.parse(body);
}
