"use client";
// A hearing: when, and what each side argued — the authority's arguments are what a lawyer
// preparing the next stage needs word for word.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { Plain } from "@/lib/validation/form-data";
import { DateWithPrecision } from "./DateWithPrecision";
import { formValues } from "./values";

const EMPTY = { heldOn: "", heldOnPrecision: "day", time: "", authorityArguments: "", applicantArguments: "", notes: "" };

export function HearingForm({ action, stageId, cancelHref }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; stageId: string; cancelHref: string }) {
  const t = useTranslations("appeals.form");
  const [state, formAction] = useActionState(action, initialFormState);
  const v = formValues(EMPTY, state.data?.values as Plain | undefined);
  const errors = state.errors;
  return (
    <form action={formAction} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <FormMessage state={state} labels="appeals.form" />
      <input type="hidden" name="stageId" value={stageId} />
      <DateWithPrecision name="heldOn" label={t("heldOn")} value={v.heldOn} precision={v.heldOnPrecision} errors={errors} />
      <TextField name="time" label={t("time")} type="time" defaultValue={v.time} errors={errors} className="max-w-40" />
      <TextArea name="authorityArguments" label={t("hearingAuthority")} defaultValue={v.authorityArguments} errors={errors} rows={5} hint={t("verbatimHint")} />
      <TextArea name="applicantArguments" label={t("hearingApplicants")} defaultValue={v.applicantArguments} errors={errors} rows={5} />
      <TextArea name="notes" label={t("notes")} defaultValue={v.notes} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("addHearing")}</SubmitButton>
        <Link href={cancelHref} className={secondaryLink}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
