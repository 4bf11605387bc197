"use client";
// At the code step of signing in: "use a passkey instead". Shown only where the browser can
// do WebAuthn and the page's script runs; the code form beside it needs neither.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { startAuthentication } from "@simplewebauthn/browser";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { passkeySignInAction, passkeySignInOptionsAction } from "@/lib/actions/passkeys";
import { PasskeyMessage } from "./PasskeyMessage";
import { useWebAuthn, wasCancelled } from "./useWebAuthn";

export function PasskeySignIn() {
  const t = useTranslations("passkeys");
  const supported = useWebAuthn();
  const [state, setState] = useState<FormState>(initialFormState);
  const [busy, startBusy] = useTransition();
  if (!supported) return null;

  function signIn() {
    startBusy(async () => {
      const options = await passkeySignInOptionsAction(initialFormState, new FormData());
      if (!options.ok) return setState(options);
      let response: unknown;
      try {
        response = await startAuthentication({ optionsJSON: options.data!.options as PublicKeyCredentialRequestOptionsJSON });
      } catch (e) {
        return setState({ ok: false, message: wasCancelled(e) ? "passkey_cancelled" : "passkey_failed" });
      }
      const fd = new FormData();
      fd.set("response", JSON.stringify(response));
      // On success the action redirects to where the member was going.
      setState(await passkeySignInAction(initialFormState, fd));
    });
  }

  return (
    <div className="mt-6 space-y-3 border-t border-stone-200 pt-4" data-testid="passkey-sign-in">
      <p className="text-center text-xs uppercase tracking-wide text-stone-500">{t("or")}</p>
      <PasskeyMessage state={state} />
      <button type="button" onClick={signIn} disabled={busy} className="w-full rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium hover:bg-stone-50 disabled:opacity-60">
        {busy ? t("signInWorking") : t("signIn")}
      </button>
    </div>
  );
}
