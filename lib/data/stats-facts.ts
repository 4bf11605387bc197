import "server-only";
// The statistics' per-case facts: for each case, what the figures need of it (year, city,
// authority, organizers, parts and their outcomes, the refused parts with their answer's grounds,
// the appeal's last stage, the dates that time an answer, the stated reasons and whether a
// wording names someone). Loaded once, then kept up to date from the log of changed cases that
// triggers write with every write (lib/stats-changes.ts): after a write only the cases it touched
// are read again, and the figures are summed from the facts in one pass (lib/data/stats.ts).
// At 100,000 applications the ten GROUP BY queries this replaces took some 2.5 s of a core after
// every write; the README's "Statistics summed from per-case facts" has the figures.
//
// The facts are kept per database client (the background reader, the replica, a test's client).
// Personal data is not kept: a stated reason's "names someone" is decided when its case is read.
import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import type { Db } from "../db";
import { isSealed, open } from "../crypto/fields";
import { isSqliteClient } from "../db-client";
import { daysBetween } from "../domain/dates";
import { appealRank, PLACE_OR_WORKS, REFUSAL_OUTCOMES } from "../domain/stats";
import { APPEAL_KINDS } from "../domain/vocabulary";
import { EVERY_CASE } from "../stats-changes";
import { ACCEPTED_ORGANIZER } from "./scope";

export interface AnswerFact {
  /** TRIM(statedReason), as the database trims it. */
  text: string;
  /** The year it was received, or null when its date is not known at all. */
  receivedYear: string | null;
  alternativeOffered: boolean;
  /** Codes of the grounds it cites. */
  grounds: readonly string[];
  /** It cites a ground that a place taken or works at the place can pretext (PLACE_OR_WORKS). */
  placeOrWorks: boolean;
  /** Evidence on record contests the stated ground. */
  contested: boolean;
  /** The wording names a person the case keeps from outsiders (lib/data/visibility.ts). */
  namesSomeone: boolean;
  /** The forms of the parts it refuses (empty: it refuses none). */
  refusedForms: readonly string[];
}

export interface PartFact {
  form: string;
  outcome: string;
}

/** Which of the time-to-answer figures a case counts in (CaseFact.timing). */
export const TIMING = { answered: 1, delay: 2, deadline: 4, late: 8, eventDate: 16, afterEvent: 32 } as const;

export interface CaseFact {
  id: string;
  groupId: string;
  isPublic: boolean;
  /** SUBSTR(COALESCE(filedOn, filedBefore), 1, 4): the year of the request. */
  year: string | null;
  city: string;
  authorityId: string | null;
  requestCount: number;
  /** The accepted organizing groups, or the owning group when none are recorded. */
  organizedBy: readonly string[];
  /** Its parts (shared objects: a form and an outcome). */
  parts: readonly PartFact[];
  /** The refused parts (one per part and answer refusing it), with that answer. */
  refused: readonly { form: string; answer: AnswerFact | null }[];
  /** Its answers that state a reason in words. */
  worded: readonly AnswerFact[];
  appealed: boolean;
  /** The stage the appeal ended at (highest rank, then latest filed) and that stage's ruling. */
  ended: { kind: string; outcome: string | null } | null;
  /** TIMING flags: answered on a known day, with a delay from a known filing day, … */
  timing: number;
  /** Days from filing to the first answer, when TIMING.delay is set. */
  days: number;
}

const REFUSED = join(REFUSAL_OUTCOMES.map((o) => sql`${o}`));
const CHUNK = 500;

const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n || v === "1" || v === "true";
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** The earlier of two ISO dates (either may be missing). */
const minDate = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

const NONE: readonly never[] = Object.freeze([]);
const POW: ReadonlySet<string> = new Set(PLACE_OR_WORKS);

/** Each row's values, listed under its key. */
function listed<R>(rows: readonly R[], keyOf: (r: R) => string, valuesOf: (r: R) => string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(keyOf(r));
    if (list) list.push(...valuesOf(r));
    else out.set(keyOf(r), valuesOf(r));
  }
  return out;
}

