"use client";
// A date and how precisely the source knows it ("March 2021" is a month, not the 1st).
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/Field";
import { DATE_PRECISIONS } from "@/lib/domain/vocabulary";

interface Props {
  name: string;
  label: string;
  value: string;
  precision: string;
  errors?: Record<string, string[]>;
  required?: boolean;
}

export function DateWithPrecision({ name, label, value, precision, errors, required }: Props) {
  const t = useTranslations("appeals.form");
  const tv = useTranslations("vocab.precision");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField name={name} label={label} type="date" defaultValue={value} errors={errors} required={required} hint={t("dateHint")} />
      <SelectField
        name={`${name}Precision`}
        label={t("precision")}
        defaultValue={precision || "day"}
        errors={errors}
        options={DATE_PRECISIONS.map((p) => ({ value: p, label: tv(p) }))}
      />
    </div>
  );
}
