// Loads the documented history (./history.ts) with its sources and citations. Safe to repeat:
// it creates only what is missing, so a record a user edited stays as edited, and a record a
// user deleted (the change log remembers it) is not brought back. The one update it makes is
// to put our Russian and Kazakh (./history-translations.ts) into empty …Ru/…Kk columns of a
// record whose English is still ours. Run loadReference(db) first: refusal grounds are looked
// up by code.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../../lib/db-client";
import { isIsoDate } from "../../lib/domain/dates";
import { answerOutcome, deriveCase } from "../../lib/domain/status";
import type { Prisma } from "../../lib/generated/sqlite/client";
import {
  APPLICATIONS,
  AUTHORITIES,
  GROUPS,
  IMPORT_USER_NAME,
  INCIDENTS,
  PEOPLE,
  SOURCES,
  type Cite,
  type GroupSlug,
  type HistoryApplication,
  type SourceKey,
} from "./history";
import { CITATION_NOTE_TRANSLATIONS, HISTORY_TRANSLATIONS } from "./history-translations";

/** Our Russian and Kazakh for a record's texts, as columns: { titleRu, titleKk, … }. */
function translated(historyId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, t] of Object.entries(HISTORY_TRANSLATIONS[historyId] ?? {})) {
    out[`${field}Ru`] = t.ru;
    out[`${field}Kk`] = t.kk;
  }
  return out;
}

function translatedNote(note: string | undefined): Record<string, string> {
  const t = note ? CITATION_NOTE_TRANSLATIONS[note] : undefined;
  return t ? { noteRu: t.ru, noteKk: t.kk } : {};
}

type Tx = Prisma.TransactionClient;

/** Models whose rows carry an id, in the order they can be created. */
const MODELS = [
  "Group",
  "Authority",
  "Person",
  "Source",
  "Application",
  "Part",
  "Answer",
  "PartOutcome",
  "GroundCited",
  "Evidence",
  "AppealStage",
  "Hearing",
  "Ruling",
  "Event",
  "Incident",
  "Citation",
] as const;
type Model = (typeof MODELS)[number];

// ───────────────────────────── the source texts

/** prisma/seed/sources/, next to this file (or under the working directory, for bundlers). */
export function sourcesDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(fileURLToPath(new URL("./sources/", import.meta.url)));
  } catch {
    // not a file: URL (bundled); fall back to the working directory
  }
  candidates.push(path.resolve(process.cwd(), "prisma/seed/sources"));
  for (const dir of candidates) if (fs.existsSync(path.join(dir, SOURCES.adamdar2019.file))) return dir;
  throw new Error(`history: source texts not found (looked in ${candidates.join(", ")})`);
}

export function readSourceTexts(): Record<SourceKey, string> {
  const dir = sourcesDir();
  const out = {} as Record<SourceKey, string>;
  for (const key of Object.keys(SOURCES) as SourceKey[]) out[key] = fs.readFileSync(path.join(dir, SOURCES[key].file), "utf8");
  return out;
}

// ───────────────────────────── checking the data before anything is written

