"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";
import { erasePersonSchema } from "../validation/erasure";
import { erasePerson } from "../data/erasure";

/** A group admin erases a person's personal data on request (lib/data/erasure.ts). */
export async function erasePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(erasePersonSchema, raw);
    if (!parsed.ok) return parsed.state;
    await erasePerson(actor, parsed.data.personId);
    revalidatePath(`/applications/${parsed.data.applicationId}`);
    redirect(`/applications/${parsed.data.applicationId}/edit?erased=1`);
  });
}
