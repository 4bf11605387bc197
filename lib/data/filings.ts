import "server-only";
// Filings drafted from a case: the templates (data, versioned, edited by operators), the
// document built from a case for its group's editors, and the generated versions saved to
// the case as attachments of kind "generated".
import { db } from "../db";
import { versionedCache } from "../db-client";
import { can, requireRole, canEditSharedReference, type Actor } from "../auth/access";
import { env } from "../env";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { FieldError } from "../validation/applications";
import { todayIso } from "../domain/dates";
import { checkTemplate } from "../domain/filing-template";
import { buildFiling, isKnownName, STAGE_OF_FILING, type FilingDocument, type FilingKind, type FilingLocale, type FilingTemplateData, type TemplateSection } from "../domain/filings";
import { filingWords } from "../i18n/filing-words";
import { SAMPLE_FILING_CASE } from "../domain/filing-sample";
import { storage } from "../storage";
import { logChange } from "./audit";
import { getCase } from "./cases";
import { listLegalStandards } from "./case-file";
import { recomputeCase } from "./case-state";
import { loadClock } from "./rules";

// ───────────────────────────── templates

function toTemplate(row: { kind: string; locale: string; version: number; title: string; sections: string }): FilingTemplateData {
  return { kind: row.kind as FilingKind, locale: row.locale as FilingLocale, version: row.version, title: row.title, sections: JSON.parse(row.sections) as TemplateSection[] };
}

/** The latest version of a template, or NotFoundError (none was seeded for that kind and language). */
export async function currentTemplate(kind: FilingKind, locale: FilingLocale): Promise<FilingTemplateData> {
  const row = await db.filingTemplate.findFirst({ where: { kind, locale }, orderBy: { version: "desc" } });
  if (!row) throw new NotFoundError();
  return toTemplate(row);
}

/** Every template's latest version, with how many versions it has (Settings). */
export async function listTemplates() {
  const rows = await db.filingTemplate.findMany({ orderBy: [{ kind: "asc" }, { locale: "asc" }, { version: "desc" }], select: { kind: true, locale: true, version: true, title: true, createdByName: true, createdAt: true } });
  const latest = new Map<string, (typeof rows)[number] & { versions: number }>();
  for (const r of rows) {
    const key = `${r.kind}/${r.locale}`;
    const seen = latest.get(key);
    if (seen) seen.versions++;
    else latest.set(key, { ...r, versions: 1 });
  }
  return [...latest.values()];
}

export async function templateHistory(kind: FilingKind, locale: FilingLocale) {
  return db.filingTemplate.findMany({ where: { kind, locale }, orderBy: { version: "desc" }, select: { version: true, createdByName: true, createdAt: true } });
}

export function canEditTemplates(actor: Actor | null): boolean {
  return canEditSharedReference(actor, env.operatorEmails);
}

/**
 * Saves an edited template as a new version (the old stays: saved filings name theirs). A text
 * that does not parse, or names a placeholder the builder does not know, is refused with the
 * section it is in; someone else's newer version is a conflict, not overwritten.
 */
export async function saveTemplateVersion(
  actor: Actor,
  input: { kind: FilingKind; locale: FilingLocale; baseVersion: number; title: string; texts: Record<string, string> },
): Promise<number> {
  if (!canEditTemplates(actor)) throw new ForbiddenError();
  const base = await currentTemplate(input.kind, input.locale);
  if (base.version !== input.baseVersion) throw new ConflictError(base);
  const { sections } = templateWithTexts(base, input.title, input.texts);
  return db.$transaction(async (tx) => {
    const row = await tx.filingTemplate.create({
      data: { kind: input.kind, locale: input.locale, version: base.version + 1, title: input.title, sections: JSON.stringify(sections), createdById: actor.userId, createdByName: actor.name },
    });
    await logChange(tx, actor, { entity: "FilingTemplate", entityId: row.id, action: "create", after: { kind: row.kind, locale: row.locale, version: row.version, title: row.title } });
    return row.version;
  });
}

/**
 * A template (as stored, or with the operator's unsaved texts) filled from the sample case:
 * the Settings preview. A text that does not parse is a FieldError on its field.
 */
