"use server";
// Coalitions (sharing a case with a co-organizing group) and members' comments.
import { revalidatePath } from "next/cache";
import { requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { addCommentSchema, caseAccessRefSchema, deleteCommentSchema, editCommentSchema, shareCaseSchema } from "../validation/coalitions";
import { acceptCaseAccess, leaveCaseAccess, shareCase } from "../data/coalitions";
import { addComment, deleteComment, editComment } from "../data/comments";

function revalidateCase(applicationId: string) {
  revalidatePath(`/applications/${applicationId}`);
  revalidatePath("/applications");
  revalidatePath("/dashboard");
}

/** The owner's admin shares the case with a group, changes what is shared, or revokes it ("none"). */
export async function shareCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = shareCaseSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const outcome = await shareCase(actor, parsed.data);
    revalidateCase(parsed.data.applicationId);
    return { ok: true, message: `share_${outcome}` };
  });
}

export async function acceptCaseAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = caseAccessRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await acceptCaseAccess(actor, parsed.data);
    revalidateCase(parsed.data.applicationId);
    revalidatePath("/settings/members");
    return { ok: true, message: "access_accepted" };
  });
}

/** The invited group's admin declines a share or leaves it. */
export async function leaveCaseAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = caseAccessRefSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await leaveCaseAccess(actor, parsed.data);
    revalidateCase(parsed.data.applicationId);
    revalidatePath("/settings/members");
    return { ok: true, message: "access_left" };
  });
}

export async function addCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = addCommentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await addComment(actor, parsed.data);
    revalidatePath(`/applications/${parsed.data.applicationId}`);
    return { ok: true, message: "comment_added" };
  });
}

export async function editCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = editCommentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const applicationId = await editComment(actor, parsed.data);
    revalidatePath(`/applications/${applicationId}`);
    return { ok: true, message: "comment_saved" };
  });
}

export async function deleteCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = deleteCommentSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const applicationId = await deleteComment(actor, parsed.data.id);
    revalidatePath(`/applications/${applicationId}`);
    return { ok: true, message: "comment_deleted" };
  });
}
