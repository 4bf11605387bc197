"use client";
// One appeal stage: where it was filed, when, under which case number, and what the
// authority argued. The body is chosen from the known authorities or typed as a name.
import Link from "next/link";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { SelectField, TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { Plain } from "@/lib/validation/form-data";
import { APPEAL_KINDS } from "@/lib/domain/vocabulary";
import { DateWithPrecision } from "./DateWithPrecision";
import { StageConflict, type StageSnapshot } from "./StageConflict";
import { formValues } from "./values";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/config";

export interface BodyOption {
  id: string;
  name: string;
  nameRu: string;
  kind: string;
  city: string;
}

export interface StageValues {
  [k: string]: string;
  id: string;
  applicationId: string;
  version: string;
  kind: string;
  filedOn: string;
  filedOnPrecision: string;
  bodyId: string;
  bodyName: string;
  caseNumber: string;
  authorityArguments: string;
  notes: string;
}

interface Props {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: StageValues;
  bodies: BodyOption[];
  cancelHref: string;
}

export function AppealStageForm({ action, initial, bodies, cancelHref }: Props) {
  const t = useTranslations("appeals.form");
  const tv = useTranslations("vocab");
  const locale = useLocale() as Locale;
  const [state, formAction] = useActionState(action, initialFormState);
  const submitted = state.data?.values as Plain | undefined;
  const conflict = state.message === "conflict" ? (state.conflict as StageSnapshot | null) : null;
  // After a conflict the form holds both edits merged, over the version now saved (its new base).
  const v = conflict?.merge ? formValues(initial, conflict.merge.values) : formValues(initial, submitted);
  const base = conflict?.merge ? JSON.stringify(conflict.merge.base) : typeof submitted?.base === "string" ? submitted.base : JSON.stringify(initial);
  const version = conflict ? String(conflict.version) : v.version;
  const errors = state.errors;
  return (
    <div className={conflict ? "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]" : ""}>
      <form action={formAction} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
        <FormMessage state={state} labels="appeals.form" />
        {initial.id ? (
          <>
            <input type="hidden" name="id" value={initial.id} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="base" value={base} />
          </>
        ) : (
          <input type="hidden" name="applicationId" value={initial.applicationId} />
        )}
        <SelectField name="kind" label={t("kind")} required defaultValue={v.kind} errors={errors} options={APPEAL_KINDS.map((k) => ({ value: k, label: tv(`appealKind.${k}`) }))} />
        <DateWithPrecision name="filedOn" label={t("filedOn")} value={v.filedOn} precision={v.filedOnPrecision} errors={errors} />
        <fieldset className="space-y-3 rounded-md border border-stone-200 p-3">
          <legend className="px-1 text-sm font-medium">{t("body")}</legend>
          <SelectField
            name="bodyId"
            label={t("bodyId")}
            defaultValue={v.bodyId}
            errors={errors}
            placeholder={t("bodyNone")}
            options={bodies.map((b) => ({ value: b.id, label: `${localized(b, "name", locale)}${b.city ? ` (${b.city})` : ""}` }))}
          />
          <TextField name="bodyName" label={t("bodyName")} defaultValue={v.bodyName} errors={errors} hint={t("bodyNameHint")} />
        </fieldset>
        <TextField name="caseNumber" label={t("caseNumber")} defaultValue={v.caseNumber} errors={errors} />
        <TextArea name="authorityArguments" label={t("authorityArguments")} defaultValue={v.authorityArguments} errors={errors} rows={5} hint={t("verbatimHint")} />
        <TextArea name="notes" label={t("notes")} defaultValue={v.notes} errors={errors} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{initial.id ? t("save") : t("create")}</SubmitButton>
          <Link href={cancelHref} className={secondaryLink}>
            {t("cancel")}
          </Link>
        </div>
      </form>
      {conflict ? <StageConflict current={conflict} bodies={bodies} /> : null}
    </div>
  );
}
