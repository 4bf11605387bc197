"use client";
// "Forgot your password?" and the new password the reset link leads to. Plain posts: they work
// before JavaScript loads; the token never appears in the page or the URL (it is in a cookie).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { completePasswordResetAction, lockAccountByLinkAction, requestPasswordResetAction } from "@/lib/actions/accounts";
import { AccountMessage } from "./AccountMessage";

export function RequestResetForm() {
  const t = useTranslations("accounts.reset");
  const [state, action] = useActionState(requestPasswordResetAction, initialFormState);
  const values = state.data?.values as { email?: string } | undefined;
  return (
    <form action={action} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? (state.ok ? "sent" : "initial"))}>
      <AccountMessage state={state} />
      <TextField name="email" label={t("email")} type="email" autoComplete="username" errors={state.errors} defaultValue={values?.email ?? ""} required />
      <SubmitButton>{t("send")}</SubmitButton>
    </form>
  );
}

export function NewPasswordForm() {
  const t = useTranslations("accounts.reset");
  const [state, action] = useActionState(completePasswordResetAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-4" key={String(state.data?.submittedAt ?? "initial")}>
      <AccountMessage state={state} />
      <TextField name="password" label={t("newPassword")} hint={t("newPasswordHint")} type="password" autoComplete="new-password" errors={state.errors} required />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

export function LockByLinkForm() {
  const t = useTranslations("accounts.lock");
  const [state, action] = useActionState(lockAccountByLinkAction, initialFormState);
  return (
    <form action={action} className="space-y-4">
      <AccountMessage state={state} />
      <SubmitButton variant="danger">{t("confirm")}</SubmitButton>
    </form>
  );
}