/** Every problem with the history data: quotes that are not in their source, bad dates, dangling references. */
export function validateHistory(texts: Record<SourceKey, string> = readSourceTexts()): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const checkId = (id: string) => {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    if (id.length > 60) problems.push(`id too long: ${id}`);
    ids.add(id);
  };
  const checkCites = (where: string, cites: Cite[]) => {
    if (cites.length === 0) problems.push(`${where}: no citation`);
    for (const c of cites) {
      if (!(c.src in texts)) problems.push(`${where}: unknown source ${c.src}`);
      else if (!c.quote.trim() || !texts[c.src].includes(c.quote)) problems.push(`${where}: quote not in ${c.src}: ${c.quote.slice(0, 80)}`);
    }
  };
  const checkDate = (where: string, d: string | null | undefined, precision?: string) => {
    if (d != null && !isIsoDate(d)) problems.push(`${where}: bad date ${d}`);
    if (precision && precision !== "unknown" && d == null) problems.push(`${where}: precision ${precision} without a date`);
    if (precision === "unknown" && d != null) problems.push(`${where}: a date with precision unknown`);
  };
  const groupSlugs = new Set(GROUPS.map((g) => g.slug));
  const authorityIds = new Set(AUTHORITIES.map((a) => a.id));
  const personIds = new Set(PEOPLE.map((p) => p.id));

  for (const s of Object.values(SOURCES)) checkId(s.id), checkDate(s.id, s.publishedOn, s.publishedOnPrecision);
  for (const g of GROUPS) checkId(g.id), checkCites(g.id, g.cite);
  for (const a of AUTHORITIES) checkId(a.id), checkCites(a.id, a.cite);
  for (const p of PEOPLE) {
    checkId(p.id);
    checkCites(p.id, p.cite);
    if (!groupSlugs.has(p.group)) problems.push(`${p.id}: unknown group ${p.group}`);
  }
  for (const app of APPLICATIONS) {
    checkId(app.id);
    checkCites(app.id, app.cite);
    checkDate(app.id, app.filedOn, app.filedOnPrecision);
    checkDate(`${app.id} filedBefore`, app.filedBefore);
    if (app.authority && !authorityIds.has(app.authority)) problems.push(`${app.id}: unknown authority ${app.authority}`);
    for (const slug of [app.group, ...app.organizers]) if (!groupSlugs.has(slug)) problems.push(`${app.id}: unknown group ${slug}`);
    const partIds = new Set(app.parts.map((p) => p.id));
    for (const p of app.parts) checkId(p.id), checkCites(p.id, p.cite), checkDate(p.id, p.eventDate, p.eventDatePrecision);
    for (const a of app.answers) {
      checkId(a.id);
      checkCites(a.id, a.cite);
      checkDate(a.id, a.receivedOn, a.receivedOnPrecision);
      for (const po of a.partOutcomes) if (!partIds.has(po.part)) problems.push(`${a.id}: part ${po.part} is not in ${app.id}`);
      for (const e of a.evidence ?? []) checkId(e.id), checkCites(e.id, e.cite), checkDate(e.id, e.observedOn, e.observedOnPrecision);
    }
    for (const s of app.stages ?? []) {
      checkId(s.id);
      checkCites(s.id, s.cite);
      checkDate(s.id, s.filedOn, s.filedOnPrecision);
      if (!authorityIds.has(s.body)) problems.push(`${s.id}: unknown body ${s.body}`);
      for (const h of s.hearings) checkId(h.id), checkCites(h.id, h.cite), checkDate(h.id, h.heldOn, h.heldOnPrecision);
      if (s.ruling) checkId(s.ruling.id), checkCites(s.ruling.id, s.ruling.cite), checkDate(s.ruling.id, s.ruling.decidedOn, s.ruling.decidedOnPrecision);
    }
    for (const e of app.events ?? []) checkId(e.id), checkCites(e.id, e.cite), checkDate(e.id, e.occurredOn, e.occurredOnPrecision);
  }
  const appIds = new Set(APPLICATIONS.map((a) => a.id));
  for (const inc of INCIDENTS) {
    checkId(inc.id);
    checkCites(inc.id, inc.cite);
    checkDate(inc.id, inc.occurredOn, inc.occurredOnPrecision);
    for (const slug of [inc.group, ...inc.groups]) if (!groupSlugs.has(slug)) problems.push(`${inc.id}: unknown group ${slug}`);
    for (const p of inc.people ?? []) if (!personIds.has(p.person)) problems.push(`${inc.id}: unknown person ${p.person}`);
    for (const a of inc.applications ?? []) if (!appIds.has(a)) problems.push(`${inc.id}: unknown application ${a}`);
    if ((inc.amount != null) !== Boolean(inc.currency)) problems.push(`${inc.id}: amount and currency go together`);
  }
  return problems;
}

