// /s/<token>: a case file shared by a link. A route handler rather than a page, because an
// expired, revoked or unknown link must answer 410 Gone (and a guesser 429), and an App
// Router page can only answer 200 or 404.
import { resolveLocale } from "@/lib/i18n/request";
import { openShareLink, loadSharedCaseFile, passcodeCookieValue } from "@/lib/data/share-links";
import { formatInstant } from "@/lib/data/case-file";
import { sharedCaseDocument } from "@/components/share/documents";
import { isHttps } from "@/lib/security/headers";
import { PASS_COOKIE, clientAddress, htmlResponse, readCookie, refusal, seeOther } from "../_share/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

export async function GET(req: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const locale = await resolveLocale();
  const now = new Date();
  const result = await openShareLink(token, { address: clientAddress(req), passcodeCookie: readCookie(req, PASS_COOKIE) }, now);
  if (result.kind !== "ok") return refusal(result, locale, token);
  const { link } = result;
  const file = await loadSharedCaseFile(link, locale, now);
  const html = sharedCaseDocument(locale, file, {
    token,
    createdByName: link.createdByName,
    groupName: link.group.name,
    createdAt: formatInstant(link.createdAt, locale),
    expiresAt: formatInstant(link.expiresAt, locale),
  });
  return htmlResponse(html, 200);
}

/** The passcode form posts here; the right passcode earns a short-lived cookie for this link only. */
export async function POST(req: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  const locale = await resolveLocale();
  let passcode = "";
  try {
    const form = await req.formData();
    passcode = String(form.get("passcode") ?? "");
  } catch {
    // An empty or malformed body is a wrong passcode like any other.
  }
  const now = new Date();
  const result = await openShareLink(token, { address: clientAddress(req), passcode }, now);
  if (result.kind !== "ok") return refusal(result, locale, token);
  if (!result.link.passcodeHash) return seeOther(`/s/${token}`);
  const cookie = passcodeCookieValue(result.link, now);
  const secure = isHttps(req.url, req.headers.get("x-forwarded-proto")) ? "; Secure" : "";
  return seeOther(`/s/${token}`, {
    "Set-Cookie": `${PASS_COOKIE}=${encodeURIComponent(cookie.value)}; Path=/s/${token}; Max-Age=${cookie.maxAge}; HttpOnly; SameSite=Lax${secure}`,
  });
}
