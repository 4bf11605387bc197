"use server";
// Publishing and removing an attached document. Attaching is POST /files (a route handler:
// scans are larger than a server action's body).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { safeCallbackPath } from "../auth/redirect";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { deleteAttachmentSchema, publishAttachmentSchema } from "../validation/attachments";
import { deleteAttachment, setAttachmentPublic } from "../data/attachments";

function back(row: { applicationId: string | null; subjectType: string; subjectId: string }, raw: Record<string, unknown>): never {
  if (row.applicationId) revalidatePath(`/applications/${row.applicationId}`);
  const fallback = row.applicationId ? `/applications/${row.applicationId}` : row.subjectType === "incident" ? `/incidents/${row.subjectId}` : "/dashboard";
  const to = safeCallbackPath(raw.returnTo, undefined, fallback).split("#")[0];
  redirect(`${to}#documents-${row.subjectId}`);
}

/**
 * Publishes one file (or withdraws it). Publishing asks the member to confirm they have read
 * the warning: scans often carry names, signatures and IINs that the record's text does not.
 */
export async function publishAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = publishAttachmentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    if (parsed.data.isPublic && !parsed.data.confirmed) return { ok: false, message: "form_invalid", errors: { confirmed: ["documents_confirm_publish"] } };
    const row = await setAttachmentPublic(actor, parsed.data.id, parsed.data.isPublic);
    back(row, raw);
  });
}

export async function deleteAttachmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deleteAttachmentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const row = await deleteAttachment(actor, parsed.data.id);
    back(row, raw);
  });
}