/** Status and outcomes of an application as lib/domain/status.ts derives them from its records. */
export function deriveHistoryCase(app: HistoryApplication) {
  return deriveCase({
    filedOn: app.filedOn,
    parts: app.parts.map((p) => ({ id: p.id })),
    answers: app.answers.map((a) => ({
      receivedOn: a.receivedOn,
      partOutcomes: a.partOutcomes.map((po) => ({ partId: po.part, outcome: po.outcome })),
    })),
    stages: (app.stages ?? []).map((s) => ({ ruling: s.ruling ? { outcome: s.ruling.outcome } : null })),
    events: (app.events ?? []).map((e) => ({ kind: e.kind })),
  });
}

// ───────────────────────────── the plan: every row the history consists of

interface Row {
  model: Model;
  id: string;
  data: Record<string, unknown>;
  /** Rows that must exist (or be created in this run) for this one to be created. */
  needs: [Model, string][];
  /** Created only together with this row (its parts: outcomes of an answer, grounds of an answer). */
  onlyWith?: [Model, string];
  caseId: string | null;
  groupId: string | null;
  /** Links created with the row (organizers, people …), shown in its change-log entry. */
  logExtra?: Record<string, unknown>;
}

interface JoinRow {
  model: "ApplicationGroup" | "IncidentPerson" | "IncidentGroup" | "IncidentApplication";
  data: Record<string, string>;
  /** Created only when this parent is created in the same run (a user may have unlinked it since). */
  parent: [Model, string];
  needs: [Model, string][];
}

interface Resolved {
  group: Record<GroupSlug, string>;
  authority: Record<string, string>;
  source: Record<SourceKey, string>;
  ground: Record<string, string>;
}