export async function previewTemplate(kind: FilingKind, locale: FilingLocale, change: { title?: string; texts?: Record<string, string> } = {}, today = todayIso()): Promise<FilingDocument> {
  const base = await currentTemplate(kind, locale);
  const template = templateWithTexts(base, change.title ?? base.title, change.texts ?? {});
  const [standards, clock] = await Promise.all([listLegalStandards(), loadClock()]);
  return buildFiling({ case: SAMPLE_FILING_CASE, template, standards, clock, words: filingWords(locale), today });
}

function templateWithTexts(base: FilingTemplateData, title: string, texts: Record<string, string>): FilingTemplateData {
  const check = (field: string, text: string) => {
    const problems = checkTemplate(text, isKnownName);
    if (problems.length) throw new FieldError(field, problems[0].code === "unknown_name" ? "template_unknown_name" : "template_syntax");
  };
  check("title", title);
  const sections = base.sections.map((s) => {
    const text = (texts[s.key] ?? s.text).replace(/\r\n/g, "\n");
    check(`text_${s.key}`, text);
    return { ...s, text };
  });
  return { ...base, title, sections };
}

// ───────────────────────────── drafting from a case

/**
 * The case a filing is drafted from, for its own group's editors only: another group's case
 * is a 404 (even a public one: the filing carries the group's personal data), a viewer is
 * refused. getCase has already decided what the caller may see.
 */
async function caseForFiling(actor: Actor | null, applicationId: string, locale: FilingLocale) {
  const data = await getCase(actor, applicationId, { locale });
  if (!data.isMember) throw new NotFoundError();
  if (!data.canEdit) throw new ForbiddenError();
  return data;
}

export async function draftFiling(
  actor: Actor | null,
  applicationId: string,
  kind: FilingKind,
  locale: FilingLocale,
  edits: Record<string, string> = {},
  today = todayIso(),
): Promise<FilingDocument> {
  const data = await caseForFiling(actor, applicationId, locale);
  const [template, standards, clock] = await Promise.all([currentTemplate(kind, locale), listLegalStandards(), loadClock()]);
  return buildFiling({ case: data, template, standards, clock, words: filingWords(locale), today, edits });
}

/** Whether the caller may draft filings for this case (the page shows a message otherwise). */
export async function filingAccess(actor: Actor | null, applicationId: string): Promise<{ title: string; canEdit: boolean; version: number }> {
  const data = await getCase(actor, applicationId);
  if (!data.isMember) throw new NotFoundError();
  return { title: data.title, canEdit: data.canEdit, version: data.version };
}

// ───────────────────────────── saved versions

export interface GeneratedFile {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
}

/** Saves the generated files to the case, each an Attachment of kind "generated" (no OCR: we wrote them). */
export async function saveGeneratedFiling(actor: Actor, applicationId: string, doc: FilingDocument, files: GeneratedFile[]): Promise<string[]> {
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { id: true, groupId: true, version: true } });
  if (!app) throw new NotFoundError();
  requireRole(actor, app.groupId, "editor");
  const stored = await Promise.all(files.map(async (f) => ({ f, key: (await storage().put(f.bytes)).key })));
  return db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const { f, key } of stored) {
      const row = await tx.attachment.create({
        data: {
          groupId: app.groupId,
          applicationId: app.id,
          subjectType: "application",
          subjectId: app.id,
          kind: "generated",
          title: doc.draftTitle,
          documentDate: todayIso(),
          fileName: f.fileName,
          mimeType: f.mimeType,
          size: f.bytes.length,
          storageKey: key,
          ocrStatus: "none",
          createdById: actor.userId,
          createdByName: actor.name,
          filingKind: doc.kind,
          filingLocale: doc.locale,
          templateVersion: doc.templateVersion,
          caseVersion: doc.caseVersion,
        },
      });
      await logChange(tx, actor, { entity: "Attachment", entityId: row.id, caseId: app.id, groupId: app.groupId, action: "create", after: { title: row.title, fileName: row.fileName, kind: row.kind, filingKind: row.filingKind, caseVersion: row.caseVersion } });
      ids.push(row.id);
    }
    return ids;
  });
}

const generatedSelect = {
  id: true,
  title: true,
  fileName: true,
  mimeType: true,
  size: true,
  filingKind: true,
  filingLocale: true,
  templateVersion: true,
  caseVersion: true,
  filedOn: true,
  filedNumber: true,
  createdByName: true,
  createdAt: true,
} as const;