/** Immutable values many cases share (a part's form and outcome, an owning group alone), one copy each. */
const sharedValues = new Map<string, unknown>();
function shared<T>(key: string, make: () => T): T {
  let v = sharedValues.get(key) as T | undefined;
  if (v === undefined) sharedValues.set(key, (v = Object.freeze(make())));
  return v;
}

/** Strings repeat (a copied reason, a city): one copy each in memory. */
function interner() {
  const seen = new Map<string, string>();
  return (s: string): string => {
    const had = seen.get(s);
    if (had !== undefined) return had;
    seen.set(s, s);
    return s;
  };
}

/** Reads the facts of the given cases (all of them when `ids` is null). Cases not found are absent. */
export async function loadCaseFacts(client: Db, ids: readonly string[] | null): Promise<Map<string, CaseFact>> {
  const out = new Map<string, CaseFact>();
  if (ids === null) {
    await loadInto(client, null, out);
    return out;
  }
  for (let i = 0; i < ids.length; i += CHUNK) await loadInto(client, ids.slice(i, i + CHUNK), out);
  return out;
}

async function loadInto(client: Db, ids: readonly string[] | null, out: Map<string, CaseFact>): Promise<void> {
  const of = (col: string): Sql => (ids ? sql`${raw(col)} IN (${join([...ids])})` : sql`1 = 1`);
  const intern = interner();
  const [cases, organizers, parts, refused, answers, grounds, contests, stages, people] = await Promise.all([
    client.$queryRaw<{ id: string; groupId: string; isPublic: unknown; y: unknown; city: string | null; authorityId: string | null; rc: unknown; filed: string | null; due: string | null }[]>`
      SELECT a."id", a."groupId", a."isPublic", SUBSTR(COALESCE(a."filedOn", a."filedBefore"), 1, 4) AS y, a."city", a."authorityId", a."requestCount" AS rc,
        CASE WHEN a."filedOnPrecision" = 'day' THEN a."filedOn" ELSE NULL END AS filed, a."answerDueOn" AS due
      FROM "Application" a WHERE ${of(`a."id"`)}`,
    client.$queryRaw<{ aid: string; groupId: string }[]>`SELECT ag."applicationId" AS aid, ag."groupId" FROM "ApplicationGroup" ag
      WHERE ag."status" = ${ACCEPTED_ORGANIZER.status} AND ${of(`ag."applicationId"`)}`,
    client.$queryRaw<{ aid: string; form: string; outcome: string; ev: string | null }[]>`SELECT p."applicationId" AS aid, p."form", p."outcome",
        CASE WHEN p."eventDatePrecision" = 'day' THEN p."eventDate" ELSE NULL END AS ev
      FROM "Part" p WHERE ${of(`p."applicationId"`)}`,
    client.$queryRaw<{ aid: string; form: string; answerId: string }[]>`SELECT p."applicationId" AS aid, p."form", po."answerId"
      FROM "PartOutcome" po JOIN "Part" p ON p."id" = po."partId"
      WHERE po."outcome" IN (${REFUSED}) AND ${of(`p."applicationId"`)}`,
    client.$queryRaw<{ id: string; aid: string; text: string; receivedOn: string | null; prec: string; alt: unknown }[]>`SELECT an."id", an."applicationId" AS aid,
        TRIM(an."statedReason") AS text, an."receivedOn", an."receivedOnPrecision" AS prec, an."alternativeOffered" AS alt
      FROM "Answer" an WHERE ${of(`an."applicationId"`)}`,
    client.$queryRaw<{ answerId: string; code: string }[]>`SELECT gc."answerId", g."code" FROM "GroundCited" gc
      JOIN "RefusalGround" g ON g."id" = gc."groundId" JOIN "Answer" an ON an."id" = gc."answerId"
      WHERE ${of(`an."applicationId"`)}`,
    client.$queryRaw<{ answerId: string }[]>`SELECT DISTINCT e."answerId" FROM "Evidence" e JOIN "Answer" an ON an."id" = e."answerId"
      WHERE e."stance" = 'contests' AND ${of(`an."applicationId"`)}`,
    client.$queryRaw<{ aid: string; id: string; kind: string; filedOn: string | null; outcome: string | null }[]>`SELECT s."applicationId" AS aid, s."id", s."kind", s."filedOn", r."outcome"
      FROM "AppealStage" s LEFT JOIN "Ruling" r ON r."appealStageId" = s."id" WHERE ${of(`s."applicationId"`)}`,
    // The people a case names (its applicants, and the people of incidents linked to it) who
    // carry something a stated reason must not be quoted with.
    client.$queryRaw<{ aid: string; idNumber: string; phone: string; address: string; fullName: string; isPublic: unknown }[]>`SELECT cp.aid, pe."idNumber", pe."phone", pe."address", pe."fullName", pe."isPublic"
      FROM (SELECT ap."applicationId" AS aid, ap."personId" AS pid FROM "Applicant" ap WHERE ${of(`ap."applicationId"`)}
        UNION SELECT ia."applicationId" AS aid, ip."personId" AS pid FROM "IncidentPerson" ip JOIN "IncidentApplication" ia ON ia."incidentId" = ip."incidentId" WHERE ${of(`ia."applicationId"`)}) cp
      JOIN "Person" pe ON pe."id" = cp.pid
      WHERE pe."idNumber" <> '' OR pe."phone" <> '' OR pe."address" <> '' OR (pe."isPublic" = FALSE AND pe."fullName" <> '')`,
  ]);

  interface Draft {
    fact: CaseFact;
    organizers: string[];
    parts: PartFact[];
    refused: { form: string; answer: AnswerFact | null }[];
    worded: AnswerFact[];
    stage: { kind: string; filedOn: string; id: string; outcome: string | null } | null;
    filed: string | null;
    due: string | null;
    answered: string | null;
    event: string | null;
  }
  const drafts = new Map<string, Draft>();
  for (const c of cases) {
    const fact: CaseFact = {
      id: c.id,
      groupId: intern(c.groupId),
      isPublic: bool(c.isPublic),
      year: c.y === null || c.y === undefined ? null : intern(String(c.y)),
      city: intern(c.city ?? ""),
      authorityId: c.authorityId === null ? null : intern(c.authorityId),
      requestCount: Number(c.rc ?? 0),
      organizedBy: NONE,
      parts: NONE,
      refused: NONE,
      worded: NONE,
      appealed: false,
      ended: null,
      timing: 0,
      days: 0,
    };
    drafts.set(c.id, { fact, organizers: [], parts: [], refused: [], worded: [], stage: null, filed: str(c.filed), due: str(c.due), answered: null, event: null });
  }
  for (const o of organizers) drafts.get(o.aid)?.organizers.push(intern(o.groupId));
  for (const p of parts) {
    const d = drafts.get(p.aid);
    if (!d) continue;
    d.parts.push(shared(`${p.form}\u0000${p.outcome}`, () => ({ form: p.form, outcome: p.outcome })));
    d.event = minDate(d.event, str(p.ev));
  }

  const groundsOf = listed(grounds, (g) => g.answerId, (g) => [intern(g.code)]);
  const contested = new Set(contests.map((e) => e.answerId));
  const opened = new Map<string, string>();
  const openOnce = (v: string, field: "idNumber" | "phone" | "address" | "fullName") => {
    const k = `${field}\u0000${v}`;
    let o = opened.get(k);
    if (o === undefined) opened.set(k, (o = (isSealed(v) ? open(v, field) : v).toLowerCase()));
    return o;
  };
  const sensitive = listed(
    people,
    (p) => p.aid,
    (p) => [
      ...(["idNumber", "phone", "address"] as const).filter((field) => p[field]).map((field) => openOnce(p[field], field)),
      // A private person's name, plain or sealed where the group encrypts names.
      ...(!bool(p.isPublic) && p.fullName ? [openOnce(p.fullName, "fullName")] : []),
    ],
  );
  const refusedFormsOf = listed(refused, (r) => r.answerId, (r) => [intern(r.form)]);
  const answerById = new Map<string, AnswerFact>();
  for (const a of answers) {
    const d = drafts.get(a.aid);
    if (!d) continue;
    if (a.prec === "day") d.answered = minDate(d.answered, str(a.receivedOn));
    const text = a.text ?? "";
    const forms = refusedFormsOf.get(a.id);
    // Only an answer that refuses something or states a reason counts in any figure.
    if (!forms && text === "") continue;
    const lower = text.toLowerCase();
    const codes = groundsOf.get(a.id)?.slice() ?? NONE;
    const fact: AnswerFact = {
      text: intern(text),
      receivedYear: a.receivedOn === null || a.receivedOn === undefined ? null : intern(String(a.receivedOn).slice(0, 4)),
      alternativeOffered: bool(a.alt),
      grounds: codes,
      placeOrWorks: codes.some((g) => POW.has(g)),
      contested: contested.has(a.id),
      namesSomeone: text !== "" && (sensitive.get(a.aid) ?? NONE).some((v) => v.length >= 3 && lower.includes(v)),
      refusedForms: forms?.slice() ?? NONE,
    };
    if (text !== "") d.worded.push(fact);
    answerById.set(a.id, fact);
  }
  for (const r of refused) drafts.get(r.aid)?.refused.push({ form: intern(r.form), answer: answerById.get(r.answerId) ?? null });

  for (const s of stages) {
    const d = drafts.get(s.aid);
    if (!d) continue;
    d.fact.appealed = true;
    const stage = { kind: s.kind, filedOn: s.filedOn ?? "", id: s.id, outcome: s.outcome };
    if (!d.stage || laterStage(stage, d.stage)) d.stage = stage;
  }

  for (const d of drafts.values()) {
    const f = d.fact;
    // Copies sized to fit: an array grown by push keeps room for 17 elements.
    if (d.organizers.length) f.organizedBy = d.organizers.slice();
    else f.organizedBy = shared(`group\u0000${f.groupId}`, () => [f.groupId]);
    if (d.parts.length) f.parts = d.parts.slice();
    if (d.refused.length) f.refused = d.refused.slice();
    if (d.worded.length) f.worded = d.worded.slice();
    const st = d.stage;
    if (st) f.ended = shared(`stage\u0000${st.kind}\u0000${st.outcome ?? "\u0001"}`, () => ({ kind: st.kind, outcome: st.outcome }));
    const { filed, answered, due, event } = d;
    if (answered !== null) {
      f.timing |= TIMING.answered;
      if (filed !== null && answered >= filed) {
        f.timing |= TIMING.delay;
        f.days = daysBetween(filed, answered);
      }
      if (due !== null) f.timing |= TIMING.deadline | (answered > due ? TIMING.late : 0);
      if (event !== null) f.timing |= TIMING.eventDate | (answered > event ? TIMING.afterEvent : 0);
    }
    out.set(f.id, f);
  }
}

