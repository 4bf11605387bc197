"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor, requireActor } from "../auth/session";
import { invalid, type FormState } from "./form-state";
import { runForm } from "./run-form";
import { acceptNewSchema, acceptSignedInSchema, inviteSchema, revokeInvitationSchema } from "../validation/settings";
import { acceptInvitationAsActor, acceptInvitationNewUser, createInvitation, revokeInvitation } from "../data/invitations";
import { consume } from "../rate-limit";
import { AppError } from "../errors";

/** The caller's address, for the rate limit; outside a request (tests, scripts) one shared key. */
async function clientKey(): Promise<string> {
  try {
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "local";
  } catch {
    return "local";
  }
}

async function limit(): Promise<void> {
  // Every attempt counts, right or wrong, so guessing tokens or hammering one link is slowed alike.
  if (!(await consume("invitation", await clientKey()))) throw new AppError("rate_limited");
}

/** Creates the invitation and hands its link back once; only its hash is kept. */
export async function inviteMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = inviteSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    const { token, invitation, emailed } = await createInvitation(actor, parsed.data);
    revalidatePath("/settings/members");
    return { ok: true, message: "invitation_created", data: { path: `/invite/${token}`, email: invitation.email, expiresAt: invitation.expiresAt.toISOString(), emailed } };
  });
}

export async function revokeInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = revokeInvitationSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await revokeInvitation(actor, parsed.data.groupId, parsed.data.invitationId);
    revalidatePath("/settings/members");
    return { ok: true, message: "invitation_revoked" };
  });
}

/** A newcomer sets a name and password; the account gets the invited role. */
export async function acceptInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // The form gets back what was typed, except the password.
  return runForm(formData, async (raw) => {
    await limit();
    const parsed = acceptNewSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    if (await getActor()) return { ok: false, message: "signed_in_already" };
    await acceptInvitationNewUser(parsed.data);
    redirect("/signin?created=1&callbackUrl=%2Fdashboard");
  }, (raw) => ({ ...raw, password: "" }));
}

/** A signed-in user joins the inviting group with their current account. */
export async function joinGroupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    await limit();
    const actor = await requireActor();
    const parsed = acceptSignedInSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    await acceptInvitationAsActor(actor, parsed.data.token);
    revalidatePath("/dashboard");
    revalidatePath("/settings");
    redirect("/dashboard");
  });
}
