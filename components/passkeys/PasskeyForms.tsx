"use client";
// Settings → Security → Passkeys: add one (a name, then the browser's prompt), remove one
// with a fresh code from the app. Adding needs JavaScript and appears only with it; removing
// is a plain form post.
import { useActionState, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startRegistration } from "@simplewebauthn/browser";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { TextField } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { passkeyRegistrationOptionsAction, registerPasskeyAction, removePasskeyAction } from "@/lib/actions/passkeys";
import { PasskeyMessage } from "./PasskeyMessage";
import { useWebAuthn, wasCancelled } from "./useWebAuthn";

export function AddPasskeyForm() {
  const t = useTranslations("passkeys");
  const supported = useWebAuthn();
  const router = useRouter();
  const [state, setState] = useState<FormState>(initialFormState);
  const [busy, startBusy] = useTransition();
  if (!supported) return <p className="text-sm text-stone-600" data-testid="passkey-needs-js">{t("needsJavaScript")}</p>;

  function add(formData: FormData) {
    startBusy(async () => {
      const name = String(formData.get("name") ?? "");
      const options = await passkeyRegistrationOptionsAction(initialFormState, new FormData());
      if (!options.ok) return setState(options);
      let response: unknown;
      try {
        response = await startRegistration({ optionsJSON: options.data!.options as PublicKeyCredentialCreationOptionsJSON });
      } catch (e) {
        return setState({ ok: false, message: wasCancelled(e) ? "passkey_cancelled" : "passkey_failed" });
      }
      const fd = new FormData();
      fd.set("name", name);
      fd.set("response", JSON.stringify(response));
      const done = await registerPasskeyAction(initialFormState, fd);
      setState(done);
      if (done.ok) router.refresh();
    });
  }

  return (
    <form action={add} noValidate className="space-y-3" data-testid="add-passkey">
      <PasskeyMessage state={state} />
      <TextField name="name" label={t("name")} hint={t("nameHint")} maxLength={60} required errors={state.errors} defaultValue={state.ok ? "" : ((state.data?.values as { name?: string } | undefined)?.name ?? "")} />
      <button type="submit" disabled={busy} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("adding") : t("add")}
      </button>
    </form>
  );
}

export function RemovePasskeyForm({ passkeyId, name }: { passkeyId: string; name: string }) {
  const t = useTranslations("passkeys");
  const [state, action] = useActionState(removePasskeyAction, initialFormState);
  const field = `code-${passkeyId}`;
  return (
    <form action={action} noValidate className="space-y-2" aria-label={`${t("remove")}: ${name}`} key={String(state.data?.submittedAt ?? "initial")}>
      <PasskeyMessage state={state} />
      <input type="hidden" name="passkeyId" value={passkeyId} />
      <label htmlFor={field} className="block text-xs text-stone-700">
        {t("removeHint", { name })} <span className="sr-only">{t("removeCode")}</span>
      </label>
      <div className="flex flex-wrap items-start gap-2">
        <input id={field} name="code" inputMode="numeric" autoComplete="one-time-code" required aria-invalid={Boolean(state.errors?.code?.length)} className="w-32 rounded-md border border-stone-300 px-2 py-1 font-mono text-sm" />
        <SubmitButton variant="danger">{t("remove")}</SubmitButton>
      </div>
    </form>
  );
}
