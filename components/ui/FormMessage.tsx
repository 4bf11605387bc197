"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";

/** The form-level outcome: "check the fields", "saved", "someone else changed this" … */
export function FormMessage({ state, success }: { state: FormState; success?: string }) {
  const t = useTranslations("errors");
  if (state.ok && success) {
    return (
      <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        {success}
      </p>
    );
  }
  if (!state.message || state.ok) return <div aria-live="polite" />;
  return (
    <div aria-live="assertive" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      {t.has(state.message) ? t(state.message) : t("unexpected")}
    </div>
  );
}