/** Where an appeal ended: its highest-ranked stage, then the latest filed, then the greatest id. */
function laterStage(a: { kind: string; filedOn: string; id: string }, b: { kind: string; filedOn: string; id: string }): boolean {
  const ra = STAGE_RANK.get(a.kind) ?? 0;
  const rb = STAGE_RANK.get(b.kind) ?? 0;
  return ra !== rb ? ra > rb : a.filedOn !== b.filedOn ? a.filedOn > b.filedOn : a.id > b.id;
}
const STAGE_RANK = new Map<string, number>(APPEAL_KINDS.map((k) => [k, appealRank(k)]));

// ───────────────────────────── keeping them up to date

interface Store {
  facts: Map<string, CaseFact>;
  /** The last change-log row read (-1: nothing loaded yet). */
  seq: number;
  /** PostgreSQL: the oldest transaction still open when the log was last read. */
  xmin: string | null;
  /** PostgreSQL: rows already read (seq → xid) that the next read finds again (xid ≥ xmin): not read twice. */
  seen: Map<number, bigint>;
  /** The data version the facts were brought up to. */
  version: string | null;
  running: Promise<void> | null;
}

const stores = new WeakMap<object, Store>();
/** How many cases the last bring-up-to-date read again, for the tests and the bench. */
export const factLoads = { full: 0, cases: 0 };

