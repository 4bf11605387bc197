"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";
import { erasePersonSchema } from "../validation/erasure";
import { erasePerson } from "../data/erasure";

/**
 * A group admin erases a person's personal data on request (lib/data/erasure.ts), from a
 * case's edit page (an applicant) or an incident's (a person the incident names).
 */
export async function erasePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(erasePersonSchema, raw);
    if (!parsed.ok) return parsed.state;
    await erasePerson(actor, parsed.data.personId);
    const page = parsed.data.applicationId ? `/applications/${encodeURIComponent(parsed.data.applicationId)}` : `/incidents/${encodeURIComponent(parsed.data.incidentId!)}`;
    revalidatePath(page);
    redirect(`${page}/edit?erased=1`);
  });
}
