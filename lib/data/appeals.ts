import "server-only";
import { db, type Tx } from "../db";
import { groupIds, requireRole, visibleWhere, type Actor } from "../auth/access";
import { ConflictError, NotFoundError } from "../errors";
import { todayIso } from "../domain/dates";
import { canFileAppeal, canRecordRuling } from "../domain/status";
import { APPEAL_KINDS, isOneOf, RULING_OUTCOMES } from "../domain/vocabulary";
import type { Prisma } from "../generated/sqlite/client";
import type { FileAppealInput, HearingInput, RulingInput, UpdateAppealInput } from "../validation/appeals";
import { FieldError } from "../validation/applications";
import { logChange } from "./audit";
import { recomputeCase } from "./case-state";
import { contains, searchTerm } from "./text-search";
import { updateVersioned, type SubmittedEdit } from "./versioned";
import { mergeFields } from "../domain/merge";

/**
 * A refusal the domain rules give (e.g. "needs_answer"), for the whole form: runForm shows
 * the key as the form's message, so the user sees exactly why nothing was saved.
 */
export function refusal(key: string): FieldError {
  return new FieldError("_form", key);
}

/**
 * The application, if it belongs to one of the actor's groups; the group goes into the
 * where clause so another group's id finds nothing. Then the role: viewers are refused.
 */
async function editableApplication(tx: Tx, actor: Actor, applicationId: string) {
  const app = await tx.application.findFirst({
    where: { id: applicationId, groupId: { in: groupIds(actor) } },
    select: { id: true, groupId: true, answerDueOn: true, answers: { select: { receivedOn: true, partOutcomes: { select: { partId: true, outcome: true } } } } },
  });
  if (!app) throw new NotFoundError();
  requireRole(actor, app.groupId, "editor");
  return app;
}

async function editableStage(tx: Tx, actor: Actor, stageId: string) {
  const stage = await tx.appealStage.findFirst({
    where: { id: stageId, application: { groupId: { in: groupIds(actor) } } },
    include: { application: { select: { id: true, groupId: true, title: true } }, ruling: true },
  });
  if (!stage) throw new NotFoundError();
  requireRole(actor, stage.application.groupId, "editor");
  return stage;
}

async function checkBody(tx: Tx, bodyId: string | null) {
  if (bodyId && !(await tx.authority.findUnique({ where: { id: bodyId }, select: { id: true } }))) throw new FieldError("bodyId", "invalid_choice");
}

function stageData(input: Omit<FileAppealInput, "applicationId">) {
  return {
    kind: input.kind,
    filedOn: input.filedOn,
    filedOnPrecision: input.filedOn ? input.filedOnPrecision : "unknown",
    bodyId: input.bodyId,
    bodyName: input.bodyName,
    caseNumber: input.caseNumber,
    authorityArguments: input.authorityArguments,
    notes: input.notes,
  };
}

// ───────────────────────────── writes

export async function fileAppeal(actor: Actor, input: FileAppealInput, today = todayIso()) {
  return db.$transaction(async (tx) => {
    const app = await editableApplication(tx, actor, input.applicationId);
    const refused = canFileAppeal({ answers: app.answers, answerOverdue: Boolean(app.answerDueOn && app.answerDueOn < today) });
    if (refused) throw refusal(refused);
    await checkBody(tx, input.bodyId);
    const stage = await tx.appealStage.create({ data: { applicationId: app.id, ...stageData(input) } });
    await logChange(tx, actor, { entity: "AppealStage", entityId: stage.id, caseId: app.id, groupId: app.groupId, action: "create", after: stage });
    await recomputeCase(tx, app.id, today);
    return stage;
  });
}

/** The appeal stage form's fields, as the three-way merge compares them. */
export const STAGE_FORM_FIELDS = ["kind", "filedOn", "filedOnPrecision", "bodyId", "bodyName", "caseNumber", "authorityArguments", "notes"] as const;

export async function updateAppeal(actor: Actor, input: UpdateAppealInput, edit?: SubmittedEdit) {
  try {
    return await saveAppeal(actor, input);
  } catch (e) {
    if (!(e instanceof ConflictError) || !edit?.base || !e.current) throw e;
    // Someone saved the stage since the form was loaded: both edits, merged against the base.
    const current = e.current as Record<string, unknown>;
    const merge = mergeFields(STAGE_FORM_FIELDS, edit.base, edit.mine, current);
    throw new ConflictError({ ...current, merge: { ...merge, values: { ...merge.values, id: input.id, version: String(current.version) } } });
  }
}

