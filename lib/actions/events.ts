"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { id } from "../validation/common";
import { addEventSchema, updateEventSchema } from "../validation/events";
import { addEvent, deleteEvent, updateEvent } from "../data/events";

function done(applicationId: string): never {
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath("/applications");
  revalidatePath("/dashboard");
  redirect(`/applications/${applicationId}#events`);
}

export async function addEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = addEventSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const event = await addEvent(actor, parsed.data);
    done(event.applicationId);
  });
}

export async function updateEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = updateEventSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const event = await updateEvent(actor, parsed.data);
    done(event.applicationId);
  });
}

export async function deleteEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = z.object({ id }).safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await deleteEvent(actor, parsed.data.id);
    done(applicationId);
  });
}
