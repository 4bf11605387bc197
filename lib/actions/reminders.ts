"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { reminderPreferencesSchema } from "../validation/reminders";
import { setReminderOffsets } from "../data/reminder-preferences";

/** The caller's own reminder offsets: any signed-in member, for themselves only. */
export async function updateReminderPreferencesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = reminderPreferencesSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await setReminderOffsets(actor.userId, parsed.data.offsets);
    revalidatePath("/settings");
    return { ok: true, message: "reminders_saved", data: { offsets: parsed.data.offsets } };
  });
}
