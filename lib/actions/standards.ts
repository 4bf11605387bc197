"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { ConflictError } from "../errors";
import { guarded, invalid, type FormState } from "./form-state";
import { formToObject } from "../validation/form-data";
import { updateStandardSchema } from "../validation/share";
import { listGroundCodes, standardFingerprint, updateLegalStandard, type StandardText } from "../data/case-file";

/** Saves one standard's texts; someone else's newer save is reported, not overwritten. */
export async function updateStandardAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const parsed = updateStandardSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalid(parsed.error);
    const known = new Set(await listGroundCodes());
    if (parsed.data.groundCodes.split(",").some((c) => c && !known.has(c))) {
      return { ok: false, message: "form_invalid", errors: { groundCodes: ["unknown_ground"] } };
    }
    try {
      await updateLegalStandard(actor, parsed.data);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      // Hand back the version now stored, so saving again is a deliberate overwrite.
      const current = e.current as StandardText;
      return { ok: false, message: "conflict", conflict: current, data: { fingerprint: standardFingerprint(current) } };
    }
    revalidatePath("/settings/standards");
    revalidatePath(`/settings/standards/${parsed.data.id}`);
    return { ok: true };
  });
}