function plan(texts: Record<SourceKey, string>, r: Resolved): { rows: Row[]; joins: JoinRow[] } {
  const rows: Row[] = [];
  const joins: JoinRow[] = [];
  const add = (row: Row, cites: Cite[] = []) => {
    rows.push(row);
    cites.forEach((c, i) =>
      rows.push({
        model: "Citation",
        id: `${row.id}-c${i + 1}`,
        data: { sourceId: r.source[c.src], recordType: row.model, recordId: row.id, quote: c.quote, note: c.note ?? "", ...translatedNote(c.note) },
        needs: [
          ["Source", r.source[c.src]],
          [row.model, row.id],
        ],
        caseId: row.caseId,
        groupId: row.groupId,
      }),
    );
  };

  for (const g of GROUPS) {
    const id = r.group[g.slug];
    add({ model: "Group", id, data: { id, slug: g.slug, name: g.name, description: g.description, city: g.city }, needs: [], caseId: null, groupId: id }, g.cite);
  }
  for (const a of AUTHORITIES) {
    const id = r.authority[a.id];
    add({ model: "Authority", id, data: { id, name: a.name, nameRu: a.nameRu, ...translated(a.id), kind: a.kind, city: a.city, country: "KZ" }, needs: [], caseId: null, groupId: null }, a.cite);
  }
  for (const p of PEOPLE) {
    const groupId = r.group[p.group];
    add(
      {
        model: "Person",
        id: p.id,
        // Named in published reports, in their public role: public; no IIN, address or phone.
        data: { id: p.id, groupId, isPublic: true, fullName: p.fullName, altNames: p.altNames ?? "", roleTitle: p.roleTitle, notes: p.notes ?? "", ...translated(p.id) },
        needs: [["Group", groupId]],
        caseId: null,
        groupId,
      },
      p.cite,
    );
  }
  for (const key of Object.keys(SOURCES) as SourceKey[]) {
    const s = SOURCES[key];
    const id = r.source[key];
    const groupId = r.group[s.group];
    rows.push({
      model: "Source",
      id,
      data: {
        id,
        groupId,
        isPublic: true,
        slug: s.slug,
        title: s.title,
        publisher: s.publisher,
        publishedOn: s.publishedOn,
        publishedOnPrecision: s.publishedOnPrecision,
        url: s.url,
        language: s.language,
        text: texts[key],
        ...translated(s.id),
      },
      needs: [["Group", groupId]],
      caseId: null,
      groupId,
    });
  }

  for (const app of APPLICATIONS) {
    const caseId = app.id;
    const groupId = r.group[app.group];
    const derived = deriveHistoryCase(app);
    const authorityId = app.authority ? r.authority[app.authority] : null;
    add(
      {
        model: "Application",
        id: app.id,
        data: {
          id: app.id,
          groupId,
          isPublic: true,
          title: app.title,
          procedure: app.procedure,
          authorityId,
          city: app.city,
          purpose: app.purpose,
          filedOn: app.filedOn,
          filedOnPrecision: app.filedOnPrecision,
          filedBefore: app.filedBefore ?? null,
          requestCount: app.requestCount ?? 1,
          notes: app.notes,
          status: derived.status,
          outcome: derived.outcome,
          ...translated(app.id),
        },
        needs: [["Group", groupId], ...(authorityId ? ([["Authority", authorityId]] as [Model, string][]) : [])],
        caseId,
        groupId,
        logExtra: { organizers: app.organizers.map((slug) => r.group[slug]) },
      },
      app.cite,
    );
    for (const slug of app.organizers) {
      const gid = r.group[slug];
      joins.push({ model: "ApplicationGroup", data: { applicationId: app.id, groupId: gid }, parent: ["Application", app.id], needs: [["Group", gid]] });
    }
    app.parts.forEach((p, position) =>
      add(
        {
          model: "Part",
          id: p.id,
          data: {
            id: p.id,
            applicationId: app.id,
            position,
            form: p.form,
            place: p.place ?? "",
            route: p.route ?? "",
            eventDate: p.eventDate,
            eventDatePrecision: p.eventDatePrecision,
            outcome: derived.partOutcomes[p.id],
            ...translated(p.id),
          },
          needs: [["Application", app.id]],
          caseId,
          groupId,
        },
        p.cite,
      ),
    );
    for (const a of app.answers) {
      add(
        {
          model: "Answer",
          id: a.id,
          data: {
            id: a.id,
            applicationId: app.id,
            receivedOn: a.receivedOn,
            receivedOnPrecision: a.receivedOnPrecision,
            statedReason: a.statedReason ?? "",
            articleCited: a.articleCited ?? "",
            alternativeOffered: a.alternativeOffered ?? false,
            alternativeDetails: a.alternativeDetails ?? "",
            conflictingBookingHolder: a.conflictingBookingHolder ?? "",
            notes: a.notes ?? "",
            outcome: answerOutcome(a.partOutcomes),
            ...translated(a.id),
          },
          needs: [["Application", app.id]],
          caseId,
          groupId,
        },
        a.cite,
      );
      a.partOutcomes.forEach((po, i) =>
        rows.push({
          model: "PartOutcome",
          id: `${a.id}-po${i + 1}`,
          data: { id: `${a.id}-po${i + 1}`, answerId: a.id, partId: po.part, outcome: po.outcome, limits: po.limits ?? "", alternative: po.alternative ?? "" },
          needs: [["Part", po.part]],
          onlyWith: ["Answer", a.id],
          caseId,
          groupId,
        }),
      );
      a.grounds.forEach((g, i) => {
        const groundId = r.ground[g.code];
        rows.push({
          model: "GroundCited",
          id: `${a.id}-g${i + 1}`,
          data: { id: `${a.id}-g${i + 1}`, answerId: a.id, groundId, articleCited: g.articleCited ?? "", words: g.words },
          needs: [],
          onlyWith: ["Answer", a.id],
          caseId,
          groupId,
        });
      });
      for (const e of a.evidence ?? [])
        add(
          {
            model: "Evidence",
            id: e.id,
            data: {
              id: e.id,
              answerId: a.id,
              stance: e.stance,
              observedOn: e.observedOn,
              observedOnPrecision: e.observedOnPrecision,
              observer: e.observer,
              description: e.description,
              ...translated(e.id),
            },
            needs: [["Answer", a.id]],
            caseId,
            groupId,
          },
          e.cite,
        );
    }
    for (const s of app.stages ?? []) {
      const bodyId = r.authority[s.body];
      add(
        {
          model: "AppealStage",
          id: s.id,
          data: {
            id: s.id,
            applicationId: app.id,
            kind: s.kind,
            filedOn: s.filedOn,
            filedOnPrecision: s.filedOnPrecision,
            bodyId,
            bodyName: s.bodyName,
            caseNumber: s.caseNumber ?? "",
            authorityArguments: s.authorityArguments ?? "",
            notes: s.notes ?? "",
            ...translated(s.id),
          },
          needs: [
            ["Application", app.id],
            ["Authority", bodyId],
          ],
          caseId,
          groupId,
        },
        s.cite,
      );
      for (const h of s.hearings)
        add(
          {
            model: "Hearing",
            id: h.id,
            data: {
              id: h.id,
              appealStageId: s.id,
              heldOn: h.heldOn,
              heldOnPrecision: h.heldOnPrecision,
              authorityArguments: h.authorityArguments ?? "",
              applicantArguments: h.applicantArguments ?? "",
              notes: h.notes ?? "",
              ...translated(h.id),
            },
            needs: [["AppealStage", s.id]],
            caseId,
            groupId,
          },
          h.cite,
        );
      if (s.ruling)
        add(
          {
            model: "Ruling",
            id: s.ruling.id,
            data: {
              id: s.ruling.id,
              appealStageId: s.id,
              decidedOn: s.ruling.decidedOn,
              decidedOnPrecision: s.ruling.decidedOnPrecision,
              outcome: s.ruling.outcome,
              summary: s.ruling.summary,
              ...translated(s.ruling.id),
            },
            needs: [["AppealStage", s.id]],
            caseId,
            groupId,
          },
          s.ruling.cite,
        );
    }
    for (const e of app.events ?? [])
      add(
        {
          model: "Event",
          id: e.id,
          data: {
            id: e.id,
            applicationId: app.id,
            kind: e.kind,
            occurredOn: e.occurredOn,
            occurredOnPrecision: e.occurredOnPrecision,
            description: e.description,
            statedReason: e.statedReason ?? "",
            participants: e.participants ?? null,
            ...translated(e.id),
          },
          needs: [["Application", app.id]],
          caseId,
          groupId,
        },
        e.cite,
      );
  }

  for (const inc of INCIDENTS) {
    const groupId = r.group[inc.group];
    add(
      {
        model: "Incident",
        id: inc.id,
        data: {
          id: inc.id,
          groupId,
          isPublic: true,
          kind: inc.kind,
          title: inc.title,
          occurredOn: inc.occurredOn,
          occurredOnPrecision: inc.occurredOnPrecision,
          city: inc.city,
          place: inc.place ?? "",
          description: inc.description,
          amount: inc.amount ?? null,
          currency: inc.currency ?? "",
          perpetrator: inc.perpetrator ?? "",
          ...translated(inc.id),
        },
        needs: [["Group", groupId]],
        caseId: inc.applications?.[0] ?? null,
        groupId,
        logExtra: {
          people: (inc.people ?? []).map((p) => ({ personId: p.person, role: p.role })),
          groups: inc.groups.map((slug) => r.group[slug]),
          applications: inc.applications ?? [],
        },
      },
      inc.cite,
    );
    for (const p of inc.people ?? [])
      joins.push({ model: "IncidentPerson", data: { incidentId: inc.id, personId: p.person, role: p.role }, parent: ["Incident", inc.id], needs: [["Person", p.person]] });
    for (const slug of inc.groups) {
      const gid = r.group[slug];
      joins.push({ model: "IncidentGroup", data: { incidentId: inc.id, groupId: gid }, parent: ["Incident", inc.id], needs: [["Group", gid]] });
    }
    for (const appId of inc.applications ?? [])
      joins.push({ model: "IncidentApplication", data: { incidentId: inc.id, applicationId: appId }, parent: ["Incident", inc.id], needs: [["Application", appId]] });
  }
  return { rows, joins };
}

