"use client";
// Publishing makes the record (not its applicants) visible to everyone; one click either way.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { setApplicationPublicAction } from "@/lib/actions/applications";

export function PublishToggle({ id, isPublic }: { id: string; isPublic: boolean }) {
  const t = useTranslations("applications.publish");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(setApplicationPublicAction, initialFormState);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {isPublic ? null : <input type="hidden" name="isPublic" value="on" />}
      <SubmitButton variant="secondary">{isPublic ? t("unpublish") : t("publish")}</SubmitButton>
      <span aria-live="polite" className="text-sm">
        {state.ok ? <span className="text-green-800">{state.message === "published" ? t("published") : t("unpublished")}</span> : null}
        {!state.ok && state.message ? <span role="alert" className="text-red-700">{te.has(state.message) ? te(state.message) : te("unexpected")}</span> : null}
      </span>
    </form>
  );
}
