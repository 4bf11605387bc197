import "server-only";
// Refusal statistics, computed in the database with GROUP BY queries. The SQL sticks to
// what SQLite and PostgreSQL both accept: quoted identifiers, SUBSTR, COALESCE, CASE,
// EXISTS, string comparison of ISO dates, integer arithmetic for day counts.
import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { readerFor, type Db } from "../db";
import { isSealed, open } from "../crypto/fields";
import { dataVersion as dbDataVersion, versionedCache } from "../db-client";
import { backgroundCache, type Latest } from "./background-cache";
import { sharedCaseIds, visibilityKey, visibleCasesWhere, visibleGroupIds, type Actor } from "../auth/access";
import { APPEAL_KINDS, type AppealKind } from "../domain/vocabulary";
import {
  appealRank,
  compareKeys,
  normaliseReason,
  PLACE_OR_WORKS,
  REFUSAL_OUTCOMES,
  share,
  STATS_DIMENSIONS,
  UNCLASSIFIED,
  weightedMedian,
  type StatsDimension,
} from "../domain/stats";
import type { AppealRow, PretextRow, RefusalRow, StatsFigures, StatsFilters, TimingRow } from "../validation/stats";
import { filtersToParams } from "../validation/stats";
import { ACCEPTED_ORGANIZER, visibleAuthoritiesWhere, visibleGroupsWhere } from "./scope";

// ───────────────────────────── SQL pieces

/** Year of a request: its filing date, or the end of the period for a batch known only by period. */
const YEAR = sql`SUBSTR(COALESCE(a."filedOn", a."filedBefore"), 1, 4)`;

const REFUSED = join(REFUSAL_OUTCOMES.map((o) => sql`${o}`));

/**
 * The reader's groups; `cases` are the cases shared with them by a coalition (lib/auth/access),
 * which count as their own. Carried on the array so every query below keeps its signature.
 */
type Scope = readonly string[] & { cases?: readonly string[] };

function visible(scope: Scope): Sql {
  const cases = scope.cases?.length ? sql` OR a."id" IN (${join([...scope.cases])})` : empty;
  return scope.length ? sql`(a."isPublic" = TRUE OR a."groupId" IN (${join(scope)})${cases})` : sql`(a."isPublic" = TRUE${cases})`;
}

/** The same rule as ACCEPTED_ORGANIZER (lib/data/scope): a pending co-organizer is nobody's organizer yet. */
const accepted = (alias: string): Sql => raw(`${alias}."status" = '${ACCEPTED_ORGANIZER.status}'`);

/** The application's organizing groups; the owning group when none are recorded. */
function organizedBy(groupId: string): Sql {
  return sql`(EXISTS (SELECT 1 FROM "ApplicationGroup" xg WHERE xg."applicationId" = a."id" AND xg."groupId" = ${groupId} AND ${accepted("xg")})
    OR (a."groupId" = ${groupId} AND NOT EXISTS (SELECT 1 FROM "ApplicationGroup" yg WHERE yg."applicationId" = a."id" AND ${accepted("yg")})))`;
}

/**
 * WHERE conditions for the visibility scope and filters. With `part` the form filter applies
 * to that joined part (refusals and outcomes are per part); otherwise to any part of the case.
 */
function where(scope: readonly string[], f: StatsFilters, part?: "p"): Sql {
  const c: Sql[] = [visible(scope)];
  if (f.yearFrom) c.push(sql`${YEAR} >= ${f.yearFrom}`);
  if (f.yearTo) c.push(sql`${YEAR} <= ${f.yearTo}`);
  if (f.city) c.push(sql`a."city" = ${f.city}`);
  if (f.authority) c.push(sql`a."authorityId" = ${f.authority}`);
  if (f.group) c.push(organizedBy(f.group));
  if (f.form) c.push(part ? sql`p."form" = ${f.form}` : sql`EXISTS (SELECT 1 FROM "Part" xp WHERE xp."applicationId" = a."id" AND xp."form" = ${f.form})`);
  return join(c, " AND ");
}

/** A refused part exists on the application (matching the form filter when there is one). */
function refusedCase(f: StatsFilters): Sql {
  return sql`EXISTS (SELECT 1 FROM "PartOutcome" rpo JOIN "Part" rp ON rp."id" = rpo."partId"
    WHERE rp."applicationId" = a."id" AND rpo."outcome" IN (${REFUSED}) ${f.form ? sql`AND rp."form" = ${f.form}` : empty})`;
}

/**
 * Days since a fixed origin for an ISO date column, in integer arithmetic both databases
 * share (the civil-calendar day number, March-based so leap days fall at the year's end).
 */