// ───────────────────────────── the change log entry: the record, without personal data

const PERSONAL = new Set(["idNumber", "address", "phone"]);
/** Long texts (notes, descriptions, quotes) are cut in the log entry; the record holds them whole. */
const LOG_TEXT_MAX = 240;

function logAfter(row: Row): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.data)) {
    if (PERSONAL.has(k)) continue;
    if (row.model === "Source" && k === "text") out.textChars = typeof v === "string" ? v.length : 0;
    else if (typeof v === "string" && v.length > LOG_TEXT_MAX) out[k] = `${v.slice(0, LOG_TEXT_MAX)}…`;
    else out[k] = v;
  }
  return JSON.stringify({ ...out, ...row.logExtra });
}

// ───────────────────────────── loading

const isTranslationColumn = (k: string) => /[a-z](Ru|Kk)$/.test(k);

/** The model's client, for the translation pass, which reads and writes the same way for each. */
type Delegate = {
  findMany(args: { where: { id: { in: string[] } } }): Promise<Record<string, unknown>[]>;
  update(args: { where: { id: string }; data: Record<string, string> }): Promise<unknown>;
};
function delegate(tx: Tx, model: Model): Delegate {
  return (tx as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];
}

async function existingIds(tx: Tx, model: Model, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const where = { where: { id: { in: ids } }, select: { id: true } } as const;
  const found: { id: string }[] = await (() => {
    switch (model) {
      case "Group": return tx.group.findMany(where);
      case "Authority": return tx.authority.findMany(where);
      case "Person": return tx.person.findMany(where);
      case "Source": return tx.source.findMany(where);
      case "Application": return tx.application.findMany(where);
      case "Part": return tx.part.findMany(where);
      case "Answer": return tx.answer.findMany(where);
      case "PartOutcome": return tx.partOutcome.findMany(where);
      case "GroundCited": return tx.groundCited.findMany(where);
      case "Evidence": return tx.evidence.findMany(where);
      case "AppealStage": return tx.appealStage.findMany(where);
      case "Hearing": return tx.hearing.findMany(where);
      case "Ruling": return tx.ruling.findMany(where);
      case "Event": return tx.event.findMany(where);
      case "Incident": return tx.incident.findMany(where);
      case "Citation": return tx.citation.findMany(where);
    }
  })();
  return found.map((f) => f.id);
}

