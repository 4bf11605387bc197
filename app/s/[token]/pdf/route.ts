// /s/<token>/pdf: the shared case file as a PDF, under the same link, scope and checks.
import { resolveLocale } from "@/lib/i18n/request";
import { loadSharedCaseFile, openShareLink } from "@/lib/data/share-links";
import { renderCaseFilePdf } from "@/lib/pdf/case-file";
import { PASS_COOKIE, clientAddress, sharedPdfResponse, readCookie, refusal, seeOther } from "../../_share/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const locale = await resolveLocale();
  const now = new Date();
  const result = await openShareLink(token, { address: clientAddress(req), passcodeCookie: readCookie(req, PASS_COOKIE) }, now);
  // The passcode form lives on the page itself.
  if (result.kind === "passcode_required") return seeOther(`/s/${token}`);
  if (result.kind !== "ok") return refusal(result, locale, token);
  const file = await loadSharedCaseFile(result.link, locale, now);
  return sharedPdfResponse(await renderCaseFilePdf(file), file.title);
}