/** The generated filings saved to a case, newest first: its group's members only. */
export async function listGeneratedFilings(actor: Actor | null, applicationId: string) {
  // Read once per write for every member (a case page showed it on each view); who may see it is decided here, per caller.
  const found = await generatedCache(db, applicationId, () => loadGeneratedFilings(applicationId));
  if (!found || !can(actor, found.groupId, "viewer")) return [];
  return found.rows.map((r) => ({ ...r }));
}

async function loadGeneratedFilings(applicationId: string) {
  const app = await db.application.findUnique({ where: { id: applicationId }, select: { groupId: true } });
  if (!app) return null;
  const rows = await db.attachment.findMany({ where: { applicationId, kind: "generated", deletedAt: null }, orderBy: [{ createdAt: "desc" }, { fileName: "asc" }], select: generatedSelect });
  return { groupId: app.groupId, rows };
}
const generatedCache = versionedCache<Awaited<ReturnType<typeof loadGeneratedFilings>>>(500);
export type SavedFiling = Awaited<ReturnType<typeof listGeneratedFilings>>[number];

/** A saved filing's bytes for a member of the case's group; anyone else gets NotFoundError. */
export async function readGeneratedFiling(actor: Actor | null, applicationId: string, attachmentId: string) {
  const row = await db.attachment.findFirst({ where: { id: attachmentId, applicationId, kind: "generated", deletedAt: null } });
  if (!row || !can(actor, row.groupId, "viewer")) throw new NotFoundError();
  const bytes = await storage().get(row.storageKey);
  if (!bytes) throw new NotFoundError();
  return { row, bytes };
}

/**
 * "Filed on …, registration number …": records it on the saved version and on the case — the
 * notification's filing date and number on the application, a complaint, claim or appeal as
 * the filing date and number of its appeal stage (created if the case has none of that kind).
 */
export async function markFilingFiled(actor: Actor, input: { applicationId: string; attachmentId: string; filedOn: string; number: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.attachment.findFirst({ where: { id: input.attachmentId, applicationId: input.applicationId, kind: "generated", deletedAt: null } });
    if (!row || !row.applicationId) throw new NotFoundError();
    requireRole(actor, row.groupId, "editor");
    const app = await tx.application.findUniqueOrThrow({ where: { id: row.applicationId } });
    const before = { filedOn: row.filedOn, filedNumber: row.filedNumber };
    await tx.attachment.update({ where: { id: row.id }, data: { filedOn: input.filedOn, filedNumber: input.number } });
    await logChange(tx, actor, { entity: "Attachment", entityId: row.id, caseId: app.id, groupId: app.groupId, action: "update", before, after: { filedOn: input.filedOn, filedNumber: input.number } });
    const kind = row.filingKind as FilingKind | null;
    if (kind === "notification") {
      const after = await tx.application.update({
        where: { id: app.id },
        data: { filedOn: input.filedOn, filedOnPrecision: "day", registrationNumber: input.number || app.registrationNumber, version: { increment: 1 } },
      });
      await logChange(tx, actor, { entity: "Application", entityId: app.id, caseId: app.id, groupId: app.groupId, action: "update", before: app, after });
    } else if (kind) {
      const stageKind = STAGE_OF_FILING[kind];
      const stage = await tx.appealStage.findFirst({ where: { applicationId: app.id, kind: stageKind }, orderBy: { createdAt: "desc" } });
      if (stage) {
        const after = await tx.appealStage.update({ where: { id: stage.id }, data: { filedOn: input.filedOn, filedOnPrecision: "day", caseNumber: input.number || stage.caseNumber, version: { increment: 1 } } });
        await logChange(tx, actor, { entity: "AppealStage", entityId: stage.id, caseId: app.id, groupId: app.groupId, action: "update", before: stage, after });
      } else {
        const created = await tx.appealStage.create({ data: { applicationId: app.id, kind: stageKind, filedOn: input.filedOn, filedOnPrecision: "day", caseNumber: input.number } });
        await logChange(tx, actor, { entity: "AppealStage", entityId: created.id, caseId: app.id, groupId: app.groupId, action: "create", after: created });
      }
    }
    await recomputeCase(tx, app.id);
  });
}
