// /s/<token>/files/<id>: a document of a shared case file. Served only when the link is open
// (passcode given, not expired or revoked), its sections include "documents", and the file is
// one the link's case file lists (its record is in a section the link shares). Anything else:
// the same 404 as a file that does not exist.
import { resolveLocale } from "@/lib/i18n/request";
import { loadSharedCaseFile, openShareLink } from "@/lib/data/share-links";
import { attachmentBytes } from "@/lib/data/attachments";
import { documentResponse, notFoundResponse } from "@/lib/files/response";
import { PASS_COOKIE, clientAddress, readCookie, refusal, seeOther } from "../../../_share/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ token: string; id: string }> }): Promise<Response> {
  const { token, id } = await params;
  const locale = await resolveLocale();
  const now = new Date();
  const result = await openShareLink(token, { address: clientAddress(req), passcodeCookie: readCookie(req, PASS_COOKIE) }, now);
  if (result.kind === "passcode_required") return seeOther(`/s/${token}`);
  if (result.kind !== "ok") return refusal(result, locale, token);
  const file = await loadSharedCaseFile(result.link, locale, now);
  const exhibit = file.exhibits.find((e) => e.id === id);
  if (!exhibit) return notFoundResponse();
  const bytes = await attachmentBytes(exhibit);
  if (!bytes) return notFoundResponse();
  const response = documentResponse(bytes, exhibit, new URL(req.url).searchParams.get("download") === "1");
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}
