"use client";
// The second step of signing in: a code from the authenticator app or a recovery code. A plain
// POST to a server action, so it works before hydration; the user is named only by the
// httpOnly pending cookie, never by anything in the form or the URL.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifySignInCodeAction } from "@/lib/actions/auth";
import { initialFormState } from "@/lib/actions/form-state";
import { FieldErrors } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";

export function SignInCodeForm() {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action] = useActionState(verifySignInCodeAction, initialFormState);
  const message = state.message && state.message !== "form_invalid" ? (te.has(state.message) ? te(state.message) : te("unexpected")) : null;
  const invalid = Boolean(state.errors?.code?.length);
  return (
    <form action={action} className="space-y-4" key={String(state.data?.submittedAt ?? state.message ?? "initial")}>
      <div>
        <label htmlFor="code" className="block text-sm font-medium">{t("code")}</label>
        <input id="code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" required autoFocus aria-invalid={invalid} aria-describedby={invalid ? "code-error" : undefined} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 font-mono" />
        <FieldErrors name="code" errors={state.errors} />
      </div>
      <div aria-live="assertive">{message ? <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p> : null}</div>
      <SubmitButton>{t("verify")}</SubmitButton>
    </form>
  );
}
