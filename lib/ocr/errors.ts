// Reasons stored in Attachment.ocrError when reading fails; the page shows each in the
// reader's language (messages/<locale>/ocr.json, "errors"). Client-safe: no I/O here.
export const OCR_ERRORS = ["timeout", "file_missing", "unreadable", "not_installed"] as const;
export type OcrErrorCode = (typeof OCR_ERRORS)[number];
