import "server-only";
import { db, type Tx } from "../db";
import { memberCasesWhere, requireCaseRole, visibleWhere, type Actor } from "../auth/access";
import { ConflictError, NotFoundError } from "../errors";
import { todayIso } from "../domain/dates";
import { canFileAppeal, canRecordRuling } from "../domain/status";
import { firstAfter, firstBefore, surelyBefore, type KnownDate } from "../domain/date-order";
import { APPEAL_KINDS, isOneOf, RULING_OUTCOMES } from "../domain/vocabulary";
import type { Prisma } from "../generated/sqlite/client";
import type { FileAppealInput, HearingInput, RulingInput, UpdateAppealInput, UpdateHearingInput, UpdateRulingInput } from "../validation/appeals";
import { FieldError } from "../validation/applications";
import { logChange } from "./audit";
import { recomputeCase } from "./case-state";
import { contains, searchTerm } from "./text-search";
import { updateVersioned, type SubmittedEdit } from "./versioned";
import { mergeFields } from "../domain/merge";
import { redactPersonal, withheldMark, withheldOfApplications } from "./visibility";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config";
import { authorityChoicesWhere } from "./scope";

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
    where: { id: applicationId, ...memberCasesWhere(actor) },
    select: { id: true, groupId: true, answerDueOn: true, answers: { select: { receivedOn: true, partOutcomes: { select: { partId: true, outcome: true } } } } },
  });
  if (!app) throw new NotFoundError();
  requireCaseRole(actor, app, "editor");
  return app;
}

async function editableStage(tx: Tx, actor: Actor, stageId: string) {
  const stage = await tx.appealStage.findFirst({
    where: { id: stageId, application: memberCasesWhere(actor) },
    include: { application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true } }, ruling: true },
  });
  if (!stage) throw new NotFoundError();
  requireCaseRole(actor, stage.application, "editor");
  return stage;
}

/** A hearing of one of the actor's groups' cases, for an editor of that group. */
async function editableHearing(tx: Tx, actor: Actor, hearingId: string) {
  const hearing = await tx.hearing.findFirst({
    where: { id: hearingId, appealStage: { application: memberCasesWhere(actor) } },
    include: {
      appealStage: {
        select: {
          id: true,
          filedOn: true,
          filedOnPrecision: true,
          ruling: { select: { decidedOn: true, decidedOnPrecision: true } },
          application: { select: { id: true, groupId: true } },
        },
      },
    },
  });
  if (!hearing) throw new NotFoundError();
  requireCaseRole(actor, hearing.appealStage.application, "editor");
  return hearing;
}

function hearingData(input: Omit<HearingInput, "stageId">) {
  return {
    heldOn: input.heldOn,
    heldOnPrecision: input.heldOn ? input.heldOnPrecision : "unknown",
    time: input.time,
    authorityArguments: input.authorityArguments,
    applicantArguments: input.applicantArguments,
    notes: input.notes,
  };
}

function rulingData(input: Omit<RulingInput, "stageId">) {
  return {
    decidedOn: input.decidedOn,
    decidedOnPrecision: input.decidedOn ? input.decidedOnPrecision : "unknown",
    outcome: input.outcome,
    summary: input.summary,
    text: input.text,
  };
}

async function checkBody(tx: Tx, actor: Actor, bodyId: string | null) {
  if (bodyId && !(await tx.authority.findFirst({ where: { AND: [{ id: bodyId }, await authorityChoicesWhere(tx, actor)] }, select: { id: true } }))) throw new FieldError("bodyId", "invalid_choice");
}

// ───────────────────────────── dates that cannot be

const known = (date: string | null, precision: string): KnownDate => ({ date, precision });

/**
 * A stage is filed after the application, and after the answer it contests — unless the
 * authority was silent past its deadline, which is appealed without an answer. Its hearings
 * and ruling come after it.
 */
async function checkStageDates(tx: Tx, applicationId: string, input: Pick<FileAppealInput, "filedOn" | "filedOnPrecision">, stageId?: string) {
  const filed = known(input.filedOn, input.filedOnPrecision);
  if (!filed.date) return;
  const app = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { filedOn: true, filedOnPrecision: true, answerDueOn: true, answers: { select: { receivedOn: true, receivedOnPrecision: true } } },
  });
  if (surelyBefore(filed, known(app.filedOn, app.filedOnPrecision))) throw new FieldError("filedOn", "stage_before_filing");
  const answers = app.answers.map((a) => known(a.receivedOn, a.receivedOnPrecision)).filter((a) => a.date);
  const silent = Boolean(app.answerDueOn && surelyBefore(known(app.answerDueOn, "day"), filed));
  if (answers.length > 0 && !silent && answers.every((a) => surelyBefore(filed, a))) throw new FieldError("filedOn", "stage_before_answer");
  if (!stageId) return;
  const stage = await tx.appealStage.findUniqueOrThrow({ where: { id: stageId }, select: { hearings: { select: { heldOn: true, heldOnPrecision: true } }, ruling: true } });
  if (firstBefore(stage.hearings.map((h) => known(h.heldOn, h.heldOnPrecision)), filed)) throw new FieldError("filedOn", "stage_after_hearing");
  if (stage.ruling && surelyBefore(known(stage.ruling.decidedOn, stage.ruling.decidedOnPrecision), filed)) throw new FieldError("filedOn", "stage_after_ruling");
}

