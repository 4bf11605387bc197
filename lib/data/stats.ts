import "server-only";
// Refusal statistics, summed in one pass over the per-case facts (lib/data/stats-facts.ts),
// which are loaded once and then read again only for the cases a write touched. Every figure
// counts what the GROUP BY queries this replaced counted (their SQL is in the history): a
// request counts with its "requestCount" (a batch known only as a count), a refused part once
// per answer refusing it, and a stated reason once per answer.
import { dataVersion as dbDataVersion, versionedCache } from "../db-client";
import { readerFor, type Db } from "../db";
import { backgroundCache, type Latest } from "./background-cache";
import { caseFacts, TIMING, type CaseFact } from "./stats-facts";
import { sharedCaseIds, visibilityKey, visibleCasesWhere, visibleGroupIds, type Actor } from "../auth/access";
import type { AppealKind } from "../domain/vocabulary";
import {
  appealRank,
  compareKeys,
  normaliseReason,
  PLACE_OR_WORKS,
  share,
  STATS_DIMENSIONS,
  UNCLASSIFIED,
  weightedMedian,
  type StatsDimension,
} from "../domain/stats";
import type { AppealRow, PretextRow, RefusalRow, StatsFigures, StatsFilters, TimingRow } from "../validation/stats";
import { filtersToParams } from "../validation/stats";
import { visibleAuthoritiesWhere, visibleGroupsWhere } from "./scope";

/**
 * The reader's groups; `cases` are the cases shared with them by a coalition (lib/auth/access),
 * which count as their own. Carried on the array so every caller keeps its signature.
 */
type Scope = readonly string[] & { cases?: readonly string[] };

const n = (v: unknown): number => Number(v ?? 0);
const key = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

// ───────────────────────────── one pass over the facts

type RefusalRows = Map<string, { refusals: number; grounds: Map<string, number> }>;
type LateCell = { y: string | null; answered: number; withDeadline: number; late: number; withEventDate: number; afterEvent: number };

function addRefusal(rows: RefusalRows, k: string, n: number, grounds: readonly string[]): void {
  let row = rows.get(k);
  if (!row) rows.set(k, (row = { refusals: 0, grounds: new Map<string, number>() }));
  row.refusals += n;
  for (const g of grounds) row.grounds.set(g, (row.grounds.get(g) ?? 0) + n);
}

const NO_GROUND = [UNCLASSIFIED];
const CHUNK = 5_000;
const POW: ReadonlySet<string> = new Set(PLACE_OR_WORKS);

/** Everything counted for one year of filing (key "" for cases whose year is not known). */
function yearSums(y: string | null) {
  return {
    y,
    outcomes: new Map<string, number>(),
    /** Some refusal counted (a request count may be 0, so the sums alone cannot tell). */
    anyRefused: false,
    anyAnswered: false,
    refused: 0,
    appealed: 0,
    ends: new Map<string, { kind: string; outcome: string | null; n: number }>(),
    delays: new Map<number, number>(),
    late: null as LateCell | null,
    pretext: { y, refusals: 0, contested: 0, placeOrWorks: 0, noAlternative: 0 },
  };
}

/**
 * Every count the figures are assembled from, for the cases `scope` may see that pass the
 * filters. The form filter applies to the part where a figure is per part (refusals, outcomes),
 * otherwise to any part of the case. One pass, a map lookup per case for its year's sums, over
 * a snapshot of the facts (an array: a catch-up may replace facts while the sum yields).
 */
