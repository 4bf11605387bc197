"use server";
// Who does what next, a deadline set by hand, and a group's time zone. Every one checks the
// caller's role in the case's group (lib/data), never only what the form says.
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { assignStepSchema, clearOverrideSchema, completeStepSchema, deadlineOverrideSchema, reassignStepSchema, timeZoneSchema } from "../validation/next-steps";
import { assignNextStep, completeNextStep, reassignNextStep } from "../data/next-steps";
import { clearDeadlineOverride, setDeadlineOverride } from "../data/deadline-override";
import { setGroupTimeZone } from "../data/group-time-zone";

function revalidateCase(id: string) {
  revalidatePath(`/applications/${id}`);
  revalidatePath("/dashboard");
}

export async function assignNextStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = assignStepSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const step = await assignNextStep(actor, parsed.data);
    revalidateCase(step.applicationId);
    return { ok: true, message: "assigned", data: { id: step.id } };
  });
}

export async function reassignNextStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = reassignStepSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const step = await reassignNextStep(actor, parsed.data);
    revalidateCase(step.applicationId);
    return { ok: true, message: "reassigned" };
  });
}

export async function completeNextStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = completeStepSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const step = await completeNextStep(actor, parsed.data);
    revalidateCase(step.applicationId);
    return { ok: true, message: "done" };
  });
}

export async function setDeadlineOverrideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deadlineOverrideSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await setDeadlineOverride(actor, parsed.data);
    revalidateCase(parsed.data.applicationId);
    return { ok: true, message: "override_set" };
  });
}

export async function clearDeadlineOverrideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = clearOverrideSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await clearDeadlineOverride(actor, parsed.data);
    revalidateCase(parsed.data.applicationId);
    return { ok: true, message: "override_cleared" };
  });
}

export async function setGroupTimeZoneAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = timeZoneSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await setGroupTimeZone(actor, parsed.data);
    revalidatePath("/settings");
    revalidatePath("/dashboard");
    return { ok: true, message: "time_zone_saved", data: { timeZone: parsed.data.timeZone } };
  });
}