/** A hearing is held after its stage was filed and before its ruling. */
function checkHearingDate(
  stage: { filedOn: string | null; filedOnPrecision: string; ruling: { decidedOn: string | null; decidedOnPrecision: string } | null },
  input: Pick<HearingInput, "heldOn" | "heldOnPrecision">,
) {
  const held = known(input.heldOn, input.heldOnPrecision);
  if (surelyBefore(held, known(stage.filedOn, stage.filedOnPrecision))) throw new FieldError("heldOn", "hearing_before_stage");
  if (stage.ruling && surelyBefore(known(stage.ruling.decidedOn, stage.ruling.decidedOnPrecision), held)) throw new FieldError("heldOn", "hearing_after_ruling");
}

/** A ruling comes after its stage was filed and after the stage's hearings. */
async function checkRulingDate(tx: Tx, stage: { id: string; filedOn: string | null; filedOnPrecision: string }, input: Pick<RulingInput, "decidedOn" | "decidedOnPrecision">) {
  const decided = known(input.decidedOn, input.decidedOnPrecision);
  if (surelyBefore(decided, known(stage.filedOn, stage.filedOnPrecision))) throw new FieldError("decidedOn", "ruling_before_stage");
  const hearings = await tx.hearing.findMany({ where: { appealStageId: stage.id }, select: { heldOn: true, heldOnPrecision: true } });
  if (firstAfter(hearings.map((h) => known(h.heldOn, h.heldOnPrecision)), decided)) throw new FieldError("decidedOn", "ruling_before_hearing");
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
    await checkBody(tx, actor, input.bodyId);
    await checkStageDates(tx, app.id, input);
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
    await checkBody(tx, actor, input.bodyId);
    await checkStageDates(tx, before.application.id, input, before.id);
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
    checkHearingDate(stage, input);
    const hearing = await tx.hearing.create({ data: { appealStageId: stage.id, ...hearingData(input) } });
    const caseId = stage.application.id;
    await logChange(tx, actor, { entity: "Hearing", entityId: hearing.id, caseId, groupId: stage.application.groupId, action: "create", after: hearing });
    await recomputeCase(tx, caseId);
    return { hearing, applicationId: caseId };
  });
}

export async function deleteHearing(actor: Actor, hearingId: string) {
  return db.$transaction(async (tx) => {
    const hearing = await tx.hearing.findFirst({
      where: { id: hearingId, appealStage: { application: memberCasesWhere(actor) } },
      include: { appealStage: { select: { application: { select: { id: true, groupId: true } } } } },
    });
    if (!hearing) throw new NotFoundError();
    const { id: caseId, groupId } = hearing.appealStage.application;
    requireCaseRole(actor, { id: caseId, groupId }, "editor");
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
    await checkRulingDate(tx, stage, input);
    const ruling = await tx.ruling.create({ data: { appealStageId: stage.id, ...rulingData(input) } });
    const caseId = stage.application.id;
    await logChange(tx, actor, { entity: "Ruling", entityId: ruling.id, caseId, groupId: stage.application.groupId, action: "create", after: ruling });
    await recomputeCase(tx, caseId);
    return { ruling, applicationId: caseId };
  });
}

/** Corrects a hearing; someone else's newer save is reported (ConflictError), not overwritten. */
export async function updateHearing(actor: Actor, input: UpdateHearingInput) {
  return db.$transaction(async (tx) => {
    const before = await editableHearing(tx, actor, input.id);
    const { appealStage, ...plain } = before;
    checkHearingDate(appealStage, input);
    await updateVersioned(tx.hearing, before.id, input.version, hearingData(input));
    const after = await tx.hearing.findUniqueOrThrow({ where: { id: before.id } });
    const { id: caseId, groupId } = appealStage.application;
    await logChange(tx, actor, { entity: "Hearing", entityId: before.id, caseId, groupId, action: "update", before: plain, after });
    await recomputeCase(tx, caseId);
    return { hearing: after, applicationId: caseId };
  });
}

