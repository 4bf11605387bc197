"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { organizerRequestSchema } from "../validation/organizers";
import { acceptOrganizerRequest, declineOrganizerRequest } from "../data/organizer-requests";

function revalidate(applicationId: string) {
  revalidatePath("/settings/members");
  revalidatePath("/applications");
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath("/stats");
}

export async function acceptOrganizerRequestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = organizerRequestSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await acceptOrganizerRequest(actor, parsed.data);
    revalidate(parsed.data.applicationId);
    return { ok: true, message: "organizer_accepted" };
  });
}

export async function declineOrganizerRequestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = organizerRequestSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await declineOrganizerRequest(actor, parsed.data);
    revalidate(parsed.data.applicationId);
    return { ok: true, message: "organizer_declined" };
  });
}
