"use server";
// Settings → Security: the member's own two factors and password, and (for a group's admins)
// whether the group requires two factors. Each action: session → input → role → write.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { requireActor } from "../auth/session";
import { checkCredentials, secondFactorFailed, secondFactorLocked, secondFactorPassed } from "../auth/credentials";
import { issueSessionCookie } from "../auth/issue-session";
import { clientAddress } from "../security/client-address";
import { changePassword, confirmTwoFactor, disableTwoFactor, sessionUser, setGroupRequireTwoFactor, startTwoFactor } from "../data/two-factor";
import { FieldError } from "../validation/applications";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";

const codeSchema = z.object({ code: z.string().trim().min(1, "required").max(20, "too_long") });
const disableSchema = codeSchema.extend({ disablePassword: z.string().min(1, "required").max(500, "too_long") });
const passwordSchema = z.object({
  currentPassword: z.string().min(1, "required").max(500, "too_long"),
  newPassword: z.string().min(1, "required").max(500, "too_long"),
});
const groupSchema = z.object({ groupId: z.string().min(1).max(100), requireTwoFactor: z.enum(["on", "off"]) });

const noSecrets = () => ({});

export async function startTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const actor = await requireActor();
    await startTwoFactor(actor.userId);
    revalidatePath("/settings/security");
    return { ok: true, message: "two_factor_started" };
  });
}

/** Confirms enrolment; the recovery codes come back once, in the form's state, and nowhere else. */
export async function confirmTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const actor = await requireActor();
      const parsed = parseOrInvalid(codeSchema, raw);
      if (!parsed.ok) return parsed.state;
      const { recoveryCodes } = await confirmTwoFactor(actor.userId, parsed.data.code);
      // Enrolment ended every other session (one opened with the password alone); this one stays.
      await issueSessionCookie(await sessionUser(actor.userId));
      return { ok: true, message: "two_factor_on", data: { recoveryCodes } };
    },
    noSecrets,
  );
}

/**
 * Turning two factors off takes the current password (checked with the sign-in limits) and a
 * fresh code from the app, limited like the sign-in step: a device left signed in is not enough.
 */
export async function disableTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const actor = await requireActor();
      const parsed = parseOrInvalid(disableSchema, raw);
      if (!parsed.ok) return parsed.state;
      const check = await checkCredentials({ email: actor.email, password: parsed.data.disablePassword }, clientAddress(await headers()));
      if (!check.ok) return check.reason === "rate_limited" ? { ok: false, message: "rate_limited" } : { ok: false, message: "form_invalid", errors: { disablePassword: ["password_wrong"] } };
      if (await secondFactorLocked(actor.userId)) return { ok: false, message: "rate_limited" };
      try {
        await disableTwoFactor(actor.userId, parsed.data.code);
      } catch (e) {
        if (e instanceof FieldError && e.field === "code") await secondFactorFailed(actor.userId);
        throw e;
      }
      await secondFactorPassed(actor.userId);
      revalidatePath("/settings/security");
      return { ok: true, message: "two_factor_off" };
    },
    noSecrets,
  );
}

/**
 * A new password: the current one is checked with the sign-in limits, every other session
 * ends, and this device gets a fresh session cookie.
 */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const actor = await requireActor();
      const parsed = parseOrInvalid(passwordSchema, raw);
      if (!parsed.ok) return parsed.state;
      const check = await checkCredentials({ email: actor.email, password: parsed.data.currentPassword }, clientAddress(await headers()));
      if (!check.ok) return check.reason === "rate_limited" ? { ok: false, message: "rate_limited" } : { ok: false, message: "form_invalid", errors: { currentPassword: ["password_wrong"] } };
      await changePassword(actor.userId, parsed.data.newPassword);
      await issueSessionCookie(await sessionUser(actor.userId));
      revalidatePath("/settings/security");
      return { ok: true, message: "password_changed" };
    },
    noSecrets,
  );
}

export async function setGroupTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(groupSchema, raw);
    if (!parsed.ok) return parsed.state;
    await setGroupRequireTwoFactor(actor, parsed.data.groupId, parsed.data.requireTwoFactor === "on");
    revalidatePath("/settings/security");
    return { ok: true, message: parsed.data.requireTwoFactor === "on" ? "group_two_factor_on" : "group_two_factor_off" };
  });
}