/** Corrects a stage's ruling, with the same version check as the stage itself. */
export async function updateRuling(actor: Actor, input: UpdateRulingInput) {
  return db.$transaction(async (tx) => {
    const stage = await editableStage(tx, actor, input.stageId);
    if (!stage.ruling || stage.ruling.id !== input.id) throw new NotFoundError();
    await checkRulingDate(tx, stage, input);
    await updateVersioned(tx.ruling, stage.ruling.id, input.version, rulingData(input));
    const after = await tx.ruling.findUniqueOrThrow({ where: { id: stage.ruling.id } });
    const caseId = stage.application.id;
    await logChange(tx, actor, { entity: "Ruling", entityId: after.id, caseId, groupId: stage.application.groupId, action: "update", before: stage.ruling, after });
    await recomputeCase(tx, caseId);
    return { ruling: after, applicationId: caseId };
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

/** Courts and other bodies an appeal can go to, for the body select: those the actor may see named. */
export async function listAppealBodies(actor: Actor | null) {
  return db.authority.findMany({ where: await authorityChoicesWhere(db, actor), orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, nameRu: true, nameKk: true, kind: true, city: true } });
}

/** What the "file an appeal" page needs, for an editor of the application's group. */
export async function getAppealFormContext(actor: Actor, applicationId: string, today = todayIso()) {
  const app = await db.application.findFirst({
    where: { id: applicationId, ...memberCasesWhere(actor) },
    select: {
      id: true,
      title: true, titleRu: true, titleKk: true,
      groupId: true,
      answerDueOn: true,
      answers: { select: { receivedOn: true, partOutcomes: { select: { partId: true, outcome: true } } } },
      appealStages: { orderBy: [{ filedOn: "asc" }, { createdAt: "asc" }], select: { kind: true, ruling: { select: { outcome: true } } } },
    },
  });
  if (!app) throw new NotFoundError();
  requireCaseRole(actor, app, "editor");
  const blocked = canFileAppeal({ answers: app.answers, answerOverdue: Boolean(app.answerDueOn && app.answerDueOn < today) });
  const last = app.appealStages[app.appealStages.length - 1];
  const suggestedKind = last ? (APPEAL_KINDS[Math.min(APPEAL_KINDS.indexOf(last.kind as (typeof APPEAL_KINDS)[number]) + 1, APPEAL_KINDS.length - 1)] ?? "complaint") : "complaint";
  return { application: { id: app.id, title: app.title }, blocked, suggestedKind };
}

/** One hearing with its stage and application, for an editor (the hearing must be the stage's). */
export async function getHearingForEdit(actor: Actor, stageId: string, hearingId: string) {
  const stage = await getStageForEdit(actor, stageId);
  const hearing = stage.hearings.find((h) => h.id === hearingId);
  if (!hearing) throw new NotFoundError();
  return { stage, hearing };
}

/** One stage with its application, hearings and ruling, for an editor. */
export async function getStageForEdit(actor: Actor, stageId: string) {
  const stage = await db.appealStage.findFirst({
    where: { id: stageId, application: memberCasesWhere(actor) },
    include: {
      application: { select: { id: true, title: true, titleRu: true, titleKk: true, groupId: true } },
      body: true,
      hearings: { orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }] },
      ruling: true,
    },
  });
  if (!stage) throw new NotFoundError();
  requireCaseRole(actor, stage.application, "editor");
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
  if (body) and.push({ OR: [{ bodyName: contains(body) }, { body: { name: contains(body) } }, { body: { nameRu: contains(body) } }, { body: { nameKk: contains(body) } }] });
  return { AND: and };
}

/** Appeal stages the caller may see, through their application's visibility; outside its group, as its case page shows them. */
export async function listAppealStages(actor: Actor | null, f: AppealFilters, locale: Locale = DEFAULT_LOCALE) {
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
        body: { select: { name: true, nameRu: true, nameKk: true } },
        ruling: { select: { outcome: true, decidedOn: true, decidedOnPrecision: true } },
        application: { select: { id: true, groupId: true, title: true, titleRu: true, titleKk: true, city: true, isPublic: true } },
        _count: { select: { hearings: true } },
      },
    }),
  ]);
  const withheld = await withheldOfApplications(actor, rows.map((r) => r.application));
  const mark = withheldMark(locale);
  // Outside the owning group: no notes, and no private person's data in the title or the arguments.
  const seen = rows.map((r) => (withheld.has(r.application.id) ? redactPersonal({ ...r, notes: "" }, withheld.get(r.application.id)!, mark) : r));
  return { rows: seen, total, page, pageCount: Math.ceil(total / APPEALS_PAGE_SIZE) };
}

/** Years with filed stages, for the year filter. */
export async function appealYears(actor: Actor | null): Promise<string[]> {
  const rows = await db.appealStage.findMany({ where: { application: visibleWhere(actor), filedOn: { not: null } }, select: { filedOn: true } });
  return [...new Set(rows.map((r) => r.filedOn!.slice(0, 4)))].sort().reverse();
}
