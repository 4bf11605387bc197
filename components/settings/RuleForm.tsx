"use client";
// One legal clock, as data: how many of which unit, before or after what, on which legal basis.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { secondaryLink } from "@/components/ui/PageHeader";
import { initialFormState } from "@/lib/actions/form-state";
import { updateDeadlineRuleAction } from "@/lib/actions/settings";
import type { Plain } from "@/lib/validation/form-data";
import { formValues } from "@/components/appeals/values";
import { SettingsMessage } from "./SettingsMessage";

export interface RuleValues {
  [k: string]: string;
  id: string;
  amount: string;
  unit: string;
  direction: string;
  legalBasis: string;
  legalBasisRu: string;
  legalBasisKk: string;
  labelEn: string;
  labelRu: string;
  labelKk: string;
  active: string;
}

const UNITS = ["working_days", "calendar_days", "months"];
const DIRECTIONS = ["before", "after"];

export function RuleForm({ initial, countsFrom }: { initial: RuleValues; countsFrom: string }) {
  const t = useTranslations("settings.rules");
  const tl = useTranslations("translations.fields");
  const [state, action] = useActionState(updateDeadlineRuleAction, initialFormState);
  const v = formValues(initial, state.ok ? undefined : (state.data?.values as Plain | undefined));
  const errors = state.errors;
  const anchor = t.has(`anchor.${countsFrom}`) ? t(`anchor.${countsFrom}`) : countsFrom;
  return (
    <form action={action} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <SettingsMessage state={state} labels="settings.rules" />
      <input type="hidden" name="id" value={initial.id} />
      <div className="grid gap-3 sm:grid-cols-[7rem_1fr_1fr]">
        <TextField name="amount" label={t("amount")} inputMode="numeric" defaultValue={v.amount} errors={errors} required />
        <SelectField name="unit" label={t("unit")} defaultValue={v.unit} errors={errors} options={UNITS.map((u) => ({ value: u, label: t(`units.${u}`) }))} />
        <SelectField name="direction" label={t("direction")} defaultValue={v.direction} errors={errors} options={DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`, { anchor }) }))} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="labelEn" label={t("labelEn")} defaultValue={v.labelEn} errors={errors} required lang="en" />
        <TextField name="labelRu" label={t("labelRu")} defaultValue={v.labelRu} errors={errors} required lang="ru" />
        <TextField name="labelKk" label={tl("labelKk")} defaultValue={v.labelKk} errors={errors} lang="kk" />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="legalBasis" label={tl("legalBasisEn")} defaultValue={v.legalBasis} errors={errors} lang="en" />
        <TextField name="legalBasisRu" label={tl("legalBasisRu")} defaultValue={v.legalBasisRu} errors={errors} lang="ru" />
        <TextField name="legalBasisKk" label={tl("legalBasisKk")} defaultValue={v.legalBasisKk} errors={errors} lang="kk" />
      </div>
      <p className="-mt-2 text-xs text-stone-600">{tl("kazakhHint")}</p>
      <CheckboxField name="active" label={t("active")} defaultChecked={v.active === "on" || v.active === "true"} errors={errors} />
      <p className="-mt-2 text-xs text-stone-600">{t("activeHint")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("save")}</SubmitButton>
        <Link href="/settings/rules" className={secondaryLink}>
          {t("back")}
        </Link>
      </div>
    </form>
  );
}
