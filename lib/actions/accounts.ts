"use server";
// A member's own account: forgotten password, My sessions, "lock my account now", leaving a
// group, deleting the account; and an admin's reset link for a member where there is no email.
// Every form posts without JavaScript; each action: session (or link token) → input → write.
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "../auth/session";
import { checkCredentials, secondFactorFailed, secondFactorLocked, secondFactorPassed } from "../auth/credentials";
import { sessionCookie } from "../auth/cookies";
import { cameOverHttps, currentSessionId } from "../auth/issue-session";
import { clientAddress } from "../security/client-address";
import { completePasswordReset, deleteAccount, issueResetLink, leaveGroup, lockAccount, requestPasswordReset } from "../data/accounts";
import { revokeSession } from "../data/sessions";
import { endSessions } from "../data/users";
import { hasTwoFactor, verifySecondFactor } from "../data/two-factor";
import { decodeLockToken } from "../accounts/panic-token";
import { LOCK_COOKIE, RESET_COOKIE, linkCookieOptions } from "../accounts/link-cookie";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";

const noSecrets = () => ({});
const id = z.string().min(1, "required").max(100, "too_long");

async function clearSessionCookie(): Promise<void> {
  const cookie = sessionCookie(await cameOverHttps());
  (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
}

const requestSchema = z.object({ email: z.string().trim().toLowerCase().min(1, "required").max(320, "too_long").email("invalid_email") });

/** "Forgot your password?": the same answer whether or not the email has an account. */
export async function requestPasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const parsed = parseOrInvalid(requestSchema, raw);
    if (!parsed.ok) return parsed.state;
    const result = await requestPasswordReset(parsed.data.email, clientAddress(await headers()));
    return result === "rate_limited" ? { ok: false, message: "rate_limited" } : { ok: true, message: "reset_requested" };
  });
}

const newPasswordSchema = z.object({ password: z.string().min(1, "required").max(500, "too_long") });

/** A new password with the reset link's token (from its cookie, never the URL); then sign in. */
export async function completePasswordResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const parsed = parseOrInvalid(newPasswordSchema, raw);
      if (!parsed.ok) return parsed.state;
      const jar = await cookies();
      const token = jar.get(RESET_COOKIE.name)?.value ?? "";
      if (!token) return { ok: false, message: "reset_link_invalid" };
      await completePasswordReset(token, parsed.data.password);
      jar.set(RESET_COOKIE.name, "", { ...linkCookieOptions(RESET_COOKIE, await cameOverHttps()), maxAge: 0 });
      redirect("/signin?reset=1");
    },
    noSecrets,
  );
}

const memberSchema = z.object({ groupId: id, membershipId: id });

/** An admin's reset link for a member, shown once (the server may send no email). */
export async function issueResetLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(memberSchema, raw);
    if (!parsed.ok) return parsed.state;
    const url = await issueResetLink(actor, parsed.data);
    return { ok: true, message: "reset_link_issued", data: { url } };
  });
}

const sessionSchema = z.object({ sessionId: id });

/** Signs one device out; signing out this one goes to the sign-in page. */
export async function revokeSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(sessionSchema, raw);
    if (!parsed.ok) return parsed.state;
    const current = await currentSessionId();
    await revokeSession(actor, parsed.data.sessionId);
    if (current === parsed.data.sessionId) {
      await clearSessionCookie();
      redirect("/signin");
    }
    revalidatePath("/settings/security");
    return { ok: true, message: "session_revoked" };
  });
}

/** Every device, this one included. */
export async function signOutEverywhereAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const actor = await requireActor();
    await endSessions(actor.userId);
    await clearSessionCookie();
    redirect("/signin?everywhere=1");
  });
}

/** "Lock my account now" from Settings (after its confirmation step). */
export async function lockMyAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const actor = await requireActor();
    await lockAccount(actor.userId);
    await clearSessionCookie();
    redirect("/account/locked");
  });
}

/** "This wasn't me → lock my account" from an email: the token came in the link, now in its cookie or the form. */
export async function lockAccountByLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const jar = await cookies();
  const userId = await decodeLockToken(jar.get(LOCK_COOKIE.name)?.value);
  if (!userId) return { ok: false, message: "lock_link_invalid" };
  try {
    await lockAccount(userId);
  } catch {
    return { ok: false, message: "lock_link_invalid" };
  }
  jar.set(LOCK_COOKIE.name, "", { ...linkCookieOptions(LOCK_COOKIE, await cameOverHttps()), maxAge: 0 });
  await clearSessionCookie();
  redirect("/account/locked");
}

const groupSchema = z.object({ groupId: id });

export async function leaveGroupAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async (raw) => {
    const actor = await requireActor();
    const parsed = parseOrInvalid(groupSchema, raw);
    if (!parsed.ok) return parsed.state;
    await leaveGroup(actor, parsed.data.groupId);
    revalidatePath("/settings/security");
    return { ok: true, message: "group_left" };
  });
}

// Own names (not "password", "code"): the security page has other fields and a card with those ids.
const deleteSchema = z.object({
  deletePassword: z.string().min(1, "required").max(500, "too_long"),
  deleteCode: z.string().trim().max(40, "too_long").optional(),
});

/** Deletes the member's own account: the password, and a code when two factors are on. */
export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const actor = await requireActor();
      const parsed = parseOrInvalid(deleteSchema, raw);
      if (!parsed.ok) return parsed.state;
      const check = await checkCredentials({ email: actor.email, password: parsed.data.deletePassword }, clientAddress(await headers()));
      if (!check.ok) return check.reason === "rate_limited" ? { ok: false, message: "rate_limited" } : { ok: false, message: "form_invalid", errors: { deletePassword: ["password_wrong"] } };
      if (await hasTwoFactor(actor.userId)) {
        if (await secondFactorLocked(actor.userId)) return { ok: false, message: "rate_limited" };
        if (!parsed.data.deleteCode) return { ok: false, message: "form_invalid", errors: { deleteCode: ["required"] } };
        if (!(await verifySecondFactor(actor.userId, parsed.data.deleteCode))) {
          await secondFactorFailed(actor.userId);
          return { ok: false, message: "form_invalid", errors: { deleteCode: ["code_wrong"] } };
        }
        await secondFactorPassed(actor.userId);
      }
      await deleteAccount(actor);
      await clearSessionCookie();
      redirect("/account/deleted");
    },
    noSecrets,
  );
}
