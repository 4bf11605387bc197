"use client";
// One "form" of assembly asked for: a march, a rally … with its place, route and time.
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/ui/Field";
import { ASSEMBLY_FORMS, DATE_PRECISIONS, EQUIPMENT } from "@/lib/domain/vocabulary";
import type { PartValues } from "./values";

type Errors = Record<string, string[]> | undefined;

export function PartFields({
  index,
  part,
  errors,
  onRemove,
}: {
  index: number;
  part: PartValues;
  errors: Errors;
  /** Absent when the row cannot be removed (the only one, or already answered). */
  onRemove?: () => void;
}) {
  const t = useTranslations("applications.form");
  const tv = useTranslations("vocab");
  const n = (f: string) => `parts.${index}.${f}`;
  return (
    <fieldset className="rounded-md border border-stone-200 p-3 sm:p-4" data-part-row={index}>
      <legend className="px-1 text-sm font-semibold">{t("partLegend", { number: index + 1 })}</legend>
      {part.id ? <input type="hidden" name={n("id")} value={part.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name={n("form")}
          label={t("form")}
          required
          errors={errors}
          defaultValue={part.form}
          placeholder={t("choose")}
          options={ASSEMBLY_FORMS.map((f) => ({ value: f, label: tv(`form.${f}`) }))}
        />
        <TextField name={n("place")} label={t("place")} errors={errors} defaultValue={part.place} />
        <TextArea name={n("route")} label={t("route")} errors={errors} defaultValue={part.route} rows={2} className="sm:col-span-2" hint={t("routeHint")} />
        <TextField name={n("eventDate")} label={t("eventDate")} type="date" errors={errors} defaultValue={part.eventDate} />
        <SelectField
          name={n("eventDatePrecision")}
          label={t("precision")}
          errors={errors}
          defaultValue={part.eventDatePrecision}
          options={DATE_PRECISIONS.map((p) => ({ value: p, label: tv(`precision.${p}`) }))}
        />
        <TextField name={n("startTime")} label={t("startTime")} type="time" errors={errors} defaultValue={part.startTime} />
        <TextField name={n("endTime")} label={t("endTime")} type="time" errors={errors} defaultValue={part.endTime} />
        <TextField
          name={n("expectedParticipants")}
          label={t("expectedParticipants")}
          type="number"
          min={0}
          inputMode="numeric"
          errors={errors}
          defaultValue={part.expectedParticipants}
        />
        <fieldset>
          <legend className="block text-sm font-medium text-stone-800">{t("equipment")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {EQUIPMENT.map((e) => (
              <CheckboxField key={e} name={`${n("equipment")}[]`} value={e} label={tv(`equipment.${e}`)} defaultChecked={part.equipment.includes(e)} />
            ))}
          </div>
        </fieldset>
      </div>
      <div className="mt-3 flex items-center justify-end gap-3 text-sm">
        {part.answered ? <span className="text-stone-600">{t("answeredPart")}</span> : null}
        {onRemove ? (
          <button type="button" onClick={onRemove} className="rounded-md border border-stone-300 px-3 py-1 text-stone-800 hover:bg-stone-100">
            {t("removePart", { number: index + 1 })}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
