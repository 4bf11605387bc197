"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { submissionKey } from "../validation/submission-key";
import { parseOrInvalid, runForm } from "./run-form";
import { createApplicationSchema, deleteApplicationSchema, publishApplicationSchema, updateApplicationSchema } from "../validation/applications";
import { parseBase } from "../validation/form-data";
import { createApplication, deleteApplication, setApplicationPublic, updateApplication } from "../data/applications";

export async function createApplicationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(createApplicationSchema, raw);
    if (!parsed.ok) return parsed.state;
    const key = submissionKey.safeParse(raw.clientKey);
    if (!key.success) return invalid(key.error);
    const id = await createApplication(actor, parsed.data, key.data);
    revalidatePath("/applications");
    redirect(`/applications/${id}`);
  });
}

export async function updateApplicationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(updateApplicationSchema, raw);
    if (!parsed.ok) return parsed.state;
    await updateApplication(actor, parsed.data, { mine: raw, base: parseBase(raw.base) });
    revalidatePath("/applications");
    revalidatePath(`/applications/${parsed.data.id}`);
    redirect(`/applications/${parsed.data.id}`);
  });
}

export async function setApplicationPublicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(publishApplicationSchema, raw);
    if (!parsed.ok) return parsed.state;
    await setApplicationPublic(actor, parsed.data.id, parsed.data.isPublic);
    revalidatePath("/applications");
    revalidatePath(`/applications/${parsed.data.id}`);
    // The edit page carries the version: it must reload, or its next save would conflict.
    revalidatePath(`/applications/${parsed.data.id}/edit`);
    return { ok: true, message: parsed.data.isPublic ? "published" : "unpublished" };
  });
}

export async function deleteApplicationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(deleteApplicationSchema, raw);
    if (!parsed.ok) return parsed.state;
    await deleteApplication(actor, parsed.data.id);
    revalidatePath("/applications");
    redirect("/applications?deleted=1");
  });
}
