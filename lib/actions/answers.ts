"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";
import { recordAnswerSchema, updateAnswerSchema } from "../validation/answers";
import { recordAnswer, updateAnswer } from "../data/answers";
import { takenReason, withTakenReason } from "../ocr/reason";

export async function recordAnswerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    // A sentence of a document taken as the reason (the no-JavaScript path): nothing is saved.
    if (takenReason(raw) !== null) return { ok: false, data: { reasonTaken: true } };
    const parsed = parseOrInvalid(recordAnswerSchema, raw);
    if (!parsed.ok) return parsed.state;
    const answerId = await recordAnswer(actor, parsed.data);
    revalidatePath("/applications");
    revalidatePath(`/applications/${parsed.data.applicationId}`);
    redirect(`/applications/${parsed.data.applicationId}#answer-${answerId}`);
  }, withTakenReason);
}

export async function updateAnswerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    if (takenReason(raw) !== null) return { ok: false, data: { reasonTaken: true } };
    const parsed = parseOrInvalid(updateAnswerSchema, raw);
    if (!parsed.ok) return parsed.state;
    const applicationId = await updateAnswer(actor, parsed.data);
    revalidatePath("/applications");
    revalidatePath(`/applications/${applicationId}`);
    redirect(`/applications/${applicationId}#answer-${parsed.data.id}`);
  }, withTakenReason);
}
