"use client";
// Enrolling in, and turning off, two-factor sign-in. Every form posts without JavaScript.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState } from "@/lib/actions/form-state";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/lib/actions/security";
import { SettingsMessage } from "../SettingsMessage";

export function StartTwoFactorForm({ restart = false }: { restart?: boolean }) {
  const t = useTranslations("settings.security");
  const [state, action] = useActionState(startTwoFactorAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      {state.ok ? null : <SettingsMessage state={state} />}
      <SubmitButton variant={restart ? "secondary" : "primary"}>{restart ? t("restart") : t("start")}</SubmitButton>
    </form>
  );
}

/**
 * The two-factor card's body. It holds the enrolment form's state in the same place whatever
 * the page shows, so the recovery codes the confirmation returns are shown even when the page
 * around it is rendered afresh (a POST without JavaScript comes back as a whole page, where
 * two factors are already on): they exist in clear only in this one response.
 */
export function TwoFactorPanel({ enrolling, children, after }: { enrolling: boolean; children: React.ReactNode; after?: React.ReactNode }) {
  const t = useTranslations("settings.security");
  const [state, action] = useActionState(confirmTwoFactorAction, initialFormState);
  const codes = state.ok ? (state.data?.recoveryCodes as string[] | undefined) : undefined;
  if (codes) {
    return (
      <div className="space-y-3" data-testid="recovery-codes">
        <SettingsMessage state={state} />
        <p className="text-sm">{t("recoveryIntro")}</p>
        <ol className="grid grid-cols-2 gap-1 font-mono text-sm">
          {codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ol>
        <p className="text-sm text-stone-600">{t("recoveryOnce")}</p>
        <a href="/settings/security" className="inline-block text-sm underline">
          {t("recoverySaved")}
        </a>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {children}
      {enrolling ? (
        <form action={action} noValidate className="space-y-3" key={String(state.data?.submittedAt ?? "initial")}>
          <SettingsMessage state={state} labels="settings.security" />
          <TextField name="code" label={t("code")} hint={t("codeHint")} inputMode="numeric" autoComplete="one-time-code" errors={state.errors} required />
          <SubmitButton>{t("confirm")}</SubmitButton>
        </form>
      ) : null}
      {after}
    </div>
  );
}

export function DisableTwoFactorForm() {
  const t = useTranslations("settings.security");
  const [state, action] = useActionState(disableTwoFactorAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-3" key={String(state.data?.submittedAt ?? "initial")}>
      <SettingsMessage state={state} labels="settings.security" />
      <TextField name="disablePassword" label={t("currentPassword")} type="password" autoComplete="current-password" errors={state.errors} required />
      <TextField name="code" label={t("code")} hint={t("disableHint")} inputMode="numeric" autoComplete="one-time-code" errors={state.errors} required />
      <SubmitButton variant="danger">{t("disable")}</SubmitButton>
    </form>
  );
}
