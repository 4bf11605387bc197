"use server";
// Filings drafted from a case: preview with the member's edits, save a generated version to
// the case, record that it was filed; and an operator's new template version.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { ConflictError } from "../errors";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";
import { draftFilingSchema, editsFrom, markFiledSchema, saveTemplateSchema } from "../validation/filings";
import { draftFiling, markFilingFiled, previewTemplate, saveGeneratedFiling, saveTemplateVersion } from "../data/filings";
import { renderFilingDocx } from "../docx/filing";
import { renderFilingPdf } from "../pdf/filing";
import { filingFileName } from "../domain/filings";

/** "preview" re-renders the draft with the edits; "save" also stores the DOCX and the PDF on the case. */
export async function draftFilingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(draftFilingSchema, raw);
    if (!parsed.ok) return parsed.state;
    const { applicationId, kind, locale, intent } = parsed.data;
    const edits = editsFrom(raw);
    const document = await draftFiling(actor, applicationId, kind, locale, edits);
    if (intent === "preview") return { ok: true, data: { document, edits } };
    const [docx, pdf] = await Promise.all([renderFilingDocx(document), renderFilingPdf(document)]);
    await saveGeneratedFiling(actor, applicationId, document, [
      { bytes: docx, fileName: filingFileName(document, "docx"), mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
      { bytes: pdf, fileName: filingFileName(document, "pdf"), mimeType: "application/pdf" },
    ]);
    revalidatePath(`/applications/${applicationId}`);
    redirect(`/applications/${applicationId}/filings?saved=1`);
  });
}

export async function markFiledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(markFiledSchema, raw);
    if (!parsed.ok) return parsed.state;
    await markFilingFiled(actor, parsed.data);
    revalidatePath(`/applications/${parsed.data.applicationId}`);
    redirect(`/applications/${parsed.data.applicationId}/filings?filed=1`);
  });
}

export async function saveTemplateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(saveTemplateSchema, raw);
    if (!parsed.ok) return parsed.state;
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      const m = /^text_([a-z][a-z0-9_]{0,40})$/.exec(k);
      if (m && typeof v === "string") texts[m[1]] = v.slice(0, 20_000);
    }
    if (raw.intent === "preview") {
      const document = await previewTemplate(parsed.data.kind, parsed.data.locale, { title: parsed.data.title, texts });
      return { ok: true, data: { document, preview: true } };
    }
    try {
      const version = await saveTemplateVersion(actor, { ...parsed.data, texts });
      revalidatePath("/settings/filings");
      const document = await previewTemplate(parsed.data.kind, parsed.data.locale);
      return { ok: true, data: { version, document } };
    } catch (e) {
      if (e instanceof ConflictError) return { ok: false, message: "conflict" };
      throw e;
    }
  });
}
