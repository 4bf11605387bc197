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
import { ConflictNotice } from "@/components/ui/ConflictNotice";
import { DateText } from "@/components/ui/DateText";
import { DateWithPrecision } from "./DateWithPrecision";
import { formValues } from "./values";

const EMPTY = { id: "", version: "", decidedOn: "", decidedOnPrecision: "day", outcome: "", summary: "", text: "" };
export type RulingValues = typeof EMPTY;

/** A ruling as saved by someone else meanwhile. */
interface RulingSnapshot {
  version: number;
  decidedOn: string | null;
  decidedOnPrecision: string;
  outcome: string;
  summary: string;
  text: string;
}

/** Records a stage's ruling, or with `initial` (id and version) corrects it. */
export function RulingForm({
  action,
  stageId,
  cancelHref,
  initial = EMPTY,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  stageId: string;
  cancelHref: string;
  initial?: RulingValues;
}) {
  const t = useTranslations("appeals.form");
  const tv = useTranslations("vocab.rulingOutcome");
  const [state, formAction] = useActionState(action, initialFormState);
  const v = formValues(initial, state.data?.values as Plain | undefined);
  const conflict = state.message === "conflict" ? (state.conflict as RulingSnapshot | null) : null;
  const errors = state.errors;
  const form = (
    <form action={formAction} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <FormMessage state={state} labels="appeals.form" />
      <input type="hidden" name="stageId" value={stageId} />
      {initial.id ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={conflict ? String(conflict.version) : v.version} />
        </>
      ) : null}
      <DateWithPrecision name="decidedOn" label={t("decidedOn")} value={v.decidedOn} precision={v.decidedOnPrecision} errors={errors} />
      <p className="-mt-2 text-xs text-stone-600">{t("decidedOnHint")}</p>
      <SelectField name="outcome" label={t("outcome")} required defaultValue={v.outcome} errors={errors} placeholder={t("choose")} options={RULING_OUTCOMES.map((o) => ({ value: o, label: tv(o) }))} />
      <TextArea name="summary" label={t("summary")} defaultValue={v.summary} errors={errors} rows={4} />
      <TextArea name="text" label={t("text")} defaultValue={v.text} errors={errors} rows={10} hint={t("textHint")} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{initial.id ? t("saveRuling") : t("recordRuling")}</SubmitButton>
        <Link href={cancelHref} className={secondaryLink}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
  if (!conflict) return form;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      {form}
      <ConflictNotice
        title={t("conflictTitle")}
        text={t("conflictTextRuling")}
        rows={[
          [t("decidedOn"), conflict.decidedOn ? <DateText value={conflict.decidedOn} precision={conflict.decidedOnPrecision} /> : ""],
          [t("outcome"), tv.has(conflict.outcome) ? tv(conflict.outcome) : conflict.outcome],
          [t("summary"), conflict.summary],
          [t("text"), conflict.text],
        ]}
      />
    </div>
  );
}
