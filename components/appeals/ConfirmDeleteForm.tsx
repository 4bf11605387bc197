"use client";
// A small form that deletes one record after the user confirms; errors show beside it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/lib/actions/form-state";

interface Props {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  confirm: string;
  /** A namespace whose "messages.<key>" explains refusals this action gives, before "errors". */
  ns?: string;
  className?: string;
}

export function ConfirmDeleteForm({ action, fields, label, confirm, ns, className = "" }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const t = useTranslations();
  const msg = state.message && !state.ok ? (ns && t.has(`${ns}.messages.${state.message}`) ? t(`${ns}.messages.${state.message}`) : t.has(`errors.${state.message}`) ? t(`errors.${state.message}`) : t("errors.unexpected")) : null;
  return (
    <form
      action={formAction}
      className={`inline ${className}`}
      onSubmit={(e) => {
        if (!window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" disabled={pending} className="text-sm text-red-700 underline-offset-2 hover:underline disabled:opacity-60">
        {label}
      </button>
      <span aria-live="polite">{msg ? <span role="alert" className="ml-2 text-sm text-red-700">{msg}</span> : null}</span>
    </form>
  );
}
