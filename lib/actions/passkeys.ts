"use server";
// Passkeys (lib/data/passkeys.ts). Enrolling and signing in with one need JavaScript (the
// browser's WebAuthn API), so their options and responses travel through these actions called
// from client components; removing one is a plain form post with a code from the app.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { requireActor } from "../auth/session";
import { secondFactorFailed, secondFactorLocked, secondFactorPassed } from "../auth/credentials";
import { cameOverHttps, issueSessionCookie } from "../auth/issue-session";
import { decodePendingSignIn, pendingSignInCookie } from "../auth/pending-sign-in";
import { relyingParty } from "../auth/webauthn";
import { recordSignIn, sessionUser } from "../data/two-factor";
import { parseResponse, passkeyAuthenticationOptions, passkeyRegistrationOptions, registerPasskey, removePasskey, verifyPasskeyAssertion } from "../data/passkeys";
import type { FormState } from "./form-state";
import { parseOrInvalid, runForm } from "./run-form";

const responseField = z.string().min(2, "passkey_failed").max(20_000, "too_long");
const registerSchema = z.object({ name: z.string().trim().min(1, "required").max(60, "too_long"), response: responseField });
const removeSchema = z.object({ passkeyId: z.string().trim().min(1, "required").max(64, "invalid"), code: z.string().trim().min(1, "required").max(20, "too_long") });
const signInSchema = z.object({ response: responseField });

const noSecrets = () => ({});

/** Step 1 of enrolling: the options for navigator.credentials.create (a fresh challenge). */
export async function passkeyRegistrationOptionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const actor = await requireActor();
    const options = await passkeyRegistrationOptions(actor.userId, await relyingParty());
    return { ok: true, data: { options } };
  });
}

/** Step 2: the authenticator's answer, checked; the passkey is kept under the name given. */
export async function registerPasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const actor = await requireActor();
      const parsed = parseOrInvalid(registerSchema, raw);
      if (!parsed.ok) return parsed.state;
      await registerPasskey(actor.userId, parsed.data.name, parseResponse<RegistrationResponseJSON>(parsed.data.response), await relyingParty());
      revalidatePath("/settings/security");
      return { ok: true, message: "passkey_added" };
    },
    (raw) => ({ name: raw.name ?? "" }),
  );
}

/** Removing a passkey takes a fresh code from the app, limited like the sign-in step. */
export async function removePasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    formData,
    async (raw) => {
      const actor = await requireActor();
      const parsed = parseOrInvalid(removeSchema, raw);
      if (!parsed.ok) return parsed.state;
      if (await secondFactorLocked(actor.userId)) return { ok: false, message: "rate_limited" };
      try {
        await removePasskey(actor.userId, parsed.data.passkeyId, parsed.data.code);
      } catch (e) {
        if ((e as { field?: string }).field === "code") await secondFactorFailed(actor.userId);
        throw e;
      }
      await secondFactorPassed(actor.userId);
      revalidatePath("/settings/security");
      return { ok: true, message: "passkey_removed" };
    },
    noSecrets,
  );
}

/** The pending sign-in (a correct password a moment ago) and its user, or null. */
async function pendingUser() {
  const pending = await decodePendingSignIn((await cookies()).get(pendingSignInCookie(await cameOverHttps()).name)?.value);
  const user = pending ? await sessionUser(pending.userId).catch(() => null) : null;
  return pending && user && user.sessionVersion === pending.sv ? { pending, user } : null;
}

/** At sign-in, after the password: the options for navigator.credentials.get. */
export async function passkeySignInOptionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runForm(formData, async () => {
    const p = await pendingUser();
    if (!p) return { ok: false, message: "sign_in_expired" };
    if (await secondFactorLocked(p.user.id)) return { ok: false, message: "rate_limited" };
    const options = await passkeyAuthenticationOptions(p.user.id, await relyingParty());
    if (!options) return { ok: false, message: "passkey_none" };
    return { ok: true, data: { options } };
  });
}

/**
 * The passkey's answer in place of the code: the same ending as the code step (a session for
 * this device, the pending cookie gone, on to where the member was going). A wrong answer
 * counts against the account like a wrong code.
 */
export async function passkeySignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const p = await pendingUser();
  if (!p) return { ok: false, message: "sign_in_expired" };
  if (await secondFactorLocked(p.user.id)) return { ok: false, message: "rate_limited" };
  const parsed = signInSchema.safeParse({ response: formData.get("response") });
  let ok = false;
  if (parsed.success) {
    try {
      ok = await verifyPasskeyAssertion(p.user.id, parseResponse<AuthenticationResponseJSON>(parsed.data.response), await relyingParty());
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    await secondFactorFailed(p.user.id);
    return { ok: false, message: "passkey_failed" };
  }
  await secondFactorPassed(p.user.id);
  const jar = await cookies();
  const cookie = pendingSignInCookie(await cameOverHttps());
  jar.set(cookie.name, "", { ...cookie.options, maxAge: 0 });
  await issueSessionCookie(p.user);
  await recordSignIn(p.user.id);
  redirect(p.pending.target);
}
