// Request and response plumbing for the share-link routes.
import type { Locale } from "@/lib/i18n/config";
import { SHARE_CSP } from "@/lib/security/headers";
import { pdfResponse } from "@/lib/pdf/response";
import type { OpenResult } from "@/lib/data/share-links";
import { goneDocument, passcodeDocument, rateLimitedDocument } from "@/components/share/documents";

export const PASS_COOKIE = "share_pass";

export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}

/**
 * The client's address for the rate limiter and the (hashed) access log. The last
 * X-Forwarded-For entry is the one added by the proxy in front of the app (or by the
 * Next.js server itself); earlier entries are whatever the client chose to send.
 */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last || req.headers.get("x-real-ip") || "unknown";
}

const COMMON_HEADERS: Record<string, string> = {
  "X-Robots-Tag": "noindex, nofollow, noarchive",
  "Cache-Control": "private, no-store",
  // The token is in the URL: never send it on to the sites a source links to.
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": SHARE_CSP,
};

export function htmlResponse(html: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...COMMON_HEADERS, ...headers } });
}

export function sharedPdfResponse(pdf: Buffer, title: string): Response {
  return pdfResponse(pdf, title, COMMON_HEADERS);
}

export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...COMMON_HEADERS, ...headers } });
}

/** The answer for every outcome except a successful opening. */
export function refusal(result: Exclude<OpenResult, { kind: "ok" }>, locale: Locale, token: string): Response {
  switch (result.kind) {
    case "rate_limited":
      return htmlResponse(rateLimitedDocument(locale, result.retryAfterSeconds), 429, { "Retry-After": String(Math.max(1, result.retryAfterSeconds)) });
    case "invalid":
      return htmlResponse(goneDocument(locale), 410);
    case "passcode_required":
      return htmlResponse(passcodeDocument(locale, token, result.wrongPasscode), result.wrongPasscode ? 401 : 200);
  }
}
