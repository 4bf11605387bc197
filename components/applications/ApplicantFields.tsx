"use client";
// One applicant as filed: their name and the personal data the akimat demanded. Stored as
// a private person of the owning group.
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import type { ApplicantValues } from "./values";

type Errors = Record<string, string[]> | undefined;

export function ApplicantFields({ index, applicant, errors, onRemove }: { index: number; applicant: ApplicantValues; errors: Errors; onRemove?: () => void }) {
  const t = useTranslations("applications.form");
  const n = (f: string) => `applicants.${index}.${f}`;
  return (
    <fieldset className="rounded-md border border-stone-200 p-3 sm:p-4" data-applicant-row={index}>
      <legend className="px-1 text-sm font-semibold">{t("applicantLegend", { number: index + 1 })}</legend>
      {applicant.personId ? <input type="hidden" name={n("personId")} value={applicant.personId} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name={n("fullName")} label={t("fullName")} errors={errors} defaultValue={applicant.fullName} autoComplete="off" />
        <TextField name={n("idNumber")} label={t("idNumber")} hint={t("idNumberHint")} inputMode="numeric" maxLength={12} errors={errors} defaultValue={applicant.idNumber} autoComplete="off" />
        <TextField name={n("address")} label={t("address")} errors={errors} defaultValue={applicant.address} autoComplete="off" />
        <TextField name={n("phone")} label={t("phone")} type="tel" errors={errors} defaultValue={applicant.phone} autoComplete="off" />
      </div>
      {onRemove ? (
        <div className="mt-3 text-right text-sm">
          <button type="button" onClick={onRemove} className="rounded-md border border-stone-300 px-3 py-1 text-stone-800 hover:bg-stone-100">
            {t("removeApplicant", { number: index + 1 })}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
