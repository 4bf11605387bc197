"use client";
// A steps form's outcome: its own "saved" keys (steps.saved.*), anything else from "errors".
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { ErrorSummary } from "@/components/ui/ErrorSummary";

export function StepsMessage({ state, labels }: { state: FormState; labels?: string }) {
  const t = useTranslations();
  if (!state.message) return <div aria-live="polite" />;
  const key = state.message;
  const text = t.has(`steps.saved.${key}`) ? t(`steps.saved.${key}`) : t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.unexpected");
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {text}
      </p>
    );
  }
  return <ErrorSummary state={state} message={text} labels={labels} />;
}
