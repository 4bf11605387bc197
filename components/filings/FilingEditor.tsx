"use client";
// The draft of one filing: the preview, a text area per free section, and the buttons. Works
// before JavaScript loads: "Update the preview" and "Save" post to the server action (the page
// comes back with the edits applied); the downloads post the same fields to the file route.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { draftFilingAction } from "@/lib/actions/filings";
import { initialFormState } from "@/lib/actions/form-state";
import type { FilingDocument } from "@/lib/domain/filings";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { FilingSectionView } from "./FilingPreview";

export function FilingEditor({ applicationId, initial }: { applicationId: string; initial: FilingDocument }) {
  const t = useTranslations("filings.editor");
  const [state, action] = useActionState(draftFilingAction, initialFormState);
  const doc = (state.data?.document as FilingDocument | undefined) ?? initial;
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(initial.sections.filter((s) => s.free).map((s) => [s.key, s.source])));
  const download = `/applications/${applicationId}/filings/${doc.kind}/download`;
  const secondary = "rounded-md border border-stone-300 bg-white px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100";

  return (
    <form action={action} className="space-y-5">
      <FormMessage state={state} labels="filings.fields" ns="filings" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="kind" value={doc.kind} />
      <input type="hidden" name="locale" value={doc.locale} />

      {doc.missing.length ? (
        <section aria-labelledby="missing-heading" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <h2 id="missing-heading" className="font-semibold">
            {t("missingTitle", { count: doc.missing.length })}
          </h2>
          <ul className="mt-1 list-disc pl-5" data-testid="missing-list">
            {doc.missing.map((m) => (
              <li key={m.name}>{m.note}</li>
            ))}
          </ul>
          <p className="mt-1 text-stone-700">{t("missingHint")}</p>
        </section>
      ) : (
        <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{t("nothingMissing")}</p>
      )}
      {doc.deadline ? <p className="text-sm">{t("deadline", { date: doc.deadline.date })}</p> : null}

      <article lang={doc.locale} className="rounded-md border border-stone-300 bg-white p-6 font-serif text-[15px] leading-relaxed shadow-sm" aria-label={t("previewLabel")}>
        <h2 className="mb-4 text-center text-lg font-bold">{doc.title}</h2>
        {doc.sections.map((s) => (
          <div key={s.key}>
            <FilingSectionView section={s} />
            {s.free ? (
              <div className="mt-2 rounded-md bg-stone-50 p-2 font-sans">
                <label htmlFor={`edit_${s.key}`} className="block text-xs font-medium text-stone-700">
                  {t("editSection", { section: s.heading ?? t(`section.${s.key}`) })}
                </label>
                <textarea
                  id={`edit_${s.key}`}
                  name={`edit_${s.key}`}
                  rows={Math.min(14, Math.max(3, (texts[s.key] ?? s.source).split("\n").length + 1))}
                  className="mt-1 block w-full rounded-md border border-stone-300 px-2 py-1 font-mono text-xs"
                  value={texts[s.key] ?? s.source}
                  onChange={(e) => setTexts((v) => ({ ...v, [s.key]: e.target.value }))}
                />
                {doc.literalEdits.includes(s.key) ? <p className="mt-1 text-xs text-red-700">{t("literalEdit")}</p> : null}
              </div>
            ) : null}
          </div>
        ))}
      </article>
      <p className="text-xs text-stone-600">{t("placeholdersHint")}</p>

      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="secondary" name="intent" value="preview">
          {t("updatePreview")}
        </SubmitButton>
        <button type="submit" formAction={download} formMethod="post" name="format" value="docx" className={secondary}>
          {t("downloadDocx")}
        </button>
        <button type="submit" formAction={download} formMethod="post" name="format" value="pdf" className={secondary}>
          {t("downloadPdf")}
        </button>
        <SubmitButton name="intent" value="save">
          {t("save")}
        </SubmitButton>
      </div>
    </form>
  );
}