async function createRows(tx: Tx, model: Model, data: Record<string, unknown>[]): Promise<void> {
  if (data.length === 0) return;
  switch (model) {
    case "Group": await tx.group.createMany({ data: data as Prisma.GroupCreateManyInput[] }); return;
    case "Authority": await tx.authority.createMany({ data: data as Prisma.AuthorityCreateManyInput[] }); return;
    case "Person": await tx.person.createMany({ data: data as Prisma.PersonCreateManyInput[] }); return;
    case "Source": await tx.source.createMany({ data: data as Prisma.SourceCreateManyInput[] }); return;
    case "Application": await tx.application.createMany({ data: data as Prisma.ApplicationCreateManyInput[] }); return;
    case "Part": await tx.part.createMany({ data: data as Prisma.PartCreateManyInput[] }); return;
    case "Answer": await tx.answer.createMany({ data: data as Prisma.AnswerCreateManyInput[] }); return;
    case "PartOutcome": await tx.partOutcome.createMany({ data: data as Prisma.PartOutcomeCreateManyInput[] }); return;
    case "GroundCited": await tx.groundCited.createMany({ data: data as Prisma.GroundCitedCreateManyInput[] }); return;
    case "Evidence": await tx.evidence.createMany({ data: data as Prisma.EvidenceCreateManyInput[] }); return;
    case "AppealStage": await tx.appealStage.createMany({ data: data as Prisma.AppealStageCreateManyInput[] }); return;
    case "Hearing": await tx.hearing.createMany({ data: data as Prisma.HearingCreateManyInput[] }); return;
    case "Ruling": await tx.ruling.createMany({ data: data as Prisma.RulingCreateManyInput[] }); return;
    case "Event": await tx.event.createMany({ data: data as Prisma.EventCreateManyInput[] }); return;
    case "Incident": await tx.incident.createMany({ data: data as Prisma.IncidentCreateManyInput[] }); return;
    case "Citation": await tx.citation.createMany({ data: data as Prisma.CitationCreateManyInput[] }); return;
  }
}

