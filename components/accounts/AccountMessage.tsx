"use client";
// A form's outcome: this feature's own keys (accounts.messages.*), anything else from "errors".
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

export function AccountMessage({ state, labels = "accounts.fields" }: { state: FormState; labels?: string }) {
  const t = useTranslations();
  if (!state.message) return <div aria-live="polite" />;
  const key = state.message;
  const text = t.has(`accounts.messages.${key}`) ? t(`accounts.messages.${key}`) : t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.unexpected");
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {text}
      </p>
    );
  }
  return <ErrorSummary state={state} message={text} labels={labels} ns="accounts" />;
}
