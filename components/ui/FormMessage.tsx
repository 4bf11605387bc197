"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { ErrorSummary } from "./ErrorSummary";

/**
 * The form-level outcome: "saved", or after a failed save the error summary ("there is a
 * problem", a link to each field) that takes focus. Put it at the top of the form.
 */
export function FormMessage({ state, success, labels, ns }: { state: FormState; success?: string; labels?: string; ns?: string }) {
  const t = useTranslations("errors");
  if (state.ok && success) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </p>
    );
  }
  if (!state.message || state.ok) return <div aria-live="polite" />;
  return <ErrorSummary state={state} message={t.has(state.message) ? t(state.message) : t("unexpected")} labels={labels} ns={ns} />;
}
