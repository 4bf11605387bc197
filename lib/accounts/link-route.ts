import "server-only";
// A GET that came from an email link with ?t=TOKEN: the token goes into a short httpOnly cookie
// and the answer is a 303 to a clean address, with no Referer sent anywhere from here.
import { isHttps } from "../security/headers";
import { linkCookieOptions } from "./link-cookie";

export function moveTokenToCookie(req: Request, cookie: { name: string; path: string; maxAge: number }, to: string): Response {
  const url = new URL(req.url);
  const token = url.searchParams.get("t") ?? "";
  const o = linkCookieOptions(cookie, isHttps(req.url, req.headers.get("x-forwarded-proto")));
  const value = /^[A-Za-z0-9._~-]{16,2000}$/.test(token) ? token : "";
  const parts = [`${cookie.name}=${value}`, `Path=${o.path}`, `Max-Age=${value ? o.maxAge : 0}`, "HttpOnly", "SameSite=Lax", ...(o.secure ? ["Secure"] : [])];
  return new Response(null, {
    status: 303,
    headers: { location: to, "set-cookie": parts.join("; "), "referrer-policy": "no-referrer", "cache-control": "no-store" },
  });
}
