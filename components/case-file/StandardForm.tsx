"use client";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { updateStandardAction } from "@/lib/actions/standards";
import { initialFormState } from "@/lib/actions/form-state";
import { TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";

export interface StandardValues {
  id: string;
  code: string;
  fingerprint: string;
  titleEn: string;
  titleRu: string;
  titleKk: string;
  bodyEn: string;
  bodyRu: string;
  bodyKk: string;
  groundCodes: string;
}

const FIELDS = ["titleEn", "titleRu", "titleKk", "bodyEn", "bodyRu", "bodyKk", "groundCodes"] as const;

// Controlled fields: React resets uncontrolled ones after each form action, and what the
// admin typed must survive an error or a conflict.
export function StandardForm({ standard, knownCodes }: { standard: StandardValues; knownCodes: string[] }) {
  const t = useTranslations("casefile.admin");
  const tl = useTranslations("translations.fields");
  const label = (k: (typeof FIELDS)[number]) => (k === "titleKk" || k === "bodyKk" ? tl(k) : t(k));
  const [state, action] = useActionState(updateStandardAction, initialFormState);
  const [values, setValues] = useState(standard);
  const [fingerprint, setFingerprint] = useState(standard.fingerprint);

  useEffect(() => {
    if (state.ok) setFingerprint(standard.fingerprint);
    else if (typeof state.data?.fingerprint === "string") setFingerprint(state.data.fingerprint);
  }, [state, standard.fingerprint]);

  const conflict = state.message === "conflict" ? (state.conflict as Partial<StandardValues> | undefined) : undefined;
  const field = (key: (typeof FIELDS)[number]) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} success={t("saved")} labels="casefile.admin" />
      <input type="hidden" name="id" value={standard.id} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <fieldset className="space-y-3">
        <legend className="font-mono text-xs text-stone-500">{standard.code}</legend>
        <TextField name="titleEn" label={t("titleEn")} required errors={state.errors} {...field("titleEn")} />
        <TextField name="titleRu" label={t("titleRu")} required errors={state.errors} {...field("titleRu")} />
        <TextArea name="bodyEn" label={t("bodyEn")} rows={8} required errors={state.errors} {...field("bodyEn")} />
        <TextField name="titleKk" label={tl("titleKk")} errors={state.errors} hint={tl("kazakhHint")} lang="kk" {...field("titleKk")} />
        <TextArea name="bodyRu" label={t("bodyRu")} rows={8} required errors={state.errors} {...field("bodyRu")} />
        <TextArea name="bodyKk" label={tl("bodyKk")} rows={8} errors={state.errors} lang="kk" {...field("bodyKk")} />
        <TextField name="groundCodes" label={t("groundCodes")} errors={state.errors} hint={t("groundCodesHint", { codes: knownCodes.join(", ") })} {...field("groundCodes")} />
      </fieldset>
      {conflict ? (
        <dl className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {FIELDS.map((k) => (
            <div key={k} className="mb-2">
              <dt className="font-medium">{label(k)}</dt>
              <dd className="whitespace-pre-line">{conflict[k] ?? ""}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