export async function tallyFacts(facts: readonly CaseFact[], scope: Scope, f: StatsFilters) {
  const groups = new Set(scope);
  const shared = new Set(scope.cases ?? []);
  const form = f.form;
  const dims = { overall: new Map() as RefusalRows, year: new Map() as RefusalRows, city: new Map() as RefusalRows, authority: new Map() as RefusalRows, form: new Map() as RefusalRows };
  const byGroup: RefusalRows = new Map();
  const years = new Map<string, ReturnType<typeof yearSums>>();
  const alternatives = new Map<string, { ground: string; refusals: number; noAlternative: number }>();
  const reasons = new Map<string, Map<string, { text: string; y: string | null; n: number }>>();
  const withheld = new Set<string>();

  for (let i = 0; i < facts.length; i++) {
    // The sum runs on the server's thread: every CHUNK cases it lets waiting requests through
    // (at 100,000 cases one sum held the thread 60–100 ms under load).
    if (i % CHUNK === CHUNK - 1) await new Promise((r) => setImmediate(r));
    const c = facts[i];
    if (!(c.isPublic || groups.has(c.groupId) || shared.has(c.id))) continue;
    const y = c.year;
    if (f.yearFrom && (y === null || y < f.yearFrom)) continue;
    if (f.yearTo && (y === null || y > f.yearTo)) continue;
    if (f.city && c.city !== f.city) continue;
    if (f.authority && c.authorityId !== f.authority) continue;
    if (f.group && !c.organizedBy.includes(f.group)) continue;
    const n = c.requestCount;
    const yk = y ?? "";
    let sums = years.get(yk);
    if (!sums) years.set(yk, (sums = yearSums(yk === "" ? null : y)));

    for (const p of c.parts) if (!form || p.form === form) sums.outcomes.set(p.outcome, (sums.outcomes.get(p.outcome) ?? 0) + n);

    let refused = false;
    for (const r of c.refused) {
      if (form && r.form !== form) continue;
      refused = true;
      const a = r.answer;
      const grounds = a && a.grounds.length ? a.grounds : NO_GROUND;
      addRefusal(dims.overall, "", n, grounds);
      addRefusal(dims.year, yk, n, grounds);
      addRefusal(dims.city, c.city, n, grounds);
      addRefusal(dims.authority, c.authorityId ?? "", n, grounds);
      addRefusal(dims.form, r.form, n, grounds);
      for (const g of c.organizedBy) addRefusal(byGroup, g, n, grounds);
      if (!a) continue;
      sums.anyAnswered = true;
      const pre = sums.pretext;
      pre.refusals += n;
      if (a.contested) pre.contested += n;
      if (a.placeOrWorks) {
        pre.placeOrWorks += n;
        if (!a.alternativeOffered) pre.noAlternative += n;
        for (const g of a.grounds) {
          if (!POW.has(g)) continue;
          let alt = alternatives.get(g);
          if (!alt) alternatives.set(g, (alt = { ground: g, refusals: 0, noAlternative: 0 }));
          alt.refusals += n;
          if (!a.alternativeOffered) alt.noAlternative += n;
        }
      }
    }
    if (refused) {
      sums.anyRefused = true;
      sums.refused += n;
      if (c.appealed) sums.appealed += n;
      const e = c.ended;
      if (e) {
        const k = `${e.kind}\u0000${e.outcome ?? ""}`;
        let end = sums.ends.get(k);
        if (!end) sums.ends.set(k, (end = { kind: e.kind, outcome: e.outcome, n: 0 }));
        end.n += n;
      }
    }

    // The rest is per case: the form filter asks for any part of that form.
    if (form && !c.parts.some((p) => p.form === form)) continue;
    const t = c.timing;
    if (t & TIMING.answered) {
      const late = (sums.late ??= { y: sums.y, answered: 0, withDeadline: 0, late: 0, withEventDate: 0, afterEvent: 0 });
      if (t & TIMING.delay) {
        sums.delays.set(c.days, (sums.delays.get(c.days) ?? 0) + n);
        late.answered += n;
      }
      if (t & TIMING.deadline) late.withDeadline += n;
      if (t & TIMING.late) late.late += n;
      if (t & TIMING.eventDate) late.withEventDate += n;
      if (t & TIMING.afterEvent) late.afterEvent += n;
    }
    if (c.worded.length === 0) continue;
    const foreign = !groups.has(c.groupId) && !shared.has(c.id);
    for (const a of c.worded) {
      // A wording outside the reader's groups that names someone its case keeps from them is
      // not quoted, whichever answer it comes from.
      if (foreign && a.namesSomeone) withheld.add(a.text);
      if (a.refusedForms.length === 0 || (form && !a.refusedForms.includes(form))) continue;
      const ry = a.receivedYear ?? y;
      let byText = reasons.get(a.text);
      if (!byText) reasons.set(a.text, (byText = new Map()));
      let cell = byText.get(ry ?? "");
      if (!cell) byText.set(ry ?? "", (cell = { text: a.text, y: ry, n: 0 }));
      cell.n += 1;
    }
  }

  const sums = [...years.values()];
  return {
    byDims: dims,
    byGroup,
    outcomeCells: sums.flatMap((s) => [...s.outcomes].map(([o, n]) => ({ y: s.y, o, n }))),
    appealCells: sums.filter((s) => s.anyRefused).map((s) => ({ y: s.y, refused: s.refused, appealed: s.appealed })),
    endCells: sums.flatMap((s) => [...s.ends.values()].map((e) => ({ y: s.y, ...e }))),
    delayCells: sums.flatMap((s) => [...s.delays].map(([days, n]) => ({ y: s.y, days, n }))),
    lateCells: sums.flatMap((s) => (s.late ? [s.late] : [])),
    pretextCells: sums.filter((s) => s.anyAnswered).map((s) => s.pretext),
    altCells: [...alternatives.values()],
    reasonCells: [...reasons.values()].flatMap((m) => [...m.values()]).filter((r) => !withheld.has(r.text)),
  };
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
  const [groundList, facts] = await Promise.all([
    client.refusalGround.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, labelEn: true, labelRu: true, labelKk: true } }),
    dbDataVersion(client).then((version) => caseFacts(client, version)),
  ]);
  const { byDims, byGroup, outcomeCells, appealCells, endCells, delayCells, lateCells, pretextCells, altCells, reasonCells } = await tallyFacts([...facts.values()], scope, filters);
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
 * Figures are cached per (visibility scope, filters) and tagged with the data version (every
 * committed write to the record tables moves it, lib/data-version.ts) and a number writers may
 * bump (invalidateStats). A stale entry is summed again on the next read, from facts brought up
 * to date case by case (lib/data/stats-facts.ts).
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
 * a recompute reads again only the cases a write touched, but a large import touches many, and no
 * visitor waits for that.
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
