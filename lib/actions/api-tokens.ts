"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "../auth/session";
import { guarded, invalid, type FormState } from "./form-state";
import { formToObject } from "../validation/form-data";
import { apiTokenCreateSchema, apiTokenRevokeSchema } from "../validation/api";
import { createApiToken, revokeApiToken } from "../data/api-tokens";
import { isAppError } from "../errors";

/** Creates a personal API token and hands the secret back once, to be shown and copied. */
export async function createApiTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const raw = formToObject(formData);
    const parsed = apiTokenCreateSchema.safeParse(raw);
    // The typed name comes back so the form can show it again beside its error.
    if (!parsed.success) return { ...invalid(parsed.error), data: { name: typeof raw.name === "string" ? raw.name : "" } };
    try {
      const created = await createApiToken(actor, parsed.data.name, { days: parsed.data.days, scopes: parsed.data.export ? ["read", "export"] : ["read"] });
      revalidatePath("/settings/tokens");
      return { ok: true, data: { token: created.token, name: created.name } };
    } catch (e) {
      if (isAppError(e) && e.message === "too_many_tokens") return { ok: false, message: "too_many_tokens", data: { name: parsed.data.name } };
      throw e;
    }
  });
}

export async function revokeApiTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const parsed = apiTokenRevokeSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalid(parsed.error);
    await revokeApiToken(actor, parsed.data.id);
    revalidatePath("/settings/tokens");
    redirect("/settings/tokens?revoked=1");
  });
}
