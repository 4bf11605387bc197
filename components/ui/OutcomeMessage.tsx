"use client";
// A form's outcome in a feature's own words: its message keys (`messages`, e.g.
// "settings.messages") first, anything else from "errors". Success is a status line; a
// failure is the error summary (components/ui/ErrorSummary), which takes focus.
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { ErrorSummary } from "./ErrorSummary";

export function OutcomeMessage({ state, messages, labels, ns }: { state: FormState; messages: string; labels?: string; ns?: string }) {
  const t = useTranslations();
  if (!state.message) return <div aria-live="polite" />;
  const key = state.message;
  const text = t.has(`${messages}.${key}`) ? t(`${messages}.${key}`) : t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.unexpected");
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {text}
      </p>
    );
  }
  return <ErrorSummary state={state} message={text} labels={labels} ns={ns} />;
}
