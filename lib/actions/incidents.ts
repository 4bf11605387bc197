"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { parseBase } from "../validation/form-data";
import { id } from "../validation/common";
import { submissionKey } from "../validation/submission-key";
import { createIncidentSchema, updateIncidentSchema } from "../validation/incidents";
import { createIncident, deleteIncident, updateIncident } from "../data/incidents";

function revalidate(incidentId: string) {
  revalidatePath("/incidents");
  revalidatePath(`/incidents/${incidentId}`);
  // Links may have been dropped as well as added: every case page lists its incidents.
  revalidatePath("/applications/[id]", "page");
}

export async function createIncidentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = createIncidentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const key = submissionKey.safeParse(raw.clientKey);
    if (!key.success) return invalid(key.error);
    const incident = await createIncident(actor, parsed.data, key.data);
    revalidate(incident.id);
    redirect(`/incidents/${incident.id}`);
  });
}

export async function updateIncidentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = updateIncidentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const incident = await updateIncident(actor, parsed.data, { mine: raw, base: parseBase(raw.base) });
    revalidate(incident.id);
    redirect(`/incidents/${incident.id}`);
  });
}

export async function deleteIncidentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = z.object({ id }).safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await deleteIncident(actor, parsed.data.id);
    revalidate(parsed.data.id);
    redirect("/incidents");
  });
}
