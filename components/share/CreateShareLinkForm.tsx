"use client";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { createShareLinkAction } from "@/lib/actions/share-links";
import { initialFormState } from "@/lib/actions/form-state";
import { FieldErrors, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { SHARE_SECTIONS_OFF_BY_DEFAULT } from "@/lib/domain/vocabulary";

// Fields are controlled so that what was typed survives a rejected submission (React
// resets uncontrolled fields after every form action).
export function CreateShareLinkForm({ applicationId, sections, defaultDays }: { applicationId: string; sections: { value: string; label: string }[]; defaultDays: number }) {
  const t = useTranslations("share.form");
  const [state, action] = useActionState(createShareLinkAction, initialFormState);
  const [days, setDays] = useState(String(defaultDays));
  const [passcode, setPasscode] = useState("");
  const [chosen, setChosen] = useState<string[]>(sections.map((s) => s.value).filter((v) => !(SHARE_SECTIONS_OFF_BY_DEFAULT as readonly string[]).includes(v)));
  const [personal, setPersonal] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    // A passcode is not left sitting in the form once the link exists.
    if (state.ok) setPasscode("");
    setCopied(false);
  }, [state]);

  const path = state.ok && typeof state.data?.path === "string" ? state.data.path : null;
  const url = path && typeof window !== "undefined" ? `${window.location.origin}${path}` : path;

  // A bad entry in the checkbox group is reported as "sections.1"; show it once, under the group.
  const sectionErrors = { sections: [...new Set(Object.entries(state.errors ?? {}).flatMap(([k, v]) => (k.startsWith("sections") ? v : [])))] };
  const toggle = (value: string, on: boolean) => setChosen((list) => (on ? [...list, value] : list.filter((v) => v !== value)));

  return (
    <form action={action} className="space-y-4" aria-labelledby="share-form-legend">
      <h3 id="share-form-legend" className="text-base font-semibold">
        {t("legend")}
      </h3>
      <FormMessage state={state} labels="share.form" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="space-y-4">
        <TextField name="expiresInDays" label={t("expiresInDays")} type="number" min={1} max={365} inputMode="numeric" required value={days} onChange={(e) => setDays(e.target.value)} errors={state.errors} hint={t("expiresHint")} />
        <TextField name="passcode" label={t("passcode")} type="password" autoComplete="new-password" value={passcode} onChange={(e) => setPasscode(e.target.value)} errors={state.errors} hint={t("passcodeHint")} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">{t("sections")}</legend>
        <div className="mt-2 grid gap-2">
          {sections.map((s) => (
            <label key={s.value} htmlFor={`share-section-${s.value}`} className="inline-flex items-center gap-2 text-sm">
              <input id={`share-section-${s.value}`} type="checkbox" name="sections[]" value={s.value} checked={chosen.includes(s.value)} onChange={(e) => toggle(s.value, e.target.checked)} className="h-4 w-4 rounded border-stone-400" />
              {s.label}
            </label>
          ))}
        </div>
        <FieldErrors name="sections" errors={sectionErrors} />
      </fieldset>
      <div>
        <label htmlFor="includePersonal" className="inline-flex items-start gap-2 text-sm">
          <input id="includePersonal" type="checkbox" name="includePersonal" checked={personal} onChange={(e) => setPersonal(e.target.checked)} className="mt-0.5 h-4 w-4 rounded border-stone-400" />
          {t("includePersonal")}
        </label>
        <FieldErrors name="includePersonal" errors={state.errors} />
      </div>
      <SubmitButton>{t("create")}</SubmitButton>
      {url ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          <p className="font-medium text-green-900">{t("created")}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <span className="sr-only">{t("newUrl")}: </span>
            <code data-testid="share-url" className="break-all rounded bg-white px-2 py-1 text-stone-900">
              {url}
            </code>
            <button
              type="button"
              onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}
              className="rounded-md border border-stone-300 bg-white px-3 py-1 text-sm font-medium hover:bg-stone-100"
            >
              {t("copy")}
            </button>
            <span aria-live="polite">{copied ? t("copied") : ""}</span>
          </p>
        </div>
      ) : null}
    </form>
  );
}
