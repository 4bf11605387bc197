import "server-only";
// Full-text search across the records a reader may see (the index: lib/data/search-index.ts).
// Visibility is applied in the same query that ranks and counts, so a private record of
// another group is never a hit, a count or a page of this reader's results:
// - the reader's groups' documents match on everything, their notes included;
// - any other document only when it is public, and only on its public text (title, body);
// - another group's record that names a private person matching the search is dropped, as
//   the applications list does (lib/data/visibility.ts, withheldPersonMatching): finding it
//   would tell whom it names. What is shown of it is redacted like its own page.
import { db } from "../db";
import { databaseUrl, isPostgresUrl } from "../db-url";
import { groupIds, sharedCaseIds, type Actor } from "../auth/access";
import { Prisma } from "../generated/sqlite/client";
import { ftsQuery, queryGroups, snippet, tsQuery, type SnippetRun } from "../domain/search-terms";
import { localized } from "../i18n/localized";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { searchTerm } from "./text-search";
import { personSelect, personalValues, disclosureFor, redactApplicationTitles, redactPersonal, withheldMark, withheldOfApplications, withheldPersonMatching } from "./visibility";
import { SEARCH_KINDS, type SearchKind } from "./search-index";

export { SEARCH_KINDS, type SearchKind };
export const SEARCH_PAGE_SIZE = 20;

export interface SearchParams {
  q: string;
  kind?: SearchKind | null;
  year?: number | null;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  kind: SearchKind;
  id: string;
  /** The case it belongs to (for an answer, stage, hearing, event or file of a case). */
  applicationId: string | null;
  /** Where it is shown: its case's page at the record, the incident's or the source's page. */
  href: string;
  /** The record's title, or its case's title, with the searched words marked. */
  title: SnippetRun[];
  /** A passage of its text with the searched words marked (null: only the title matched). */
  snippet: SnippetRun[] | null;
  year: number | null;
}

