import "server-only";
import { db } from "../db";
import { can, visibleWhere, type Actor } from "../auth/access";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { disclosureFor, personSelect, personalValues, redactPersonal, withheldMark, withheldOfApplications } from "./visibility";
import { NotFoundError } from "../errors";
import { localized } from "../i18n/localized";

export function listSources(actor: Actor | null) {
  return db.source.findMany({
    where: visibleWhere(actor),
    orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, titleRu: true, titleKk: true, publisher: true, publishedOn: true, publishedOnPrecision: true, url: true, _count: { select: { citations: true } } },
  });
}

/** Where a cited record is shown: its case page, its incident page, or nowhere of its own. */
export type RecordLink = { href: string | null; caseTitle: string | null };
/** A link, and what a reader outside the record's group may not read about it (see lib/data/visibility.ts). */
type ResolvedLink = RecordLink & { withheld: string[] };

async function resolveRecordLinks(citations: { recordType: string; recordId: string }[], actor: Actor | null, locale: Locale): Promise<Map<string, ResolvedLink>> {
  const ids = (type: string) => citations.filter((c) => c.recordType === type).map((c) => c.recordId);
  const appVisible = { application: visibleWhere(actor) };
  const [apps, parts, answers, stages, hearings, rulings, events, evidence, incidents] = await Promise.all([
    db.application.findMany({ where: { id: { in: ids("Application") }, ...visibleWhere(actor) }, select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } }),
    db.part.findMany({ where: { id: { in: ids("Part") }, ...appVisible }, select: { id: true, application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } }),
    db.answer.findMany({ where: { id: { in: ids("Answer") }, ...appVisible }, select: { id: true, application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } }),
    db.appealStage.findMany({ where: { id: { in: ids("AppealStage") }, ...appVisible }, select: { id: true, application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } }),
    db.hearing.findMany({ where: { id: { in: ids("Hearing") }, appealStage: appVisible }, select: { id: true, appealStage: { select: { application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } } } }),
    db.ruling.findMany({ where: { id: { in: ids("Ruling") }, appealStage: appVisible }, select: { id: true, appealStage: { select: { application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } } } }),
    db.event.findMany({ where: { id: { in: ids("Event") }, ...appVisible }, select: { id: true, application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } }),
    db.evidence.findMany({ where: { id: { in: ids("Evidence") }, answer: appVisible }, select: { id: true, answer: { select: { application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } } } } } }),
    db.incident.findMany({
      where: { id: { in: ids("Incident") }, ...visibleWhere(actor) },
      select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true, people: { select: { person: { select: personSelect } } } },
    }),
  ]);
  // Titles as their case pages show them to this reader (a title can name a private applicant).
  const cases = [...apps, ...[...parts, ...answers, ...stages, ...events].map((r) => r.application), ...[...hearings, ...rulings].map((r) => r.appealStage.application), ...evidence.map((r) => r.answer.application)];
  const withheld = await withheldOfApplications(actor, [...new Map(cases.map((a) => [a.id, a])).values()]);
  const links = new Map<string, ResolvedLink>();
  // In the reader's language: our translation of a documented case's title where there is one.
  const toCase = (key: string, app: { id: string; title: string }) => links.set(key, { href: `/applications/${app.id}`, caseTitle: localized(app, "title", locale), withheld: withheld.get(app.id) ?? [] });
  for (const a of apps) toCase(a.id, a);
  for (const r of [...parts, ...answers, ...stages, ...events]) toCase(r.id, r.application);
  for (const r of [...hearings, ...rulings]) toCase(r.id, r.appealStage.application);
  for (const r of evidence) toCase(r.id, r.answer.application);
  for (const i of incidents) links.set(i.id, { href: `/incidents/${i.id}`, caseTitle: localized(i, "title", locale), withheld: personalValues(i.people.map((l) => l.person), disclosureFor(actor, i.groupId)) });
  return links;
}

/** A source with the citations that rest on it, each linked to the record it supports. */
export async function getSource(actor: Actor | null, slug: string, locale: Locale = DEFAULT_LOCALE) {
  const source = await db.source.findFirst({
    where: { slug, ...visibleWhere(actor) },
    include: { citations: { orderBy: { createdAt: "asc" } } },
  });
  if (!source) throw new NotFoundError();
  const links = await resolveRecordLinks(source.citations, actor, locale);
  // A citation's note is the recording group's working note, like every other note.
  const member = can(actor, source.groupId, "viewer");
  const mark = withheldMark(locale);
  return {
    ...source,
    citations: source.citations.map((c) => {
      const { withheld = [], ...link } = links.get(c.recordId) ?? { href: null, caseTitle: null };
      // The quote and the title as the cited record's own page shows them to this reader.
      return redactPersonal({ ...c, note: member ? c.note : "", link }, withheld, mark);
    }),
  };
}

export type SourceData = Awaited<ReturnType<typeof getSource>>;
