"use client";
// "Filed on …, registration number …": records the filing on the case (the application's
// filing date and number, or its appeal stage).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markFiledAction } from "@/lib/actions/filings";
import { initialFormState } from "@/lib/actions/form-state";
import { TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";

export function MarkFiledForm({ applicationId, attachmentId }: { applicationId: string; attachmentId: string }) {
  const t = useTranslations("filings.saved");
  const [state, action] = useActionState(markFiledAction, initialFormState);
  const values = (state.data?.values ?? {}) as Record<string, string>;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-brand-700">{t("markFiled")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <FormMessage state={state} labels="filings.fields" ns="filings" />
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="attachmentId" value={attachmentId} />
        <TextField name="filedOn" type="date" label={t("filedOn")} required errors={state.errors} defaultValue={values.filedOn ?? ""} />
        <TextField name="number" label={t("number")} errors={state.errors} defaultValue={values.number ?? ""} />
        <SubmitButton>{t("record")}</SubmitButton>
      </form>
    </details>
  );
}
