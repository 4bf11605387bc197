import "server-only";
import { db, type Tx } from "../db";
import { memberCasesWhere, requireCaseRole, type Actor } from "../auth/access";
import { ConflictError, NotFoundError } from "../errors";
import { answerOutcome, canRecordAnswer } from "../domain/status";
import { surelyBefore } from "../domain/date-order";
import { FieldError } from "../validation/applications";
import type { AnswerInput, EvidenceInput, RecordAnswerInput, UpdateAnswerInput } from "../validation/answers";
import { logChange } from "./audit";
import { indexOnce } from "./search-index";
import { recomputeCase } from "./case-state";
import { updateVersioned } from "./versioned";
import type { Prisma } from "../generated/sqlite/client";

const partSelect = {
  id: true,
  position: true,
  form: true,
  place: true,
  route: true,
  eventDate: true,
  eventDatePrecision: true,
  startTime: true,
  endTime: true,
} as const;

const answerInclude = {
  partOutcomes: true,
  grounds: { include: { ground: { select: { code: true } } } },
  evidence: { orderBy: { createdAt: "asc" as const } },
};

async function editableApplication(actor: Actor, applicationId: string) {
  const app = await db.application.findFirst({
    where: { id: applicationId, ...memberCasesWhere(actor) },
    select: {
      id: true,
      title: true,
      groupId: true,
      procedure: true,
      filedOn: true,
      filedOnPrecision: true,
      parts: { orderBy: { position: "asc" }, select: partSelect },
      events: { select: { kind: true } },
    },
  });
  if (!app) throw new NotFoundError();
  requireCaseRole(actor, app, "editor");
  return app;
}

/**
 * An answer cannot come before the application it answers. (It may come after an appeal was
 * filed: a complaint against the authority's silence, then a late answer.)
 */
function checkAnswerDate(app: { filedOn: string | null; filedOnPrecision: string }, input: Pick<AnswerInput, "receivedOn" | "receivedOnPrecision">) {
  if (surelyBefore({ date: input.receivedOn, precision: input.receivedOnPrecision }, { date: app.filedOn, precision: app.filedOnPrecision })) {
    throw new FieldError("receivedOn", "answer_before_filing");
  }
}

/** What the answer form needs: the parts to give outcomes for and the grounds to choose from. */
export async function answerFormContext(actor: Actor, applicationId: string, answerId?: string) {
  const app = await editableApplication(actor, applicationId);
  const answer = answerId ? await db.answer.findFirst({ where: { id: answerId, applicationId: app.id }, include: answerInclude }) : null;
  if (answerId && !answer) throw new NotFoundError();
  // A retired ground still shows on the answers that cited it.
  const grounds = await db.refusalGround.findMany({
    where: { OR: [{ active: true }, ...(answer ? [{ cited: { some: { answerId: answer.id } } }] : [])] },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, labelEn: true, labelRu: true, labelKk: true, article: true },
  });
  return { app, answer, grounds };
}
export type AnswerFormContext = Awaited<ReturnType<typeof answerFormContext>>;

interface Ref {
  caseId: string;
  groupId: string;
}

function answerData(input: AnswerInput, outcomes: { outcome: string }[]) {
  return {
    receivedOn: input.receivedOn,
    receivedOnPrecision: input.receivedOn ? input.receivedOnPrecision : "unknown",
    referenceNumber: input.referenceNumber,
    statedReason: input.statedReason,
    articleCited: input.articleCited,
    alternativeOffered: input.alternativeOffered,
    alternativeDetails: input.alternativeDetails,
    conflictingBookingHolder: input.conflictingBookingHolder,
    notes: input.notes,
    outcome: answerOutcome(outcomes),
  };
}

/** The outcomes the answer states, each for a part of this application. */
function statedOutcomes(input: AnswerInput, partIds: Set<string>) {
  const stated = input.outcomes.filter((o) => o.outcome !== "");
  for (const o of stated) if (!partIds.has(o.partId)) throw new FieldError("outcomes", "invalid");
  return stated.map((o) => ({
    partId: o.partId,
    outcome: o.outcome,
    limits: o.outcome === "approved_with_limits" ? o.limits : "",
    alternative: o.outcome === "alternative_proposed" ? o.alternative : "",
  }));
}

async function groundIds(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  const rows = await tx.refusalGround.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  if (rows.length !== codes.length) throw new FieldError("grounds", "unknown_ground");
  return new Map(rows.map((r) => [r.code, r.id]));
}

