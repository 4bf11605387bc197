"use client";
// A new password: the current one first. Ends every other session; this device stays signed in.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { changePasswordAction } from "@/lib/actions/security";
import { SettingsMessage } from "../SettingsMessage";

export function ChangePasswordForm() {
  const t = useTranslations("settings.security");
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-3" key={String(state.data?.submittedAt ?? (state.ok ? "saved" : "initial"))}>
      <SettingsMessage state={state} labels="settings.security" />
      <TextField name="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" errors={state.errors} required />
      <TextField name="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} type="password" autoComplete="new-password" errors={state.errors} required />
      <SubmitButton>{t("changePassword")}</SubmitButton>
    </form>
  );
}
