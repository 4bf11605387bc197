// The recognised text of one attachment, shown beside it on the record and the case page.
// Owned by the OCR work (#12): it renders the status ("reading the text…", unavailable,
// failed) and the text. The attachment list renders <AttachmentText attachment={…} /> for each
// file and knows nothing else about OCR. The status is in the HTML itself (a reload shows
// progress without JavaScript); with JavaScript, OcrProgress refreshes the page until done.
import { useTranslations } from "next-intl";
import { OCR_ERRORS } from "@/lib/ocr/errors";
import { OcrProgress } from "./OcrProgress";

export interface AttachmentTextProps {
  attachment: { id: string; ocrStatus: string; ocrText: string; ocrError?: string; pageCount?: number | null };
}

/** Longer than this, the text is folded into a <details> the reader opens. */
const FOLD_CHARS = 400;
const FOLD_LINES = 6;

export function AttachmentText({ attachment: a }: AttachmentTextProps) {
  const t = useTranslations("ocr");
  const box = "mt-1 text-sm";
  if (a.ocrStatus === "pending" || a.ocrStatus === "running") {
    return (
      <div className={box} data-ocr-status={a.ocrStatus}>
        <p role="status" className="text-stone-700">
          {t("reading")} <span className="text-stone-500">{t("readingHint")}</span>
        </p>
        <OcrProgress />
      </div>
    );
  }
  if (a.ocrStatus === "unavailable") {
    return (
      <p className={`${box} text-stone-600`} data-ocr-status="unavailable">
        {t("unavailable")}
      </p>
    );
  }
  if (a.ocrStatus === "failed") {
    const code = (OCR_ERRORS as readonly string[]).includes(a.ocrError ?? "") ? (a.ocrError as string) : "unknown";
    return (
      <p className={`${box} text-red-800`} data-ocr-status="failed">
        {t("failed", { reason: t(`errors.${code}`) })}
      </p>
    );
  }
  if (a.ocrStatus !== "done") return null;
  const text = a.ocrText.trim();
  if (!text) {
    return (
      <p className={`${box} text-stone-600`} data-ocr-status="done">
        {t("empty")}
      </p>
    );
  }
  const label = a.pageCount && a.pageCount > 1 ? t("textPages", { pages: a.pageCount }) : t("text");
  const body = (
    <pre className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded border border-stone-200 bg-stone-50 p-2 font-sans text-sm text-stone-800" data-ocr-text>
      {text}
    </pre>
  );
  const long = text.length > FOLD_CHARS || text.split("\n").length > FOLD_LINES;
  if (long) {
    return (
      <details className={box} data-ocr-status="done">
        <summary className="cursor-pointer font-medium text-stone-800">{label}</summary>
        {body}
      </details>
    );
  }
  return (
    <div className={box} data-ocr-status="done">
      <p className="font-medium text-stone-800">{label}</p>
      {body}
    </div>
  );
}
