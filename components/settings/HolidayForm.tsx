"use client";
// Adds a day to the calendar: a public holiday, or a weekend day the government made a
// working day (working days are counted over this calendar).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { addHolidayAction } from "@/lib/actions/settings";
import type { Plain } from "@/lib/validation/form-data";
import { formValues } from "@/components/appeals/values";
import { SettingsMessage } from "./SettingsMessage";

export function HolidayForm({ year }: { year: number }) {
  const t = useTranslations("settings.holidays");
  const tl = useTranslations("translations.fields");
  const [state, action] = useActionState(addHolidayAction, initialFormState);
  const v = formValues({ date: "", kind: "holiday", name: "", nameRu: "", nameKk: "" }, state.ok ? undefined : (state.data?.values as Plain | undefined));
  return (
    <form action={action} noValidate className="space-y-3" key={String(state.data?.submittedAt ?? "initial")}>
      <SettingsMessage state={state} labels="settings.holidays" />
      <div className="grid gap-3 sm:grid-cols-[12rem_14rem_1fr_auto] sm:items-end">
        <TextField name="date" label={t("date")} type="date" required defaultValue={v.date} min={`${year}-01-01`} errors={state.errors} />
        <SelectField name="kind" label={t("kind")} defaultValue={v.kind} errors={state.errors} options={["holiday", "working_day"].map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        <TextField name="name" label={t("name")} required defaultValue={v.name} errors={state.errors} />
        <div className="pb-0.5">
          <SubmitButton>{t("add")}</SubmitButton>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="nameRu" label={tl("nameRu")} defaultValue={v.nameRu} errors={state.errors} lang="ru" />
        <TextField name="nameKk" label={tl("nameKk")} defaultValue={v.nameKk} errors={state.errors} lang="kk" />
      </div>
      <p className="text-xs text-stone-600">{t("hint")} {tl("holidayHint")}</p>
    </form>
  );
}
