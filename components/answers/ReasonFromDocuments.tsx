"use client";
// Beside the stated-reason field: the recognised text of the answer's documents, to take the
// authority's verbatim reason from. With JavaScript: select text, press "Use selection", or
// press a sentence; the field is filled at once. Without it each sentence is a submit button
// (name "takeReason") and the action hands the form back with the sentence in the field
// (lib/ocr/reason.ts). Either way the reason stays editable and nothing is saved until "Save".
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { TAKE_REASON_FIELD } from "@/lib/ocr/reason";
import type { DocumentText } from "@/lib/data/ocr-text";

const FIELD_ID = "statedReason";

export function ReasonFromDocuments({ documents, taken }: { documents: DocumentText[]; taken: boolean }) {
  const t = useTranslations("ocr.reason");
  const [js, setJs] = useState(false);
  const [note, setNote] = useState<"taken" | "noSelection" | null>(taken ? "taken" : null);
  useEffect(() => setJs(true), []);
  const withText = documents.filter((d) => d.ocrStatus === "done" && d.text.trim());
  const reading = documents.some((d) => d.ocrStatus === "pending" || d.ocrStatus === "running");
  if (!documents.length) return null;

  const fill = (value: string) => {
    const field = document.getElementById(FIELD_ID) as HTMLTextAreaElement | null;
    if (!field) return;
    field.value = value.replace(/\s+/g, " ").trim();
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus();
    setNote("taken");
  };

  return (
    <section aria-labelledby="reason-documents-title" className="space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" data-reason-documents>
      <h3 id="reason-documents-title" className="text-sm font-semibold">
        {t("title")}
      </h3>
      {withText.length ? <p className="text-xs text-stone-600">{t("hint")}</p> : <p className="text-sm text-stone-700">{t("none")}</p>}
      {reading ? <p className="text-sm text-stone-700">{t("stillReading")}</p> : null}
      {withText.map((d) => (
        <DocumentReason key={d.id} doc={d} js={js} onTake={fill} onNoSelection={() => setNote("noSelection")} />
      ))}
      <p role="status" aria-live="polite" className={note === "noSelection" ? "text-sm text-red-800" : "text-sm text-green-800"}>
        {note ? t(note) : ""}
      </p>
    </section>
  );
}

function DocumentReason({ doc, js, onTake, onNoSelection }: { doc: DocumentText; js: boolean; onTake: (s: string) => void; onNoSelection: () => void }) {
  const t = useTranslations("ocr.reason");
  const textRef = useRef<HTMLPreElement>(null);
  const useSelection = () => {
    const sel = window.getSelection();
    const box = textRef.current;
    const picked = sel && box && sel.rangeCount && box.contains(sel.getRangeAt(0).commonAncestorContainer) ? sel.toString().trim() : "";
    if (picked) onTake(picked);
    else onNoSelection();
  };
  return (
    <div className="space-y-2 border-t border-stone-200 pt-2" data-reason-document={doc.id}>
      <p className="text-sm font-medium text-stone-800">{doc.title}</p>
      <pre ref={textRef} className="max-h-64 overflow-auto whitespace-pre-wrap break-words rounded border border-stone-200 bg-white p-2 font-sans text-sm text-stone-800" data-ocr-text>
        {doc.text}
      </pre>
      {js ? (
        // mousedown would clear the selection before the click reads it.
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={useSelection} className="rounded-md border border-stone-300 bg-white px-3 py-1 text-sm font-medium hover:bg-stone-100">
          {t("useSelection")}
        </button>
      ) : null}
      {doc.sentences.length ? (
        <details open={doc.sentences.length <= 12}>
          <summary className="cursor-pointer text-sm text-stone-700">{t("sentences", { title: doc.title })}</summary>
          <ul className="mt-1 space-y-1">
            {doc.sentences.map((s, i) => (
              <li key={i}>
                <button
                  type="submit"
                  name={TAKE_REASON_FIELD}
                  value={s}
                  formNoValidate
                  title={t("useSentence")}
                  onClick={(e) => {
                    e.preventDefault();
                    onTake(s);
                  }}
                  className="w-full rounded border border-transparent px-2 py-1 text-left text-sm text-stone-800 hover:border-stone-300 hover:bg-white"
                  data-reason-sentence
                >
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