/**
 * The facts as of `version` (a data version read before the call: a write after it may be in
 * them too, and is read again at the next version). One bring-up-to-date at a time per client.
 */
export async function caseFacts(client: Db, version: string): Promise<Map<string, CaseFact>> {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = { facts: new Map(), seq: -1, xmin: null, seen: new Map(), version: null, running: null }));
  while (store.version !== version) {
    if (store.running) {
      await store.running;
      continue;
    }
    const s = store;
    s.running = catchUp(client, s, version).finally(() => (s.running = null));
    await s.running;
  }
  return store.facts;
}

async function catchUp(client: Db, store: Store, version: string): Promise<void> {
  const pg = !isSqliteClient(client);
  // The log first, then the cases: a write between the two is in the facts read, and read
  // again at the next version.
  const [{ mn, mx, xmin }] = await client.$queryRawUnsafe<{ mn: unknown; mx: unknown; xmin: string | null }[]>(
    pg
      ? `SELECT MIN("seq") AS mn, MAX("seq") AS mx, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin FROM "StatsChange"`
      : `SELECT MIN("seq") AS mn, MAX("seq") AS mx, NULL AS xmin FROM "StatsChange"`,
  );
  const top = mx === null || mx === undefined ? 0 : Number(mx);
  const bottom = mn === null || mn === undefined ? top + 1 : Number(mn);
  const loadAll = async () => {
    store.facts = await loadCaseFacts(client, null);
    factLoads.full++;
  };
  if (store.seq < 0 || bottom > store.seq + 1) {
    // Nothing loaded yet, or the log was pruned past what this reader last saw. On PostgreSQL
    // the rows at or above xmin that have committed are in what the load reads: seen, so the
    // next read does not read their cases again while another transaction anywhere on the
    // server keeps xmin low.
    const seen = new Map<number, bigint>();
    if (pg && xmin !== null) {
      const rows = await client.$queryRaw<{ seq: unknown; xid: unknown }[]>`SELECT "seq", "xid" FROM "StatsChange" WHERE "xid" >= ${BigInt(xmin)}`;
      for (const r of rows) seen.set(Number(r.seq), BigInt(String(r.xid)));
    }
    await loadAll();
    store.seq = top;
    store.seen = seen;
  } else {
    // On PostgreSQL also the rows of transactions that were open at the last read: they may
    // have committed since, below the last "seq" seen. Those read then are not read again.
    const rows = (
      await client.$queryRaw<{ seq: unknown; applicationId: string; xid: unknown }[]>`SELECT "seq", "applicationId", "xid" FROM "StatsChange"
        WHERE "seq" > ${store.seq} ${pg ? sql`OR "xid" >= ${BigInt(store.xmin ?? "0")}` : empty}`
    ).filter((r) => !store.seen.has(Number(r.seq)));
    const ids = new Set(rows.map((r) => r.applicationId));
    if (ids.has(EVERY_CASE)) await loadAll();
    else if (ids.size) {
      const fresh = await loadCaseFacts(client, [...ids]);
      for (const id of ids) {
        const f = fresh.get(id);
        if (f) store.facts.set(id, f);
        else store.facts.delete(id);
      }
      factLoads.cases += ids.size;
    }
    store.seq = rows.reduce((m, r) => Math.max(m, Number(r.seq)), Math.max(store.seq, top));
    if (pg) {
      const floor = BigInt(xmin ?? "0");
      const seen = new Map<number, bigint>();
      for (const [seq, xid] of store.seen) if (xid >= floor) seen.set(seq, xid);
      for (const r of rows) if (r.xid !== null && BigInt(String(r.xid)) >= floor) seen.set(Number(r.seq), BigInt(String(r.xid)));
      store.seen = seen;
    }
  }
  store.xmin = xmin;
  store.version = version;
}
