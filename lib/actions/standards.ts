"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { guarded, invalid, type FormState } from "./form-state";
import { formToObject } from "../validation/form-data";
import { updateStandardSchema } from "../validation/share";
import { listGroundCodes, updateLegalStandard } from "../data/case-file";

export async function updateStandardAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const parsed = updateStandardSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalid(parsed.error);
    const known = new Set(await listGroundCodes());
    if (parsed.data.groundCodes.split(",").some((c) => c && !known.has(c))) {
      return { ok: false, message: "form_invalid", errors: { groundCodes: ["unknown_ground"] } };
    }
    await updateLegalStandard(actor, parsed.data);
    revalidatePath("/settings/standards");
    return { ok: true };
  });
}
