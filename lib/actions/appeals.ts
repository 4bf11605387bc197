"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { parseBase } from "../validation/form-data";
import { deleteByIdSchema, fileAppealSchema, hearingSchema, rulingSchema, updateAppealSchema, updateHearingSchema, updateRulingSchema } from "../validation/appeals";
import { addHearing, deleteAppeal, deleteHearing, deleteRuling, fileAppeal, recordRuling, updateAppeal, updateHearing, updateRuling } from "../data/appeals";

function done(applicationId: string): never {
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath("/appeals");
  revalidatePath("/dashboard");
  redirect(`/applications/${applicationId}#appeals`);
}

export async function fileAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = fileAppealSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const stage = await fileAppeal(actor, parsed.data);
    done(stage.applicationId);
  });
}

export async function updateAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = updateAppealSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const stage = await updateAppeal(actor, parsed.data, { mine: raw, base: parseBase(raw.base) });
    done(stage.applicationId);
  });
}

export async function deleteAppealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deleteByIdSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await deleteAppeal(actor, parsed.data.id);
    done(applicationId);
  });
}

export async function addHearingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = hearingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await addHearing(actor, parsed.data);
    done(applicationId);
  });
}

export async function deleteHearingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deleteByIdSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await deleteHearing(actor, parsed.data.id);
    done(applicationId);
  });
}

export async function recordRulingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = rulingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await recordRuling(actor, parsed.data);
    done(applicationId);
  });
}

export async function deleteRulingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deleteByIdSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await deleteRuling(actor, parsed.data.id);
    done(applicationId);
  });
}

/** Someone else's newer save comes back as a conflict (runForm), with their version to compare. */
export async function updateHearingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = updateHearingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await updateHearing(actor, parsed.data);
    done(applicationId);
  });
}

export async function updateRulingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = updateRulingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await updateRuling(actor, parsed.data);
    done(applicationId);
  });
}
