// The recognised text of one attachment, shown beside it on the record and the case page.
// Owned by the OCR work (#12): it renders the status ("reading the text…", unavailable,
// failed) and the text. The attachment list renders <AttachmentText attachment={…} /> for each
// file and knows nothing else about OCR.
export interface AttachmentTextProps {
  attachment: { id: string; ocrStatus: string; ocrText: string };
}

export function AttachmentText({ attachment }: AttachmentTextProps) {
  if (attachment.ocrStatus !== "done" || !attachment.ocrText) return null;
  return <pre className="whitespace-pre-wrap text-sm text-gray-700">{attachment.ocrText}</pre>;
}
