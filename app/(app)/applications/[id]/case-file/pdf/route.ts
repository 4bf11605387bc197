// /applications/<id>/case-file/pdf: a member's case file as a PDF. Route handlers are not
// wrapped by the (app) layout, so this one checks the session itself.
import { getActor } from "@/lib/auth/session";
import { loadMemberCaseFile, MEMBER_SCOPE } from "@/lib/data/case-file";
import { NotFoundError } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/request";
import { renderCaseFilePdf } from "@/lib/pdf/case-file";
import { pdfResponse } from "@/lib/pdf/response";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) {
    const back = `/applications/${encodeURIComponent(id)}/case-file`;
    return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}` } });
  }
  const includePersonal = new URL(req.url).searchParams.get("personal") !== "0";
  try {
    const file = await loadMemberCaseFile(actor, id, { ...MEMBER_SCOPE, includePersonal }, await resolveLocale());
    return pdfResponse(await renderCaseFilePdf(file), file.title);
  } catch (e) {
    if (e instanceof NotFoundError) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw e;
  }
}