async function createJoins(tx: Tx, model: JoinRow["model"], data: Record<string, string>[]): Promise<void> {
  if (data.length === 0) return;
  switch (model) {
    case "ApplicationGroup": await tx.applicationGroup.createMany({ data: data as unknown as Prisma.ApplicationGroupCreateManyInput[] }); return;
    case "IncidentPerson": await tx.incidentPerson.createMany({ data: data as unknown as Prisma.IncidentPersonCreateManyInput[] }); return;
    case "IncidentGroup": await tx.incidentGroup.createMany({ data: data as unknown as Prisma.IncidentGroupCreateManyInput[] }); return;
    case "IncidentApplication": await tx.incidentApplication.createMany({ data: data as unknown as Prisma.IncidentApplicationCreateManyInput[] }); return;
  }
}

/**
 * Creates the history's missing records, their citations and one change-log entry each.
 * Groups, authorities and sources that already exist under the same slug / name+city / slug
 * (e.g. a workspace a user created first) are reused rather than duplicated.
 */
export async function loadHistory(db: Db): Promise<{ created: number; translated: number }> {
  const texts = readSourceTexts();
  const problems = validateHistory(texts);
  if (problems.length > 0) throw new Error(`history: the data does not match its sources:\n- ${problems.join("\n- ")}`);

  return db.$transaction(
    async (tx) => {
      // Natural keys first: reuse a group, authority or source that is already there.
      const groupRows = await tx.group.findMany({ where: { slug: { in: GROUPS.map((g) => g.slug) } }, select: { id: true, slug: true } });
      const authorityRows = await tx.authority.findMany({
        where: { OR: AUTHORITIES.map((a) => ({ name: a.name, city: a.city })) },
        select: { id: true, name: true, city: true },
      });
      const sourceRows = await tx.source.findMany({ where: { slug: { in: Object.values(SOURCES).map((s) => s.slug) } }, select: { id: true, slug: true } });
      const groundRows = await tx.refusalGround.findMany({ select: { id: true, code: true } });

      const resolved: Resolved = { group: {} as Resolved["group"], authority: {}, source: {} as Resolved["source"], ground: {} };
      for (const g of GROUPS) resolved.group[g.slug] = groupRows.find((x) => x.slug === g.slug)?.id ?? g.id;
      for (const a of AUTHORITIES) resolved.authority[a.id] = authorityRows.find((x) => x.name === a.name && x.city === a.city)?.id ?? a.id;
      for (const key of Object.keys(SOURCES) as SourceKey[]) resolved.source[key] = sourceRows.find((x) => x.slug === SOURCES[key].slug)?.id ?? SOURCES[key].id;
      for (const g of groundRows) resolved.ground[g.code] = g.id;
      const neededGrounds = new Set(APPLICATIONS.flatMap((a) => a.answers.flatMap((x) => x.grounds.map((g) => g.code))));
      const missing = [...neededGrounds].filter((c) => !resolved.ground[c]);
      if (missing.length > 0) throw new Error(`history: refusal grounds missing (${missing.join(", ")}); run loadReference first`);

      const { rows, joins } = plan(texts, resolved);

      // What is there now, and what was ever there (the change log is append-only: a record the
      // import created once and a user deleted since stays deleted).
      const present = new Map<Model, Set<string>>();
      for (const model of MODELS) {
        const ids = rows.filter((r) => r.model === model).map((r) => r.id);
        present.set(model, new Set(await existingIds(tx, model, ids)));
      }
      const seenRows = await tx.changeLog.findMany({
        where: { entityId: { in: rows.map((r) => r.id) } },
        select: { entity: true, entityId: true },
      });
      const seen = new Set(seenRows.map((s) => `${s.entity}:${s.entityId}`));
      const rulingStages = new Set(
        (await tx.ruling.findMany({ where: { appealStageId: { in: rows.filter((r) => r.model === "Ruling").map((r) => String(r.data.appealStageId)) } }, select: { appealStageId: true } })).map(
          (x) => x.appealStageId,
        ),
      );

      const created = new Map<Model, Set<string>>(MODELS.map((m) => [m, new Set<string>()]));
      const has = (m: Model, id: string) => present.get(m)!.has(id) || created.get(m)!.has(id);
      const logs: Prisma.ChangeLogCreateManyInput[] = [];

      for (const model of MODELS) {
        const batch: Row[] = [];
        for (const row of rows) {
          if (row.model !== model) continue;
          if (present.get(model)!.has(row.id) || seen.has(`${model}:${row.id}`)) continue;
          if (row.onlyWith && !created.get(row.onlyWith[0])!.has(row.onlyWith[1])) continue;
          if (!row.needs.every(([m, id]) => has(m, id))) continue;
          if (model === "Ruling" && rulingStages.has(String(row.data.appealStageId))) continue;
          batch.push(row);
          created.get(model)!.add(row.id);
        }
        await createRows(tx, model, batch.map((b) => b.data));
        for (const row of batch)
          logs.push({
            userId: null,
            userName: IMPORT_USER_NAME,
            groupId: row.groupId,
            entity: row.model,
            entityId: row.id,
            caseId: row.caseId,
            action: "create",
            before: "",
            after: logAfter(row),
          });
      }

      let joinCount = 0;
      for (const model of ["ApplicationGroup", "IncidentPerson", "IncidentGroup", "IncidentApplication"] as const) {
        const batch = joins.filter((j) => j.model === model && created.get(j.parent[0])!.has(j.parent[1]) && j.needs.every(([m, id]) => has(m, id)));
        await createJoins(tx, model, batch.map((j) => j.data));
        joinCount += batch.length;
      }

      // Records loaded before the translations existed get them now: an empty Russian or Kazakh
      // column is filled when the English beside it is still the one translated.
      let translatedCount = 0;
      for (const model of MODELS) {
        const pending = rows.filter((r) => r.model === model && present.get(model)!.has(r.id) && Object.keys(r.data).some(isTranslationColumn));
        if (pending.length === 0) continue;
        const d = delegate(tx, model);
        const current = new Map((await d.findMany({ where: { id: { in: pending.map((r) => r.id) } } })).map((x) => [String(x.id), x]));
        for (const row of pending) {
          const now = current.get(row.id);
          if (!now) continue;
          const fill: Record<string, string> = {};
          for (const [k, v] of Object.entries(row.data)) {
            if (!isTranslationColumn(k) || typeof v !== "string" || !v || now[k] !== "") continue;
            const english = k.slice(0, -2);
            if (english in row.data && now[english] !== row.data[english]) continue;
            fill[k] = v;
          }
          if (Object.keys(fill).length === 0) continue;
          await d.update({ where: { id: row.id }, data: fill });
          translatedCount++;
          logs.push({
            userId: null,
            userName: IMPORT_USER_NAME,
            groupId: row.groupId,
            entity: row.model,
            entityId: row.id,
            caseId: row.caseId,
            action: "update",
            before: JSON.stringify(Object.fromEntries(Object.keys(fill).map((k) => [k, ""]))),
            after: JSON.stringify(fill),
          });
        }
      }

      await tx.changeLog.createMany({ data: logs });
      return { created: logs.length - translatedCount + joinCount, translated: translatedCount };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