async function saveAppeal(actor: Actor, input: UpdateAppealInput) {
  return db.$transaction(async (tx) => {
    const before = await editableStage(tx, actor, input.id);
    await checkBody(tx, input.bodyId);
    await updateVersioned(tx.appealStage, before.id, input.version, stageData(input));
    const after = await tx.appealStage.findUniqueOrThrow({ where: { id: before.id } });
    const { application, ruling, ...plain } = before;
    void ruling;
    await logChange(tx, actor, { entity: "AppealStage", entityId: before.id, caseId: application.id, groupId: application.groupId, action: "update", before: plain, after });
    await recomputeCase(tx, application.id);
    return after;
  });
}

export async function deleteAppeal(actor: Actor, stageId: string) {
  return db.$transaction(async (tx) => {
    const stage = await editableStage(tx, actor, stageId);
    await tx.appealStage.deleteMany({ where: { id: stage.id, application: { groupId: stage.application.groupId } } });
    const { application, ruling, ...plain } = stage;
    void ruling;
    await logChange(tx, actor, { entity: "AppealStage", entityId: stage.id, caseId: application.id, groupId: application.groupId, action: "delete", before: plain });
    await recomputeCase(tx, application.id);
    return { applicationId: application.id };
  });
}

export async function addHearing(actor: Actor, input: HearingInput) {
  return db.$transaction(async (tx) => {
    const stage = await editableStage(tx, actor, input.stageId);
    const hearing = await tx.hearing.create({
      data: {
        appealStageId: stage.id,
        heldOn: input.heldOn,
        heldOnPrecision: input.heldOn ? input.heldOnPrecision : "unknown",
        time: input.time,
        authorityArguments: input.authorityArguments,
        applicantArguments: input.applicantArguments,
        notes: input.notes,
      },
    });
    const caseId = stage.application.id;
    await logChange(tx, actor, { entity: "Hearing", entityId: hearing.id, caseId, groupId: stage.application.groupId, action: "create", after: hearing });
    await recomputeCase(tx, caseId);
    return { hearing, applicationId: caseId };
  });
}

export async function deleteHearing(actor: Actor, hearingId: string) {
  return db.$transaction(async (tx) => {
    const hearing = await tx.hearing.findFirst({
      where: { id: hearingId, appealStage: { application: { groupId: { in: groupIds(actor) } } } },
      include: { appealStage: { select: { application: { select: { id: true, groupId: true } } } } },
    });
    if (!hearing) throw new NotFoundError();
    const { id: caseId, groupId } = hearing.appealStage.application;
    requireRole(actor, groupId, "editor");
    await tx.hearing.deleteMany({ where: { id: hearing.id, appealStage: { application: { groupId } } } });
    const { appealStage, ...plain } = hearing;
    void appealStage;
    await logChange(tx, actor, { entity: "Hearing", entityId: hearing.id, caseId, groupId, action: "delete", before: plain });
    await recomputeCase(tx, caseId);
    return { applicationId: caseId };
  });
}

export async function recordRuling(actor: Actor, input: RulingInput) {
  return db.$transaction(async (tx) => {
    const stage = await editableStage(tx, actor, input.stageId);
    const refused = canRecordRuling(stage);
    if (refused) throw refusal(refused);
    const ruling = await tx.ruling.create({
      data: {
        appealStageId: stage.id,
        decidedOn: input.decidedOn,
        decidedOnPrecision: input.decidedOn ? input.decidedOnPrecision : "unknown",
        outcome: input.outcome,
        summary: input.summary,
        text: input.text,
      },
    });
    const caseId = stage.application.id;
    await logChange(tx, actor, { entity: "Ruling", entityId: ruling.id, caseId, groupId: stage.application.groupId, action: "create", after: ruling });
    await recomputeCase(tx, caseId);
    return { ruling, applicationId: caseId };
  });
}

/** Removes a ruling recorded in error, so the stage is pending again and can be ruled anew. */
export async function deleteRuling(actor: Actor, stageId: string) {
  return db.$transaction(async (tx) => {
    const stage = await editableStage(tx, actor, stageId);
    if (!stage.ruling) throw new NotFoundError();
    await tx.ruling.delete({ where: { id: stage.ruling.id } });
    const caseId = stage.application.id;
    await logChange(tx, actor, { entity: "Ruling", entityId: stage.ruling.id, caseId, groupId: stage.application.groupId, action: "delete", before: stage.ruling });
    await recomputeCase(tx, caseId);
    return { applicationId: caseId };
  });
}

