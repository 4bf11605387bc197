// /applications/<id>/filings/<kind>/download: the drafted filing as DOCX or PDF, with the
// member's edits (POST from the preview form; GET gives the template as it stands). DOCX unless format=pdf. Checked
// here: route handlers are not wrapped by the (app) layout.
import { getActor } from "@/lib/auth/session";
import { draftFiling } from "@/lib/data/filings";
import { filingFileName } from "@/lib/domain/filings";
import { renderFilingDocx } from "@/lib/docx/filing";
import { renderFilingPdf } from "@/lib/pdf/filing";
import { filingErrorResponse, fileResponse } from "@/lib/filing-response";
import { editsFrom, filingKind, filingLocale } from "@/lib/validation/filings";
import { formToObject } from "@/lib/validation/form-data";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string; kind: string }> };

async function respond(id: string, kindRaw: string, fields: Record<string, unknown>): Promise<Response> {
  const actor = await getActor();
  if (!actor) {
    const back = `/applications/${encodeURIComponent(id)}/filings`;
    return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}` } });
  }
  const kind = filingKind.safeParse(kindRaw);
  const locale = filingLocale.safeParse(fields.locale ?? "ru");
  const format = fields.format === undefined || fields.format === "docx" ? "docx" : fields.format === "pdf" ? "pdf" : null;
  if (!kind.success || !locale.success || !format) return new Response("Bad request", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  try {
    const doc = await draftFiling(actor, id, kind.data, locale.data, editsFrom(fields));
    const bytes = format === "docx" ? await renderFilingDocx(doc) : await renderFilingPdf(doc);
    return fileResponse(bytes, filingFileName(doc, format), format === "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "application/pdf");
  } catch (e) {
    return filingErrorResponse(e, locale.data);
  }
}

export async function GET(req: Request, { params }: Ctx): Promise<Response> {
  const { id, kind } = await params;
  const q = new URL(req.url).searchParams;
  return respond(id, kind, { locale: q.get("locale") ?? undefined, format: q.get("format") ?? undefined });
}

export async function POST(req: Request, { params }: Ctx): Promise<Response> {
  const { id, kind } = await params;
  // A post without a form body drafts the template as it stands (as GET does).
  const fields = await req
    .formData()
    .then(formToObject)
    .catch(() => ({}));
  return respond(id, kind, fields);
}
