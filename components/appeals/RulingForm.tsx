"use client";
// The ruling that ends a stage: its date starts the clock for the next one.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextArea } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { Plain } from "@/lib/validation/form-data";
import { RULING_OUTCOMES } from "@/lib/domain/vocabulary";
import { DateWithPrecision } from "./DateWithPrecision";
import { formValues } from "./values";

const EMPTY = { decidedOn: "", decidedOnPrecision: "day", outcome: "", summary: "", text: "" };

export function RulingForm({ action, stageId, cancelHref }: { action: (prev: FormState, formData: FormData) => Promise<FormState>; stageId: string; cancelHref: string }) {
  const t = useTranslations("appeals.form");
  const tv = useTranslations("vocab.rulingOutcome");
  const [state, formAction] = useActionState(action, initialFormState);
  const v = formValues(EMPTY, state.data?.values as Plain | undefined);
  const errors = state.errors;
  return (
    <form action={formAction} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <FormMessage state={state} labels="appeals.form" />
      <input type="hidden" name="stageId" value={stageId} />
      <DateWithPrecision name="decidedOn" label={t("decidedOn")} value={v.decidedOn} precision={v.decidedOnPrecision} errors={errors} />
      <p className="-mt-2 text-xs text-stone-600">{t("decidedOnHint")}</p>
      <SelectField name="outcome" label={t("outcome")} required defaultValue={v.outcome} errors={errors} placeholder={t("choose")} options={RULING_OUTCOMES.map((o) => ({ value: o, label: tv(o) }))} />
      <TextArea name="summary" label={t("summary")} defaultValue={v.summary} errors={errors} rows={4} />
      <TextArea name="text" label={t("text")} defaultValue={v.text} errors={errors} rows={10} hint={t("textHint")} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("recordRuling")}</SubmitButton>
        <Link href={cancelHref} className={secondaryLink}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
