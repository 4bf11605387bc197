"use client";
// An operator's edit of a filing template: the title and each section's text, previewed
// against a sample case before saving as a new version (the old version stays).
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveTemplateAction } from "@/lib/actions/filings";
import { initialFormState } from "@/lib/actions/form-state";
import type { FilingDocument, FilingTemplateData } from "@/lib/domain/filings";
import { TextArea, TextField } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FilingSectionView } from "./FilingPreview";

export function TemplateForm({ template, preview, editable }: { template: FilingTemplateData; preview: FilingDocument; editable: boolean }) {
  const t = useTranslations("filings.settings");
  const [state, action] = useActionState(saveTemplateAction, initialFormState);
  const doc = (state.data?.document as FilingDocument | undefined) ?? preview;
  const savedVersion = typeof state.data?.version === "number" ? state.data.version : null;
  const [title, setTitle] = useState(template.title);
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(template.sections.map((s) => [s.key, s.text])));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={action} className="space-y-3">
        <FormMessage state={state} success={savedVersion ? t("saved", { version: savedVersion }) : undefined} labels="filings.fields" ns="filings" />
        <input type="hidden" name="kind" value={template.kind} />
        <input type="hidden" name="locale" value={template.locale} />
        <input type="hidden" name="baseVersion" value={savedVersion ?? template.version} />
        <TextField name="title" label={t("titleField")} required errors={state.errors} value={title} onChange={(e) => setTitle(e.target.value)} />
        {template.sections.map((s) => (
          <TextArea
            key={s.key}
            name={`text_${s.key}`}
            label={`${s.heading ?? s.key}${s.free ? ` · ${t("free")}` : ""}`}
            rows={Math.min(16, Math.max(3, (texts[s.key] ?? "").split("\n").length + 1))}
            className="font-mono"
            errors={state.errors}
            value={texts[s.key] ?? ""}
            onChange={(e) => setTexts((v) => ({ ...v, [s.key]: e.target.value }))}
          />
        ))}
        <p className="text-xs text-stone-600">{t("syntaxHint")}</p>
        <div className="flex flex-wrap gap-2">
          <SubmitButton variant="secondary" name="intent" value="preview">
            {t("preview")}
          </SubmitButton>
          {editable ? (
            <SubmitButton name="intent" value="save">
              {t("save")}
            </SubmitButton>
          ) : null}
        </div>
      </form>
      <article className="rounded-md border border-stone-300 bg-white p-5 font-serif text-sm leading-relaxed" aria-label={t("previewLabel")}>
        <p className="mb-2 font-sans text-xs text-stone-600">{t("previewIntro")}</p>
        <h2 className="mb-3 text-center font-bold">{doc.title}</h2>
        {doc.sections.map((s) => (
          <FilingSectionView key={s.key} section={s} />
        ))}
      </article>
    </div>
  );
}
