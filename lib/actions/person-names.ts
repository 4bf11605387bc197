"use server";
// Settings: a group's admin turns "encrypt people's names" on or off (lib/data/person-names.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "../auth/session";
import { setGroupEncryptNames } from "../data/person-names";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";

const schema = z.object({ groupId: z.string().trim().min(1, "required").max(100, "invalid"), encryptNames: z.enum(["on", "off"], { error: "invalid_choice" }) });

export async function setGroupEncryptNamesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(schema, raw);
    if (!parsed.ok) return parsed.state;
    const on = parsed.data.encryptNames === "on";
    await setGroupEncryptNames(actor, parsed.data.groupId, on);
    revalidatePath("/settings");
    return { ok: true, message: on ? "names_encrypted" : "names_plain" };
  });
}
