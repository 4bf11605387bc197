"use server";
// The steps of an import after the upload (POST /settings/import/upload): choose the columns,
// then confirm or cancel. Each form posts without JavaScript and lands on a page that says
// what happened; the batch is read only by the member who uploaded it.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { IMPORT_FIELDS } from "../domain/import-values";
import { cancelImport, commitImport, ImportRefusedError, saveImportMapping } from "../data/import-batches";

const batchId = z.string().trim().regex(/^[A-Za-z0-9_-]{10,64}$/, { error: "invalid" });
const column = z.preprocess((v) => (v === undefined || v === "" ? -1 : v), z.coerce.number().int().min(-1).max(1000));
const mappingSchema = z.object({ id: batchId, ...Object.fromEntries(IMPORT_FIELDS.map((f) => [`col_${f}`, column])) });
const confirmSchema = z.object({
  id: batchId,
  skipErrors: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  includeDuplicates: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
const cancelSchema = z.object({ id: batchId });

export async function saveImportMappingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = mappingSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const data = parsed.data as Record<string, unknown>;
    await saveImportMapping(actor, parsed.data.id, Object.fromEntries(IMPORT_FIELDS.map((f) => [f, data[`col_${f}`] as number])));
    redirect(`/settings/import/${parsed.data.id}?mapped=1#preview`);
  });
}

export async function confirmImportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = confirmSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    let imported: number;
    try {
      ({ imported } = await commitImport(actor, parsed.data.id, parsed.data));
    } catch (e) {
      if (e instanceof ImportRefusedError) redirect(`/settings/import/${parsed.data.id}?error=${e.reason}#confirm`);
      throw e;
    }
    revalidatePath("/applications");
    redirect(`/settings/import?imported=${imported}`);
  });
}

export async function cancelImportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = cancelSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await cancelImport(actor, parsed.data.id);
    redirect("/settings/import?cancelled=1");
  });
}
