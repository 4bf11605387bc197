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
import { ConflictNotice } from "@/components/ui/ConflictNotice";
import { DateText } from "@/components/ui/DateText";
import { DateWithPrecision } from "./DateWithPrecision";
import { formValues } from "./values";

const EMPTY = { id: "", version: "", heldOn: "", heldOnPrecision: "day", time: "", authorityArguments: "", applicantArguments: "", notes: "" };
export type HearingValues = typeof EMPTY;

/** A hearing as saved by someone else meanwhile. */
interface HearingSnapshot {
  version: number;
  heldOn: string | null;
  heldOnPrecision: string;
  time: string;
  authorityArguments: string;
  applicantArguments: string;
  notes: string;
}

/** Adds a hearing to a stage, or with `initial` (id and version) corrects one. */
export function HearingForm({
  action,
  stageId,
  cancelHref,
  initial = EMPTY,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  stageId: string;
  cancelHref: string;
  initial?: HearingValues;
}) {
  const t = useTranslations("appeals.form");
  const [state, formAction] = useActionState(action, initialFormState);
  const v = formValues(initial, state.data?.values as Plain | undefined);
  const conflict = state.message === "conflict" ? (state.conflict as HearingSnapshot | null) : null;
  const errors = state.errors;
  const form = (
    <form action={formAction} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <FormMessage state={state} labels="appeals.form" />
      {initial.id ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={conflict ? String(conflict.version) : v.version} />
        </>
      ) : (
        <input type="hidden" name="stageId" value={stageId} />
      )}
      <DateWithPrecision name="heldOn" label={t("heldOn")} value={v.heldOn} precision={v.heldOnPrecision} errors={errors} />
      <TextField name="time" label={t("time")} type="time" defaultValue={v.time} errors={errors} className="max-w-40" />
      <TextArea name="authorityArguments" label={t("hearingAuthority")} defaultValue={v.authorityArguments} errors={errors} rows={5} hint={t("verbatimHint")} />
      <TextArea name="applicantArguments" label={t("hearingApplicants")} defaultValue={v.applicantArguments} errors={errors} rows={5} />
      <TextArea name="notes" label={t("notes")} defaultValue={v.notes} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{initial.id ? t("saveHearing") : t("addHearing")}</SubmitButton>
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
        text={t("conflictTextHearing")}
        rows={[
          [t("heldOn"), conflict.heldOn ? <DateText value={conflict.heldOn} precision={conflict.heldOnPrecision} /> : ""],
          [t("time"), conflict.time],
          [t("hearingAuthority"), conflict.authorityArguments],
          [t("hearingApplicants"), conflict.applicantArguments],
          [t("notes"), conflict.notes],
        ]}
      />
    </div>
  );
}
