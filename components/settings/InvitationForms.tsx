"use client";
// Accepting an invitation: a newcomer sets a name and a password; someone signed in joins
// with their account.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { acceptInvitationAction, joinGroupAction } from "@/lib/actions/invitations";
import type { Plain } from "@/lib/validation/form-data";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import { SettingsMessage } from "./SettingsMessage";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("settings.accept");
  const [state, action] = useActionState(acceptInvitationAction, initialFormState);
  const submitted = state.data?.values as Plain | undefined;
  return (
    <form action={action} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <SettingsMessage state={state} labels="settings.accept" />
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField name="name" label={t("name")} required autoComplete="name" defaultValue={typeof submitted?.name === "string" ? submitted.name : ""} errors={state.errors} hint={t("nameHint")} />
      <TextField name="password" label={t("password")} type="password" required autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} errors={state.errors} hint={t("passwordHint")} />
      <SubmitButton>{t("create")}</SubmitButton>
    </form>
  );
}

export function JoinGroupForm({ token }: { token: string }) {
  const t = useTranslations("settings.accept");
  const [state, action] = useActionState(joinGroupAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <SettingsMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("join")}</SubmitButton>
    </form>
  );
}
