"use client";
// When the member wants reminders before deadlines and hearings ("3,1"). Posts without JavaScript.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { updateReminderPreferencesAction } from "@/lib/actions/reminders";
import type { Plain } from "@/lib/validation/form-data";
import { formValues } from "@/components/appeals/values";
import { SettingsMessage } from "./SettingsMessage";

export function ReminderForm({ offsets }: { offsets: string }) {
  const t = useTranslations("settings.reminders");
  const [state, action] = useActionState(updateReminderPreferencesAction, initialFormState);
  const saved = state.ok ? String(state.data?.offsets ?? offsets) : offsets;
  const v = formValues({ offsets: saved }, state.ok ? undefined : (state.data?.values as Plain | undefined));
  return (
    <form action={action} noValidate className="space-y-3" key={String(state.data?.submittedAt ?? (state.ok ? saved : "initial"))}>
      <SettingsMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-[14rem_auto] sm:items-end">
        <TextField name="offsets" label={t("offsets")} defaultValue={v.offsets} inputMode="numeric" errors={state.errors} />
        <div className="pb-0.5">
          <SubmitButton>{t("save")}</SubmitButton>
        </div>
      </div>
      <p className="text-xs text-stone-600">{t("hint")}</p>
    </form>
  );
}
