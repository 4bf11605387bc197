// A case-file PDF as a download.
import { slugify } from "../domain/slug";

export function pdfResponse(pdf: Buffer, title: string, headers: Record<string, string> = {}): Response {
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="case-file-${slugify(title)}.pdf"`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      ...headers,
    },
  });
}