function evidenceData(e: EvidenceInput) {
  return {
    stance: e.stance,
    observedOn: e.observedOn,
    observedOnPrecision: e.observedOn ? e.observedOnPrecision : "unknown",
    observer: e.observer,
    description: e.description,
  };
}

export async function recordAnswer(actor: Actor, input: RecordAnswerInput): Promise<string> {
  const app = await editableApplication(actor, input.applicationId);
  const blocked = canRecordAnswer({ filedOn: null, events: app.events });
  if (blocked) throw new FieldError("_form", blocked);
  const outcomes = statedOutcomes(input, new Set(app.parts.map((p) => p.id)));
  checkAnswerDate(app, input);
  const ref = { caseId: app.id, groupId: app.groupId };
  // The answer, each outcome, ground and piece of evidence are logged: the case is indexed once, at the end.
  return db.$transaction(async (tx) => indexOnce(tx, async () => {
    const grounds = await groundIds(tx, input.grounds);
    const answer = await tx.answer.create({ data: { ...answerData(input, outcomes), applicationId: app.id } });
    await logChange(tx, actor, { entity: "Answer", entityId: answer.id, ...ref, action: "create", after: answer });
    for (const o of outcomes) {
      const row = await tx.partOutcome.create({ data: { ...o, answerId: answer.id } });
      await logChange(tx, actor, { entity: "PartOutcome", entityId: row.id, ...ref, action: "create", after: row });
    }
    for (const code of input.grounds) {
      const row = await tx.groundCited.create({
        data: { answerId: answer.id, groundId: grounds.get(code)!, words: input.groundWords[code] ?? "", articleCited: input.groundArticle[code] ?? "" },
      });
      await logChange(tx, actor, { entity: "GroundCited", entityId: row.id, ...ref, action: "create", after: { ...row, code } });
    }
    for (const e of input.evidence) {
      if (e.id) throw new FieldError("evidence", "invalid");
      const row = await tx.evidence.create({ data: { ...evidenceData(e), answerId: answer.id } });
      await logChange(tx, actor, { entity: "Evidence", entityId: row.id, ...ref, action: "create", after: row });
    }
    await recomputeCase(tx, app.id);
    return answer.id;
  }));
}

/** An answer as it is now, for an editor whose save lost a race. */
export async function answerSnapshot(client: Tx, id: string) {
  const a = await client.answer.findUnique({ where: { id }, include: answerInclude });
  if (!a) return null;
  return {
    version: a.version,
    receivedOn: a.receivedOn,
    receivedOnPrecision: a.receivedOnPrecision,
    referenceNumber: a.referenceNumber,
    statedReason: a.statedReason,
    articleCited: a.articleCited,
    outcomes: a.partOutcomes.map((o) => ({ partId: o.partId, outcome: o.outcome, limits: o.limits, alternative: o.alternative })),
    grounds: a.grounds.map((g) => g.ground.code),
    alternativeOffered: a.alternativeOffered,
    alternativeDetails: a.alternativeDetails,
    conflictingBookingHolder: a.conflictingBookingHolder,
    notes: a.notes,
    evidence: a.evidence.map((e) => ({ stance: e.stance, observedOn: e.observedOn, observer: e.observer, description: e.description })),
  };
}
export type AnswerSnapshot = NonNullable<Awaited<ReturnType<typeof answerSnapshot>>>;

export async function updateAnswer(actor: Actor, input: UpdateAnswerInput): Promise<string> {
  const found = await db.answer.findFirst({ where: { id: input.id, application: memberCasesWhere(actor) }, select: { applicationId: true } });
  if (!found) throw new NotFoundError();
  const app = await editableApplication(actor, found.applicationId);
  const outcomes = statedOutcomes(input, new Set(app.parts.map((p) => p.id)));
  checkAnswerDate(app, input);
  const ref = { caseId: app.id, groupId: app.groupId };
  try {
    await db.$transaction(async (tx) => indexOnce(tx, async () => {
      const before = await tx.answer.findUniqueOrThrow({ where: { id: input.id }, include: answerInclude });
      const grounds = await groundIds(tx, input.grounds);
      // First, so that a stale form changes nothing at all.
      await updateVersioned(tx.answer, input.id, input.version, answerData(input, outcomes));
      const after = await tx.answer.findUniqueOrThrow({ where: { id: input.id } });
      await logChange(tx, actor, { entity: "Answer", entityId: input.id, ...ref, action: "update", before, after });
      await syncOutcomes(tx, actor, ref, input.id, before.partOutcomes, outcomes);
      await syncGrounds(tx, actor, ref, input, before.grounds, grounds);
      await syncEvidence(tx, actor, ref, input.id, before.evidence, input.evidence);
      await recomputeCase(tx, app.id);
    }));
  } catch (e) {
    if (e instanceof ConflictError) throw new ConflictError(await answerSnapshot(db, input.id));
    throw e;
  }
  return app.id;
}

