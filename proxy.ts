// Next.js runs this before every request (the successor to middleware.ts). It adds
// headers and refuses bodies too large to be a form; authorization is checked in each page,
// route handler and server action, never here. A visitor without a session asking for a
// public page is answered from the anonymous page cache (lib/page-cache) when it holds the
// page at the current data version.
import { NextResponse, type NextRequest } from "next/server";
import { bodyTooLarge, createNonce, isApiPath, isFilePath, isHttps, isSharePath, securityHeaders } from "@/lib/security/headers";
import { requestLocale, translator } from "@/lib/api/i18n";
import { UPLOAD_PATH, maxRequestBytes } from "@/lib/files/limits";
import { answerFromCache, isCacheRender } from "@/lib/page-cache/serve";

/** Built files: the same headers every time, and no nonce (they are not pages; the policy is the API's, nothing may run or frame them). */
const STATIC_HEADERS = Object.entries(securityHeaders({ https: false, development: false, api: true }));

export async function proxy(request: NextRequest) {
  const pathname = request.nextUrl.pathname;
  if (pathname.startsWith("/_next/static/")) {
    const response = NextResponse.next();
    for (const [name, value] of STATIC_HEADERS) response.headers.set(name, value);
    return response;
  }
  // The page cache's own render: rendered without a nonce, for the cache to hash.
  if (isCacheRender(request.headers)) return NextResponse.next();
  const https = isHttps(request.url, request.headers.get("x-forwarded-proto"));
  if (request.method === "GET") {
    const cached = await answerFromCache(request, { origin: process.env["__NEXT_PRIVATE_ORIGIN"] || request.nextUrl.origin, https });
    if (cached) return cached;
  }
  const nonce = createNonce();
  const api = isApiPath(pathname);
  const headers = securityHeaders({
    nonce,
    https,
    development: process.env.NODE_ENV === "development",
    api,
    share: isSharePath(pathname),
    file: isFilePath(pathname),
  });
  // Attached scans are larger than any form: the upload route has its own limit (and checks it again).
  const limit = pathname === UPLOAD_PATH ? maxRequestBytes() : undefined;
  if (bodyTooLarge(request.method, request.headers.get("content-length"), limit)) {
    // Answered before anything reads the body (a 10 MB post used to fail as a 500).
    const message = translator(requestLocale(request), "errors")("body_too_large");
    const response = api
      ? NextResponse.json({ error: { code: "payload_too_large", message } }, { status: 413 })
      : new NextResponse(message, { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
    response.headers.set("connection", "close");
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// No matcher: every response, static assets included, gets the headers.