function dayNumber(col: Sql): Sql {
  const y = sql`CAST(SUBSTR(${col}, 1, 4) AS INTEGER)`;
  const m = sql`CAST(SUBSTR(${col}, 6, 2) AS INTEGER)`;
  const d = sql`CAST(SUBSTR(${col}, 9, 2) AS INTEGER)`;
  const yy = sql`(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
  return sql`(365 * ${yy} + ${yy} / 4 - ${yy} / 100 + ${yy} / 400 + (153 * ((${m} + 9) % 12) + 2) / 5 + ${d})`;
}

/** Literal SQL (no parameters) so that the same expression may appear in SELECT and GROUP BY. */
function stageRank(alias: "s" | "s2"): Sql {
  return raw(`CASE ${alias}."kind" ${APPEAL_KINDS.map((k) => `WHEN '${k}' THEN ${appealRank(k)}`).join(" ")} ELSE 0 END`);
}

const n = (v: unknown): number => Number(v ?? 0);
const key = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

// ───────────────────────────── queries

type RefusalRows = Map<string, { refusals: number; grounds: Map<string, number> }>;

/**
 * Refusals and the grounds they cite, per value of a dimension (or overall, under key ""): the
 * totals count each refused part once, the cells once per ground it cites.
 */
function refusalRows(totals: Record<string, unknown>[], cells: (Record<string, unknown> & { ground: string | null })[], dim: string | null): RefusalRows {
  const at = (r: Record<string, unknown>) => (dim ? (key(r[dim]) ?? "") : "");
  const rows: RefusalRows = new Map();
  for (const t of totals) {
    const k = at(t);
    const row = rows.get(k) ?? { refusals: 0, grounds: new Map<string, number>() };
    row.refusals += n(t.n);
    rows.set(k, row);
  }
  for (const c of cells) {
    const row = rows.get(at(c));
    if (row) row.grounds.set(c.ground ?? UNCLASSIFIED, (row.grounds.get(c.ground ?? UNCLASSIFIED) ?? 0) + n(c.n));
  }
  return rows;
}

/**
 * The refusal figures overall and by year, city, authority and form, from two scans (totals,
 * and cells per ground) grouped by all four at once and summed here per dimension: ten queries
 * over every refused part cost several seconds at 100,000 applications. The organizing group
 * multiplies rows (several organizers), so it has its own pair (refusalsByGroup).
 */
async function refusalsByDims(client: Db, scope: readonly string[], f: StatsFilters) {
  const from = sql`FROM "PartOutcome" po
    JOIN "Part" p ON p."id" = po."partId"
    JOIN "Application" a ON a."id" = p."applicationId"`;
  const cond = sql`po."outcome" IN (${REFUSED}) AND ${where(scope, f, "p")}`;
  const cols = sql`${YEAR} AS "year", a."city" AS "city", a."authorityId" AS "authority", p."form" AS "form"`;
  const groupBy = sql`${YEAR}, a."city", a."authorityId", p."form"`;
  const [cells, totals] = await Promise.all([
    client.$queryRaw<(Record<string, unknown> & { ground: string | null })[]>`SELECT ${cols}, g."code" AS ground, SUM(a."requestCount") AS n
      ${from}
      LEFT JOIN "GroundCited" gc ON gc."answerId" = po."answerId"
      LEFT JOIN "RefusalGround" g ON g."id" = gc."groundId"
      WHERE ${cond}
      GROUP BY ${groupBy}, g."code"`,
    client.$queryRaw<Record<string, unknown>[]>`SELECT ${cols}, SUM(a."requestCount") AS n ${from} WHERE ${cond} GROUP BY ${groupBy}`,
  ]);
  const dims = ["year", "city", "authority", "form"] as const;
  return {
    overall: refusalRows(totals, cells, null),
    ...(Object.fromEntries(dims.map((d) => [d, refusalRows(totals, cells, d)])) as Record<(typeof dims)[number], RefusalRows>),
  };
}

/** Refusals and grounds per organizing group (each accepted organizer, else the owning group). */
async function refusalsByGroup(client: Db, scope: readonly string[], f: StatsFilters): Promise<RefusalRows> {
  const k = sql`COALESCE(ag."groupId", a."groupId")`;
  const from = sql`FROM "PartOutcome" po
    JOIN "Part" p ON p."id" = po."partId"
    JOIN "Application" a ON a."id" = p."applicationId"
    LEFT JOIN "ApplicationGroup" ag ON ag."applicationId" = a."id" AND ${accepted("ag")}`;
  const cond = sql`po."outcome" IN (${REFUSED}) AND ${where(scope, f, "p")}`;
  const [cells, totals] = await Promise.all([
    client.$queryRaw<{ k: unknown; ground: string | null; n: unknown }[]>`SELECT ${k} AS k, g."code" AS ground, SUM(a."requestCount") AS n
      ${from}
      LEFT JOIN "GroundCited" gc ON gc."answerId" = po."answerId"
      LEFT JOIN "RefusalGround" g ON g."id" = gc."groundId"
      WHERE ${cond}
      GROUP BY ${k}, g."code"`,
    client.$queryRaw<{ k: unknown; n: unknown }[]>`SELECT ${k} AS k, SUM(a."requestCount") AS n ${from} WHERE ${cond} GROUP BY ${k}`,
  ]);
  return refusalRows(totals, cells, "k");
}

async function outcomesByYear(client: Db, scope: readonly string[], f: StatsFilters) {
  return client.$queryRaw<{ y: unknown; o: string; n: unknown }[]>`SELECT ${YEAR} AS y, p."outcome" AS o, SUM(a."requestCount") AS n
    FROM "Part" p JOIN "Application" a ON a."id" = p."applicationId"
    WHERE ${where(scope, f, "p")}
    GROUP BY ${YEAR}, p."outcome"`;
}

async function appealsByYear(client: Db, scope: readonly string[], f: StatsFilters) {
  return client.$queryRaw<{ y: unknown; refused: unknown; appealed: unknown }[]>`SELECT ${YEAR} AS y,
      SUM(a."requestCount") AS refused,
      SUM(CASE WHEN EXISTS (SELECT 1 FROM "AppealStage" s WHERE s."applicationId" = a."id") THEN a."requestCount" ELSE 0 END) AS appealed
    FROM "Application" a
    WHERE ${where(scope, f)} AND ${refusedCase(f)}
    GROUP BY ${YEAR}`;
}

/** The last stage of each appealed refusal (highest rank, then latest filed) and its ruling. */
async function appealEnds(client: Db, scope: readonly string[], f: StatsFilters) {
  const r1 = stageRank("s");
  const r2 = stageRank("s2");
  return client.$queryRaw<{ y: unknown; kind: string; outcome: string | null; n: unknown }[]>`SELECT ${YEAR} AS y, s."kind" AS kind, r."outcome" AS outcome, SUM(a."requestCount") AS n
    FROM "AppealStage" s
    JOIN "Application" a ON a."id" = s."applicationId"
    LEFT JOIN "Ruling" r ON r."appealStageId" = s."id"
    WHERE ${where(scope, f)} AND ${refusedCase(f)}
      AND NOT EXISTS (SELECT 1 FROM "AppealStage" s2 WHERE s2."applicationId" = s."applicationId" AND (
        ${r2} > ${r1}
        OR (${r2} = ${r1} AND COALESCE(s2."filedOn", '') > COALESCE(s."filedOn", ''))
        OR (${r2} = ${r1} AND COALESCE(s2."filedOn", '') = COALESCE(s."filedOn", '') AND s2."id" > s."id")))
    GROUP BY ${YEAR}, s."kind", r."outcome"`;
}

/**
 * Per application: first dated answer, answer deadline, earliest planned event date. Used as a
 * MATERIALIZED common table (SQLite 3.35+, PostgreSQL 12+): as a derived table SQLite flattened
 * it into the query above and ran the correlated minimum once per use of `answered` — some 25
 * times per application, 1.6 s of the statistics at 100,000 applications instead of 0.4 s.
 */
function answeredCases(scope: readonly string[], f: StatsFilters): Sql {
  return sql`(SELECT ${YEAR} AS y, a."requestCount" AS rc, a."answerDueOn" AS due,
      CASE WHEN a."filedOnPrecision" = 'day' THEN a."filedOn" ELSE NULL END AS filed,
      (SELECT MIN(an."receivedOn") FROM "Answer" an WHERE an."applicationId" = a."id" AND an."receivedOnPrecision" = 'day') AS answered,
      (SELECT MIN(ep."eventDate") FROM "Part" ep WHERE ep."applicationId" = a."id" AND ep."eventDatePrecision" = 'day') AS ev
    FROM "Application" a WHERE ${where(scope, f)})`;
}

type LateCell = { y: unknown; answered: number; withDeadline: number; late: number; withEventDate: number; afterEvent: number };

/**
 * Time to answer, from one scan of the answered cases: per year and delay in days (null where
 * the filing day is unknown or after the answer) the cases counted and the late ones, summed
 * here per year. The delays and the per-year counts were two queries over the same costly
 * derived table (two correlated minimums per application).
 */
async function answerTiming(client: Db, scope: readonly string[], f: StatsFilters) {
  const days = sql`CASE WHEN t.filed IS NOT NULL AND t.answered >= t.filed THEN ${dayNumber(sql`t.answered`)} - ${dayNumber(sql`t.filed`)} ELSE NULL END`;
  const cells = await client.$queryRaw<{ y: unknown; days: unknown; n: unknown; withDeadline: unknown; late: unknown; withEventDate: unknown; afterEvent: unknown }[]>`WITH t AS MATERIALIZED ${answeredCases(scope, f)}
    SELECT t.y AS y, ${days} AS days,
      SUM(t.rc) AS n,
      SUM(CASE WHEN t.due IS NOT NULL THEN t.rc ELSE 0 END) AS "withDeadline",
      SUM(CASE WHEN t.due IS NOT NULL AND t.answered > t.due THEN t.rc ELSE 0 END) AS "late",
      SUM(CASE WHEN t.ev IS NOT NULL THEN t.rc ELSE 0 END) AS "withEventDate",
      SUM(CASE WHEN t.ev IS NOT NULL AND t.answered > t.ev THEN t.rc ELSE 0 END) AS "afterEvent"
    FROM t
    WHERE t.answered IS NOT NULL
    GROUP BY t.y, ${days}`;
  const delayCells = cells.filter((c) => c.days !== null && c.days !== undefined).map((c) => ({ y: c.y, days: c.days, n: c.n }));
  const late = new Map<string, LateCell>();
  for (const c of cells) {
    const row = late.get(key(c.y) ?? "") ?? { y: c.y, answered: 0, withDeadline: 0, late: 0, withEventDate: 0, afterEvent: 0 };
    if (c.days !== null && c.days !== undefined) row.answered += n(c.n);
    row.withDeadline += n(c.withDeadline);
    row.late += n(c.late);
    row.withEventDate += n(c.withEventDate);
    row.afterEvent += n(c.afterEvent);
    late.set(key(c.y) ?? "", row);
  }
  return { delayCells, lateCells: [...late.values()] };
}

const PLACE_OR_WORKS_SQL = join(PLACE_OR_WORKS.map((c) => sql`${c}`));

async function pretextByYear(client: Db, scope: readonly string[], f: StatsFilters) {
  const placeOrWorks = sql`EXISTS (SELECT 1 FROM "GroundCited" pgc JOIN "RefusalGround" pg ON pg."id" = pgc."groundId" WHERE pgc."answerId" = po."answerId" AND pg."code" IN (${PLACE_OR_WORKS_SQL}))`;
  return client.$queryRaw<{ y: unknown; refusals: unknown; contested: unknown; placeOrWorks: unknown; noAlternative: unknown }[]>`SELECT ${YEAR} AS y,
      SUM(a."requestCount") AS "refusals",
      SUM(CASE WHEN EXISTS (SELECT 1 FROM "Evidence" e WHERE e."answerId" = po."answerId" AND e."stance" = 'contests') THEN a."requestCount" ELSE 0 END) AS "contested",
      SUM(CASE WHEN ${placeOrWorks} THEN a."requestCount" ELSE 0 END) AS "placeOrWorks",
      SUM(CASE WHEN ${placeOrWorks} AND an."alternativeOffered" = FALSE THEN a."requestCount" ELSE 0 END) AS "noAlternative"
    FROM "PartOutcome" po
    JOIN "Part" p ON p."id" = po."partId"
    JOIN "Application" a ON a."id" = p."applicationId"
    JOIN "Answer" an ON an."id" = po."answerId"
    WHERE po."outcome" IN (${REFUSED}) AND ${where(scope, f, "p")}
    GROUP BY ${YEAR}`;
}

async function alternativesByGround(client: Db, scope: readonly string[], f: StatsFilters) {
  return client.$queryRaw<{ ground: string; refusals: unknown; noAlternative: unknown }[]>`SELECT g."code" AS ground,
      SUM(a."requestCount") AS "refusals",
      SUM(CASE WHEN an."alternativeOffered" = FALSE THEN a."requestCount" ELSE 0 END) AS "noAlternative"
    FROM "PartOutcome" po
    JOIN "Part" p ON p."id" = po."partId"
    JOIN "Application" a ON a."id" = p."applicationId"
    JOIN "Answer" an ON an."id" = po."answerId"
    JOIN "GroundCited" gc ON gc."answerId" = po."answerId"
    JOIN "RefusalGround" g ON g."id" = gc."groundId"
    WHERE po."outcome" IN (${REFUSED}) AND g."code" IN (${PLACE_OR_WORKS_SQL}) AND ${where(scope, f, "p")}
    GROUP BY g."code"`;
}

/**
 * The people a case names (its applicants, and the people of incidents linked to it), as one
 * derived table of (application, person) pairs, joined by equality: a join on "the person is
 * among the case's applicants or incident people" (an OR of correlated IN lists) made SQLite
 * test every person against every answer, 17 s at 100,000 applications; this is 0.1 s.
 */
const PEOPLE_OF_CASES = sql`(SELECT ap."applicationId" AS aid, ap."personId" AS pid FROM "Applicant" ap
    UNION SELECT ia."applicationId" AS aid, ip."personId" AS pid FROM "IncidentPerson" ip JOIN "IncidentApplication" ia ON ia."incidentId" = ip."incidentId")`;

function foreignTo(scope: Scope): Sql {
  const cases = scope.cases?.length ? sql` AND a."id" NOT IN (${join([...scope.cases])})` : empty;
  return scope.length ? sql`(a."groupId" NOT IN (${join(scope)})${cases})` : scope.cases?.length ? sql`(1 = 1${cases})` : sql`1 = 1`;
}

/**
 * Wordings (trimmed) of answers outside the reader's groups that name a person their case keeps
 * from this reader (lib/data/visibility.ts): a private person's name, or anyone's IIN, phone or
 * address. Such a wording is not quoted in the statistics outside the owning group, whichever
 * answer it comes from. The values are compared here, after the query: IIN, phone and address
 * are sealed in the database (lib/crypto/fields.ts), and so are names where a group encrypts
 * them (lib/crypto/names.ts). Compared as text, case-insensitively, without LIKE's wildcards.
 */
async function withheldWordings(client: Db, scope: readonly string[], f: StatsFilters): Promise<Set<string>> {
  const rows = await client.$queryRaw<{ text: string; idNumber: string; phone: string; address: string; fullName: string; isPublic: unknown }[]>`SELECT DISTINCT TRIM(an."statedReason") AS text, pe."idNumber" AS "idNumber", pe."phone" AS "phone", pe."address" AS "address", pe."fullName" AS "fullName", pe."isPublic" AS "isPublic"
    FROM "Answer" an JOIN "Application" a ON a."id" = an."applicationId"
    JOIN ${PEOPLE_OF_CASES} cp ON cp.aid = a."id"
    JOIN "Person" pe ON pe."id" = cp.pid
    WHERE TRIM(an."statedReason") <> '' AND ${where(scope, f)} AND ${foreignTo(scope)} AND (pe."idNumber" <> '' OR pe."phone" <> '' OR pe."address" <> '' OR (pe."isPublic" = FALSE AND pe."fullName" <> ''))`;
  const out = new Set<string>();
  const opened = new Map<string, string>();
  const openOnce = (v: string, field: "idNumber" | "phone" | "address" | "fullName") => {
    const k = `${field}\u0000${v}`;
    let o = opened.get(k);
    if (o === undefined) opened.set(k, (o = (isSealed(v) ? open(v, field) : v).toLowerCase()));
    return o;
  };
  for (const r of rows) {
    const text = r.text.toLowerCase();
    for (const field of ["idNumber", "phone", "address"] as const) {
      if (!r[field]) continue;
      const v = openOnce(r[field], field);
      if (v.length >= 3 && text.includes(v)) out.add(r.text);
    }
    // A private person's name, plain or sealed where the group encrypts names.
    if (!r.isPublic && r.fullName) {
      const name = openOnce(r.fullName, "fullName");
      if (name.length >= 3 && text.includes(name)) out.add(r.text);
    }
  }
  return out;
}

/** Stated reasons of refusals, per wording and year: a copied reason shows up in several years. */
async function reasonsByYear(client: Db, scope: readonly string[], f: StatsFilters) {
  const ry = sql`COALESCE(SUBSTR(an."receivedOn", 1, 4), ${YEAR})`;
  const [rows, withheld] = await Promise.all([
    client.$queryRaw<{ text: string; y: unknown; n: unknown }[]>`SELECT TRIM(an."statedReason") AS text, ${ry} AS y, COUNT(*) AS n
    FROM "Answer" an JOIN "Application" a ON a."id" = an."applicationId"
    WHERE TRIM(an."statedReason") <> '' AND ${where(scope, f)}
      AND EXISTS (SELECT 1 FROM "PartOutcome" rpo JOIN "Part" rp ON rp."id" = rpo."partId"
        WHERE rpo."answerId" = an."id" AND rpo."outcome" IN (${REFUSED}) ${f.form ? sql`AND rp."form" = ${f.form}` : empty})
    GROUP BY TRIM(an."statedReason"), ${ry}`,
    withheldWordings(client, scope, f),
  ]);
  return withheld.size ? rows.filter((r) => !withheld.has(r.text)) : rows;
}

// ───────────────────────────── assembling the figures

function groundCounts(refusals: number, grounds: Map<string, number>, order: Map<string, number>) {
  return [...grounds.entries()]
    .map(([ground, count]) => ({ ground, count, share: share(count, refusals) }))
    .sort((a, b) => (order.get(a.ground) ?? 999) - (order.get(b.ground) ?? 999) || a.ground.localeCompare(b.ground));
}

function byYear<T extends { year: string | null }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => compareKeys(a.year ?? "", b.year ?? ""));
}

export async function computeStats(client: Db, scope: readonly string[], filters: StatsFilters): Promise<StatsFigures> {
  const [groundList, byDims, byGroup, outcomeCells, appealCells, endCells, { delayCells, lateCells }, pretextCells, altCells, reasonCells] = await Promise.all([
    client.refusalGround.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, labelEn: true, labelRu: true, labelKk: true } }),
    refusalsByDims(client, scope, filters),
    refusalsByGroup(client, scope, filters),
    outcomesByYear(client, scope, filters),
    appealsByYear(client, scope, filters),
    appealEnds(client, scope, filters),
    answerTiming(client, scope, filters),
    pretextByYear(client, scope, filters),
    alternativesByGround(client, scope, filters),
    reasonsByYear(client, scope, filters),
  ]);
  const order = new Map(groundList.map((g, i) => [g.code, i]));
  order.set(UNCLASSIFIED, groundList.length);

  // Refusals by ground, overall and per dimension, with names for ids.
  const all = byDims.overall.get("") ?? { refusals: 0, grounds: new Map<string, number>() };
  const dimRows: Record<StatsDimension, RefusalRows> = { year: byDims.year, city: byDims.city, authority: byDims.authority, form: byDims.form, group: byGroup };
  const authorityIds = [...dimRows.authority.keys()].filter(Boolean);
  const groupIdsSeen = [...dimRows.group.keys()].filter(Boolean);
  const [authorities, groups] = await Promise.all([
    authorityIds.length ? client.authority.findMany({ where: { id: { in: authorityIds } }, select: { id: true, name: true, nameRu: true, nameKk: true } }) : [],
    groupIdsSeen.length ? client.group.findMany({ where: { id: { in: groupIdsSeen } }, select: { id: true, name: true } }) : [],
  ]);
  const names = {
    authority: new Map(authorities.map((a) => [a.id, { en: a.name, ru: a.nameRu || a.name, kk: a.nameKk || a.nameRu || a.name }])),
    group: new Map(groups.map((g) => [g.id, { en: g.name, ru: g.name, kk: g.name }])),
  };
  const refusalsByDim = Object.fromEntries(
    STATS_DIMENSIONS.map((d) => {
      const rows: RefusalRow[] = [...dimRows[d].entries()].map(([k, v]) => {
        const named = d === "authority" || d === "group" ? names[d].get(k) : undefined;
        return { key: key(k), label: named?.en ?? k, labelRu: named?.ru ?? k, labelKk: named?.kk ?? k, refusals: v.refusals, grounds: groundCounts(v.refusals, v.grounds, order) };
      });
      const sorted =
        d === "year" ? rows.sort((a, b) => compareKeys(a.key ?? "", b.key ?? "")) : rows.sort((a, b) => b.refusals - a.refusals || compareKeys(a.label, b.label));
      return [d, sorted];
    }),
  ) as StatsFigures["refusalsBy"];

  // Outcomes per year.
  const outcomes = new Map<string, StatsFigures["outcomes"][number]>();
  for (const c of outcomeCells) {
    const y = key(c.y);
    const row = outcomes.get(y ?? "") ?? { year: y, approved: 0, approved_with_limits: 0, alternative_proposed: 0, refused: 0, no_answer: 0, pending: 0, total: 0 };
    const col = (c.o in row && c.o !== "year" && c.o !== "total" ? c.o : "pending") as keyof Omit<typeof row, "year" | "total">;
    row[col] += n(c.n);
    row.total += n(c.n);
    outcomes.set(y ?? "", row);
  }

  // Appeals.
  const appeals = new Map<string, AppealRow>();
  const appealRow = (y: string | null): AppealRow => ({ year: y, refused: 0, appealed: 0, appealedShare: null, overturned: 0, overturnedShare: null, partly: 0 });
  for (const c of appealCells) appeals.set(key(c.y) ?? "", { ...appealRow(key(c.y)), refused: n(c.refused), appealed: n(c.appealed) });
  const ends = new Map<string, { stage: AppealKind; outcome: string; count: number }>();
  for (const c of endCells) {
    const row = appeals.get(key(c.y) ?? "");
    if (row && c.outcome === "overturned") row.overturned += n(c.n);
    if (row && c.outcome === "partly") row.partly += n(c.n);
    const id = `${c.kind}|${c.outcome ?? "pending"}`;
    const e = ends.get(id) ?? { stage: c.kind as AppealKind, outcome: c.outcome ?? "pending", count: 0 };
    e.count += n(c.n);
    ends.set(id, e);
  }
  const appealTotal = appealRow(null);
  for (const r of appeals.values()) {
    r.appealedShare = share(r.appealed, r.refused);
    r.overturnedShare = share(r.overturned, r.appealed);
    appealTotal.refused += r.refused;
    appealTotal.appealed += r.appealed;
    appealTotal.overturned += r.overturned;
    appealTotal.partly += r.partly;
  }
  appealTotal.appealedShare = share(appealTotal.appealed, appealTotal.refused);
  appealTotal.overturnedShare = share(appealTotal.overturned, appealTotal.appealed);

  // Time to answer.
  const delays = new Map<string, { value: number; weight: number }[]>();
  for (const c of delayCells) {
    const list = delays.get(key(c.y) ?? "") ?? [];
    list.push({ value: n(c.days), weight: n(c.n) });
    delays.set(key(c.y) ?? "", list);
  }
  const timingRow = (y: string | null, c: Partial<Record<"answered" | "withDeadline" | "late" | "withEventDate" | "afterEvent", unknown>>, medianDays: number | null = null): TimingRow => {
    const r = { answered: n(c.answered), withDeadline: n(c.withDeadline), late: n(c.late), withEventDate: n(c.withEventDate), afterEvent: n(c.afterEvent) };
    return { year: y, ...r, medianDays, lateShare: share(r.late, r.withDeadline), afterEventShare: share(r.afterEvent, r.withEventDate) };
  };
  const timing = lateCells.map((c) => timingRow(key(c.y), c, weightedMedian(delays.get(key(c.y) ?? "") ?? [])));
  const timingSum = timing.reduce(
    (s, r) => ({ answered: s.answered + r.answered, withDeadline: s.withDeadline + r.withDeadline, late: s.late + r.late, withEventDate: s.withEventDate + r.withEventDate, afterEvent: s.afterEvent + r.afterEvent }),
    { answered: 0, withDeadline: 0, late: 0, withEventDate: 0, afterEvent: 0 },
  );
  const timingTotal = timingRow(null, timingSum, weightedMedian([...delays.values()].flat()));

  // Pretext signals.
  const pretextRow = (y: string | null, c: { refusals: unknown; contested: unknown; placeOrWorks: unknown; noAlternative: unknown }): PretextRow => {
    const r = { refusals: n(c.refusals), contested: n(c.contested), placeOrWorks: n(c.placeOrWorks), noAlternative: n(c.noAlternative) };
    return { year: y, ...r, contestedShare: share(r.contested, r.refusals), noAlternativeShare: share(r.noAlternative, r.placeOrWorks) };
  };
  const pretext = pretextCells.map((c) => pretextRow(key(c.y), c));
  const pretextTotal = pretextRow(
    null,
    pretext.reduce((s, r) => ({ refusals: s.refusals + r.refusals, contested: s.contested + r.contested, placeOrWorks: s.placeOrWorks + r.placeOrWorks, noAlternative: s.noAlternative + r.noAlternative }), {
      refusals: 0,
      contested: 0,
      placeOrWorks: 0,
      noAlternative: 0,
    }),
  );
  const byGround = PLACE_OR_WORKS.map((g) => {
    const c = altCells.find((x) => x.ground === g);
    return { ground: g, refusals: n(c?.refusals), noAlternative: n(c?.noAlternative), noAlternativeShare: share(n(c?.noAlternative), n(c?.refusals)) };
  });
  const reasons = new Map<string, { text: string; years: Set<string>; answers: number }>();
  for (const c of [...reasonCells].sort((a, b) => compareKeys(key(a.y) ?? "", key(b.y) ?? "") || a.text.localeCompare(b.text))) {
    const k = normaliseReason(c.text);
    const r = reasons.get(k) ?? { text: c.text, years: new Set<string>(), answers: 0 };
    if (key(c.y)) r.years.add(String(c.y));
    r.answers += n(c.n);
    reasons.set(k, r);
  }
  const reusedReasons = [...reasons.values()]
    .filter((r) => r.years.size > 1)
    .map((r) => ({ text: r.text, years: [...r.years].sort(), answers: r.answers }))
    .sort((a, b) => b.years.length - a.years.length || b.answers - a.answers || a.text.localeCompare(b.text));

  return {
    filters,
    groundList,
    refusals: { total: all.refusals, byGround: groundCounts(all.refusals, all.grounds, order) },
    refusalsBy: refusalsByDim,
    outcomes: byYear(outcomes.values()),
    appeals: {
      byYear: byYear(appeals.values()),
      total: appealTotal,
      endedAt: [...ends.values()].sort((a, b) => appealRank(a.stage) - appealRank(b.stage) || a.outcome.localeCompare(b.outcome)),
    },
    timing: { byYear: byYear(timing), total: timingTotal },
    pretext: { byYear: byYear(pretext), total: pretextTotal, byGround, reusedReasons },
  };
}

// ───────────────────────────── cache

/*
 * Figures are cached per (visibility scope, filters) and tagged with a fingerprint of the
 * data: a version number that writers may bump (invalidateStats) plus a cheap aggregate over
 * the applications (count, latest updatedAt — every change to a case's answers, appeals or
 * parts goes through recomputeCase, which touches the application) and the change log (every
 * audited write). A stale entry is recomputed on the next read; nothing is ever served from
 * before a write that went through the app or the scripts.
 */
let dataVersion = 0;
const MAX_ENTRIES = 200;
const cache = new Map<string, { fingerprint: string; figures: StatsFigures }>();

/** Call after a write that the fingerprint might not see (e.g. reference data edited without a change log). */
export function invalidateStats(): void {
  dataVersion += 1;
}

async function fingerprint(client: Db): Promise<string> {
  return `${dataVersion}:${await dbDataVersion(client)}`;
}

export async function getStats(actor: Actor | null, filters: StatsFilters): Promise<StatsFigures> {
  const scope: Scope = Object.assign(visibleGroupIds(actor), { cases: sharedCaseIds(actor) });
  const cacheKey = `${visibilityKey(actor)}|${new URLSearchParams(filtersToParams(filters)).toString()}`;
  // Anonymous figures come from the read replica when there is one (lib/db.ts readerFor).
  const client = readerFor(actor);
  const fp = await fingerprint(client);
  const hit = cache.get(cacheKey);
  if (hit && hit.fingerprint === fp) return hit.figures;
  const figures = await computeStats(client, scope, filters);
  cache.delete(cacheKey);
  cache.set(cacheKey, { fingerprint: fp, figures });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return figures;
}

/**
 * What the statistics page and API show: the figures at the current data version when they are
 * computed, else the last ones while one background recompute catches up (lib/data/background-cache):
 * a full recompute takes seconds on a large database, and no visitor waits for it after a write.
 * getStats is the exact read, for callers that must not see figures one recompute old.
 */
const latestCache = backgroundCache<StatsFigures>();
export async function latestStats(actor: Actor | null, filters: StatsFilters): Promise<Latest<StatsFigures>> {
  const scope: Scope = Object.assign(visibleGroupIds(actor), { cases: sharedCaseIds(actor) });
  const cacheKey = `${visibilityKey(actor)}|${new URLSearchParams(filtersToParams(filters)).toString()}`;
  const latest = await latestCache(actor, cacheKey, (client) => computeStats(client, scope, filters));
  // Figures one recompute old may still count a case made private a moment ago: counts are
  // harmless for that moment, its words are not. The quoted reasons wait for the exact figures.
  if (latest.exact) return latest;
  return { ...latest, value: { ...latest.value, pretext: { ...latest.value.pretext, reusedReasons: [] } } };
}

/** What the filter controls offer: only values that occur in records the caller may see. */
const optionsCache = versionedCache<Awaited<ReturnType<typeof computeStatsFilterOptions>>>();
export async function getStatsFilterOptions(actor: Actor | null) {
  const client = readerFor(actor);
  return optionsCache(client, visibilityKey(actor), () => computeStatsFilterOptions(client, actor));
}
/** The filter options as the page shows them: never waiting for a recompute after a write (see latestStats). */
const latestOptionsCache = backgroundCache<Awaited<ReturnType<typeof computeStatsFilterOptions>>>();
export async function latestStatsFilterOptions(actor: Actor | null) {
  return latestOptionsCache(actor, visibilityKey(actor), (client) => computeStatsFilterOptions(client, actor));
}
async function computeStatsFilterOptions(client: Db, actor: Actor | null) {
  const where = visibleCasesWhere(actor);
  const [cities, authorities, groups, years] = await Promise.all([
    client.application.groupBy({ by: ["city"], where: { ...where, city: { not: "" } }, orderBy: { city: "asc" } }),
    client.authority.findMany({ where: visibleAuthoritiesWhere(actor, ["filed"]), orderBy: { name: "asc" }, select: { id: true, name: true, nameRu: true, nameKk: true } }),
    client.group.findMany({ where: visibleGroupsWhere(actor, ["organizer", "application"]), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    // A batch known only by its period has no filing date, only the period's end.
    client.application.aggregate({ where, _min: { filedOn: true, filedBefore: true }, _max: { filedOn: true, filedBefore: true } }),
  ]);
  const known = [years._min.filedOn, years._min.filedBefore, years._max.filedOn, years._max.filedBefore].filter((d): d is string => Boolean(d)).map((d) => Number(d.slice(0, 4)));
  const thisYear = new Date().getUTCFullYear();
  const first = known.length ? Math.min(...known) : thisYear;
  const last = known.length ? Math.max(...known) : thisYear;
  return {
    cities: cities.map((c) => c.city),
    authorities,
    groups,
    years: Array.from({ length: last - first + 1 }, (_, i) => String(first + i)),
  };
}