export interface SearchResult {
  q: string;
  items: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

interface HitRow {
  id: number;
}

const empty = (q: string, pageSize: number): SearchResult => ({ q, items: [], total: 0, page: 1, pageCount: 1, pageSize });

/** Other groups' public records that name a private person matching the search. */
async function withheldMatches(actor: Actor | null, q: string) {
  const mine = groupIds(actor);
  const person = withheldPersonMatching(q);
  const [apps, incidents] = await Promise.all([
    db.application.findMany({
      where: { groupId: { notIn: mine }, isPublic: true, OR: [{ applicants: { some: { person } } }, { incidents: { some: { incident: { people: { some: { person } } } } } }] },
      select: { id: true },
    }),
    db.incident.findMany({ where: { groupId: { notIn: mine }, isPublic: true, people: { some: { person } } }, select: { id: true } }),
  ]);
  return { apps: apps.map((a) => a.id), incidents: incidents.map((i) => i.id) };
}

// `IN ()` is not SQL everywhere: an id no row has stands in for an empty list.
const list = (ids: readonly string[]) => Prisma.join(ids.length ? ids : ["\u0000none"]);

/**
 * The ids of the documents matching, best first, under the reader's visibility — one query on
 * each database. `applicationsOnly`: the documents of cases (for the applications list).
 */
async function matchingDocs(actor: Actor | null, q: string, filter: { kind?: string | null; year?: number | null; applicationsOnly?: boolean }, page?: { skip: number; take: number }) {
  const groups = queryGroups(q);
  if (!groups.length) return null;
  const mine = groupIds(actor);
  // Cases other groups share with one of the reader's groups (coalitions): read as a member's.
  const shared = sharedCaseIds(actor);
  const member = Prisma.sql`(d."groupId" IN (${list(mine)}) OR d."applicationId" IN (${list(shared)}))`;
  const withheld = await withheldMatches(actor, q);
  const where = Prisma.sql`${filter.kind ? Prisma.sql` AND d."entity" = ${filter.kind}` : Prisma.empty}${filter.year ? Prisma.sql` AND d."year" = ${filter.year}` : Prisma.empty}${
    filter.applicationsOnly ? Prisma.sql` AND d."applicationId" IS NOT NULL` : Prisma.empty
  }`;
  const foreign = Prisma.sql` AND d."groupId" NOT IN (${list(mine)}) AND d."isPublic" = ${true}
    AND (d."applicationId" IS NULL OR d."applicationId" NOT IN (${list(shared)}))
    AND (d."applicationId" IS NULL OR d."applicationId" NOT IN (${list(withheld.apps)}))
    AND (d."incidentId" IS NULL OR d."incidentId" NOT IN (${list(withheld.incidents)}))`;
  let hits: Prisma.Sql;
  if (isPostgresUrl(databaseUrl())) {
    const tsq = Prisma.sql`to_tsquery('simple', ${tsQuery(groups)})`;
    hits = Prisma.sql`
      SELECT d."id", d."applicationId", ts_rank(d."publicTsv" || d."notesTsv", ${tsq}) AS "rank" FROM "SearchDoc" d
      WHERE ${member} AND (d."publicTsv" || d."notesTsv") @@ ${tsq}${where}
      UNION ALL
      SELECT d."id", d."applicationId", ts_rank(d."publicTsv", ${tsq}) AS "rank" FROM "SearchDoc" d
      WHERE d."publicTsv" @@ ${tsq}${foreign}${where}`;
    // ts_rank: higher is better.
    hits = Prisma.sql`SELECT "id", "applicationId", -"rank" AS "rank" FROM (${hits}) h`;
  } else {
    // bm25: lower is better; a word in the title weighs most, one in the notes least.
    const all = ftsQuery(groups);
    const open = `{title body} : (${all})`;
    hits = Prisma.sql`
      SELECT d."id", d."applicationId", bm25("SearchDocFts", 10.0, 3.0, 1.0) AS "rank" FROM "SearchDocFts" JOIN "SearchDoc" d ON d."id" = "SearchDocFts".rowid
      WHERE "SearchDocFts" MATCH ${all} AND ${member}${where}
      UNION ALL
      SELECT d."id", d."applicationId", bm25("SearchDocFts", 10.0, 3.0, 1.0) AS "rank" FROM "SearchDocFts" JOIN "SearchDoc" d ON d."id" = "SearchDocFts".rowid
      WHERE "SearchDocFts" MATCH ${open}${foreign}${where}`;
  }
  return { groups, hits };
}

/** One page of the records matching the search, ranked, each with its words marked. */
export async function searchRecords(actor: Actor | null, params: SearchParams, locale: Locale = DEFAULT_LOCALE): Promise<SearchResult> {
  const q = searchTerm(params.q);
  const pageSize = params.pageSize ?? SEARCH_PAGE_SIZE;
  const m = await matchingDocs(actor, q, params);
  if (!m) return empty(q, pageSize);
  const [{ n }] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM (${m.hits}) c`;
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, params.page ?? 1), pageCount);
  const rows = await db.$queryRaw<HitRow[]>`SELECT "id" FROM (${m.hits}) h ORDER BY "rank" ASC, "id" ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const items = await present(actor, rows.map((r) => Number(r.id)), m.groups, locale);
  return { q, items, total, page, pageCount, pageSize };
}

/**
 * The cases (application ids) the search finds in any of their documents — the application,
 * its answers, appeals, hearings, events and recognised files — for the applications list.
 * Null when the search has no words to look for.
 */
export async function matchingApplicationIds(actor: Actor | null, q: string): Promise<string[] | null> {
  const m = await matchingDocs(actor, searchTerm(q), { applicationsOnly: true });
  if (!m) return null;
  const rows = await db.$queryRaw<{ applicationId: string }[]>`SELECT DISTINCT "applicationId" FROM (${m.hits}) h`;
  return rows.map((r) => r.applicationId);
}

/** The years of the documents this reader may find, newest first (the year filter's choices). */
export async function searchYears(actor: Actor | null): Promise<number[]> {
  const rows = await db.searchDoc.findMany({
    where: { year: { not: null }, OR: [{ isPublic: true }, { groupId: { in: groupIds(actor) } }, { applicationId: { in: sharedCaseIds(actor) } }] },
    distinct: ["year"],
    select: { year: true },
  });
  return rows.map((r) => r.year!).sort((a, b) => b - a);
}

const ANCHOR: Partial<Record<SearchKind, string>> = { answer: "answer", appealStage: "appeal", hearing: "hearing" };

/** The documents as this reader may see them: titles and passages redacted like their own pages. */
async function present(actor: Actor | null, ids: number[], groups: string[][], locale: Locale): Promise<SearchHit[]> {
  if (!ids.length) return [];
  const mine = new Set(groupIds(actor));
  const docs = await db.searchDoc.findMany({ where: { id: { in: ids } } });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const appIds = [...new Set(docs.flatMap((d) => (d.applicationId ? [d.applicationId] : [])))];
  const incidentIds = [...new Set(docs.flatMap((d) => (d.incidentId ? [d.incidentId] : [])))];
  const sourceIds = docs.filter((d) => d.entity === "source").map((d) => d.entityId);
  const [apps, incidents, sources] = await Promise.all([
    db.application.findMany({ where: { id: { in: appIds } }, select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } }),
    db.incident.findMany({ where: { id: { in: incidentIds } }, select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true, people: { select: { person: { select: personSelect } } } } }),
    db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, slug: true, title: true, titleRu: true, titleKk: true } }),
  ]);
  const [appTitles, withheld] = await Promise.all([redactApplicationTitles(actor, apps, locale), withheldOfApplications(actor, apps)]);
  const appById = new Map(appTitles.map((a) => [a.id, a]));
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const mark = withheldMark(locale);
  const out: SearchHit[] = [];
  for (const id of ids) {
    const d = byId.get(id);
    if (!d) continue;
    const member = mine.has(d.groupId);
    // What is cut out of this document's text for this reader (a private person's name …).
    let cut: string[] = [];
    if (!member && d.applicationId) cut = withheld.get(d.applicationId) ?? [];
    else if (!member && d.incidentId) {
      const i = incidentById.get(d.incidentId);
      if (i) cut = personalValues(i.people.map((p) => p.person), disclosureFor(actor, i.groupId));
    }
    const text = (s: string) => redactPersonal(s, cut, mark);
    let title = "";
    let href = "/";
    const app = d.applicationId ? appById.get(d.applicationId) : undefined;
    if (d.entity === "source") {
      const s = sourceById.get(d.entityId);
      title = s ? localized(s, "title", locale) : "";
      href = s ? `/sources/${s.slug}` : "/";
    } else if (app) {
      title = localized(app, "title", locale);
      href = `/applications/${app.id}${ANCHOR[d.entity as SearchKind] ? `#${ANCHOR[d.entity as SearchKind]}-${d.entityId}` : ""}`;
      if (d.entity === "attachment" && d.title) title = `${text(d.title.split("\n")[0])} — ${title}`;
    } else if (d.incidentId) {
      const i = incidentById.get(d.incidentId);
      title = i ? text(localized(i, "title", locale)) : "";
      href = `/incidents/${d.incidentId}`;
      if (d.entity === "attachment" && d.title) title = `${text(d.title.split("\n")[0])} — ${title}`;
    }
    const marked = snippet(title, groups, 400);
    // The passage: the text, else (members) the notes, else the title in another language.
    const passage = snippet(text(d.body), groups) ?? (member ? snippet(d.notes, groups) : null) ?? (marked ? null : snippet(text(d.title), groups));
    out.push({
      kind: d.entity as SearchKind,
      id: d.entityId,
      applicationId: d.applicationId,
      href,
      title: marked ?? [{ text: title, mark: false }],
      snippet: passage,
      year: d.year,
    });
  }
  return out;
}
