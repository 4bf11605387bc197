"use client";
// Deleting a whole case (answers, appeals, events with it) is for a group admin, and must
// be confirmed by ticking a box — a keyboard-usable confirmation that also works without JS.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { deleteApplicationAction } from "@/lib/actions/applications";

export function DeleteApplicationForm({ id, title }: { id: string; title: string }) {
  const t = useTranslations("applications.delete");
  const [state, formAction] = useActionState(deleteApplicationAction, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="delete-title">
      <h2 id="delete-title" className="text-lg font-semibold text-red-800">
        {t("title")}
      </h2>
      <p className="text-sm text-stone-700">{t("text", { title })}</p>
      <input type="hidden" name="id" value={id} />
      <CheckboxField name="confirm" label={t("confirm")} errors={state.errors} />
      <FormMessage state={state} />
      <SubmitButton variant="danger">{t("submit")}</SubmitButton>
    </form>
  );
}