type Stored = Prisma.AnswerGetPayload<{ include: typeof answerInclude }>;

async function syncOutcomes(tx: Tx, actor: Actor, ref: Ref, answerId: string, stored: Stored["partOutcomes"], wanted: ReturnType<typeof statedOutcomes>) {
  const byPart = new Map(stored.map((o) => [o.partId, o]));
  const keep = new Set(wanted.map((o) => o.partId));
  for (const o of stored) {
    if (keep.has(o.partId)) continue;
    await tx.partOutcome.delete({ where: { id: o.id } });
    await logChange(tx, actor, { entity: "PartOutcome", entityId: o.id, ...ref, action: "delete", before: o });
  }
  for (const w of wanted) {
    const old = byPart.get(w.partId);
    if (!old) {
      const row = await tx.partOutcome.create({ data: { ...w, answerId } });
      await logChange(tx, actor, { entity: "PartOutcome", entityId: row.id, ...ref, action: "create", after: row });
    } else if (old.outcome !== w.outcome || old.limits !== w.limits || old.alternative !== w.alternative) {
      const row = await tx.partOutcome.update({ where: { id: old.id }, data: w });
      await logChange(tx, actor, { entity: "PartOutcome", entityId: row.id, ...ref, action: "update", before: old, after: row });
    }
  }
}

async function syncGrounds(tx: Tx, actor: Actor, ref: Ref, input: AnswerInput & { id: string }, stored: Stored["grounds"], ids: Map<string, string>) {
  const wanted = new Set(input.grounds);
  for (const g of stored) {
    if (wanted.has(g.ground.code)) continue;
    await tx.groundCited.delete({ where: { id: g.id } });
    await logChange(tx, actor, { entity: "GroundCited", entityId: g.id, ...ref, action: "delete", before: { ...g, code: g.ground.code } });
  }
  const byCode = new Map(stored.map((g) => [g.ground.code, g]));
  for (const code of input.grounds) {
    const data = { words: input.groundWords[code] ?? "", articleCited: input.groundArticle[code] ?? "" };
    const old = byCode.get(code);
    if (!old) {
      const row = await tx.groundCited.create({ data: { ...data, answerId: input.id, groundId: ids.get(code)! } });
      await logChange(tx, actor, { entity: "GroundCited", entityId: row.id, ...ref, action: "create", after: { ...row, code } });
    } else if (old.words !== data.words || old.articleCited !== data.articleCited) {
      const row = await tx.groundCited.update({ where: { id: old.id }, data });
      await logChange(tx, actor, { entity: "GroundCited", entityId: row.id, ...ref, action: "update", before: { ...old, code }, after: { ...row, code } });
    }
  }
}

/** Evidence rows keep their ids: sources cite them. */
async function syncEvidence(tx: Tx, actor: Actor, ref: Ref, answerId: string, stored: Stored["evidence"], submitted: EvidenceInput[]) {
  const byId = new Map(stored.map((e) => [e.id, e]));
  for (const e of submitted) if (e.id && !byId.has(e.id)) throw new FieldError("evidence", "invalid");
  const keep = new Set(submitted.map((e) => e.id).filter(Boolean));
  for (const e of stored) {
    if (keep.has(e.id)) continue;
    await tx.evidence.delete({ where: { id: e.id } });
    await tx.citation.deleteMany({ where: { recordType: "Evidence", recordId: e.id } });
    await logChange(tx, actor, { entity: "Evidence", entityId: e.id, ...ref, action: "delete", before: e });
  }
  for (const e of submitted) {
    const data = evidenceData(e);
    const old = e.id ? byId.get(e.id) : undefined;
    if (!old) {
      const row = await tx.evidence.create({ data: { ...data, answerId } });
      await logChange(tx, actor, { entity: "Evidence", entityId: row.id, ...ref, action: "create", after: row });
    } else if (Object.entries(data).some(([k, v]) => (old as Record<string, unknown>)[k] !== v)) {
      const row = await tx.evidence.update({ where: { id: old.id }, data });
      await logChange(tx, actor, { entity: "Evidence", entityId: row.id, ...ref, action: "update", before: old, after: row });
    }
  }
}
