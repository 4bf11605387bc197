/** The scanned letter seed-documents.ts attaches, and what tests/e2e/ocr.spec.ts expects to read from it. */
export const OCR_DOCUMENT = {
  application: "e2e-ocr-application",
  title: "March with a scanned refusal",
  lines: ["Акимат города Алматы рассмотрел уведомление.", "В проведении шествия отказано в связи", "с ремонтными работами на маршруте."],
} as const;
