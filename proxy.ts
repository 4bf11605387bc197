// Next.js 16 runs this before every request (the successor to middleware.ts). It only adds
// headers: authorization is checked in each page, route handler and server action, never here.
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, isApiPath, isHttps, securityHeaders } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    https: isHttps(request.url, request.headers.get("x-forwarded-proto")),
    development: process.env.NODE_ENV === "development",
    api: isApiPath(request.nextUrl.pathname),
    shareLink: request.nextUrl.pathname.startsWith("/s/"),
  });
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// No matcher: every response, static assets included, gets the headers.
