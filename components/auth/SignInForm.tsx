"use client";
// A plain POST to a server action: it works before the page has hydrated (or with JavaScript
// off), and the password never goes into a URL.
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/actions/auth";
import { initialFormState } from "@/lib/actions/form-state";

function SignInButton() {
  const t = useTranslations("auth");
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
      {pending ? t("signingIn") : t("signIn")}
    </button>
  );
}

/** `error` is a failure reported by next-auth's own endpoint (?error=…), shown until the next try. */
export function SignInForm({ callbackUrl, error }: { callbackUrl: string; error?: "failed" | "rateLimited" }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, action] = useActionState(signInAction, initialFormState);
  // The action's outcome ("sign_in_failed", "rate_limited") is a key in "errors".
  const message = state.message ? (te.has(state.message) ? te(state.message) : te("unexpected")) : error ? t(error) : null;
  const values = state.data?.values as { email?: string } | undefined;
  return (
    <form action={action} className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={values?.email ?? ""} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
      </div>
      <div aria-live="assertive">{message ? <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p> : null}</div>
      <SignInButton />
    </form>
  );
}