// ───────────────────────────── reads for the forms

/** Courts and other bodies an appeal can go to, for the body select. */
export function listAppealBodies() {
  return db.authority.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, nameRu: true, kind: true, city: true } });
}

/** What the "file an appeal" page needs, for an editor of the application's group. */
export async function getAppealFormContext(actor: Actor, applicationId: string, today = todayIso()) {
  const app = await db.application.findFirst({
    where: { id: applicationId, groupId: { in: groupIds(actor) } },
    select: {
      id: true,
      title: true,
      groupId: true,
      answerDueOn: true,
      answers: { select: { receivedOn: true, partOutcomes: { select: { partId: true, outcome: true } } } },
      appealStages: { orderBy: [{ filedOn: "asc" }, { createdAt: "asc" }], select: { kind: true, ruling: { select: { outcome: true } } } },
    },
  });
  if (!app) throw new NotFoundError();
  requireRole(actor, app.groupId, "editor");
  const blocked = canFileAppeal({ answers: app.answers, answerOverdue: Boolean(app.answerDueOn && app.answerDueOn < today) });
  const last = app.appealStages[app.appealStages.length - 1];
  const suggestedKind = last ? (APPEAL_KINDS[Math.min(APPEAL_KINDS.indexOf(last.kind as (typeof APPEAL_KINDS)[number]) + 1, APPEAL_KINDS.length - 1)] ?? "complaint") : "complaint";
  return { application: { id: app.id, title: app.title }, blocked, suggestedKind };
}

/** One stage with its application, hearings and ruling, for an editor. */
export async function getStageForEdit(actor: Actor, stageId: string) {
  const stage = await db.appealStage.findFirst({
    where: { id: stageId, application: { groupId: { in: groupIds(actor) } } },
    include: {
      application: { select: { id: true, title: true, groupId: true } },
      body: true,
      hearings: { orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }] },
      ruling: true,
    },
  });
  if (!stage) throw new NotFoundError();
  requireRole(actor, stage.application.groupId, "editor");
  return stage;
}

// ───────────────────────────── the public list

export interface AppealFilters {
  kind?: string;
  /** A ruling outcome, or "pending" for stages with no ruling yet. */
  outcome?: string;
  year?: string;
  body?: string;
  page?: number;
}

export const APPEALS_PAGE_SIZE = 25;

export function appealFilterWhere(actor: Actor | null, f: AppealFilters): Prisma.AppealStageWhereInput {
  const and: Prisma.AppealStageWhereInput[] = [{ application: visibleWhere(actor) }];
  if (f.kind && isOneOf(APPEAL_KINDS, f.kind)) and.push({ kind: f.kind });
  if (f.outcome === "pending") and.push({ ruling: null });
  else if (f.outcome && isOneOf(RULING_OUTCOMES, f.outcome)) and.push({ ruling: { outcome: f.outcome } });
  if (f.year && /^\d{4}$/.test(f.year)) and.push({ filedOn: { startsWith: f.year } });
  const body = searchTerm(f.body);
  if (body) and.push({ OR: [{ bodyName: contains(body) }, { body: { name: contains(body) } }, { body: { nameRu: contains(body) } }] });
  return { AND: and };
}

/** Appeal stages the caller may see, through their application's visibility. */
export async function listAppealStages(actor: Actor | null, f: AppealFilters) {
  const where = appealFilterWhere(actor, f);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const [total, rows] = await Promise.all([
    db.appealStage.count({ where }),
    db.appealStage.findMany({
      where,
      orderBy: [{ filedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      skip: (page - 1) * APPEALS_PAGE_SIZE,
      take: APPEALS_PAGE_SIZE,
      include: {
        body: { select: { name: true, nameRu: true } },
        ruling: { select: { outcome: true, decidedOn: true, decidedOnPrecision: true } },
        application: { select: { id: true, title: true, city: true, isPublic: true } },
        _count: { select: { hearings: true } },
      },
    }),
  ]);
  return { rows, total, page, pageCount: Math.ceil(total / APPEALS_PAGE_SIZE) };
}

/** Years with filed stages, for the year filter. */
export async function appealYears(actor: Actor | null): Promise<string[]> {
  const rows = await db.appealStage.findMany({ where: { application: visibleWhere(actor), filedOn: { not: null } }, select: { filedOn: true } });
  return [...new Set(rows.map((r) => r.filedOn!.slice(0, 4)))].sort().reverse();
}
