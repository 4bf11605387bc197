"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { guarded, invalid, type FormState } from "./form-state";
import { formToObject } from "../validation/form-data";
import { createShareLinkSchema, revokeShareLinkSchema } from "../validation/share";
import { createShareLink, revokeShareLink } from "../data/share-links";

/**
 * Creates a share link. No redirect: the form shows the new address once, since only its
 * hash is kept.
 */
export async function createShareLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const parsed = createShareLinkSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalid(parsed.error);
    const link = await createShareLink(actor, parsed.data);
    revalidatePath(`/applications/${parsed.data.applicationId}`);
    return { ok: true, data: { path: `/s/${link.token}`, expiresAt: link.expiresAt.toISOString() } };
  });
}

export async function revokeShareLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const actor = await requireActor();
    const parsed = revokeShareLinkSchema.safeParse(formToObject(formData));
    if (!parsed.success) return invalid(parsed.error);
    const { applicationId } = await revokeShareLink(actor, parsed.data.linkId);
    revalidatePath(`/applications/${applicationId}`);
    return { ok: true };
  });
}
