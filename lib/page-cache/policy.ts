// Which requests the page cache may answer, and under what key. Pure: no Next.js, no
// database, so the proxy uses it and a test pins it.
import { isLocale, LOCALE_COOKIE, type Locale } from "../i18n/config";

/**
 * Pages that show public data only when nobody is signed in: the list, case pages, appeals,
 * incidents, statistics, sources and the home page. Forms, sign-in, share links, files and the
 * API are never cached.
 */
const CACHEABLE = [/^\/$/, /^\/applications$/, /^\/applications\/[A-Za-z0-9_-]+$/, /^\/appeals$/, /^\/incidents$/, /^\/incidents\/[A-Za-z0-9_-]+$/, /^\/stats$/, /^\/sources$/, /^\/sources\/[A-Za-z0-9_-]+$/];

/** Forms for members that share a public page's address pattern. */
const MEMBERS_ONLY = new Set(["/applications/new", "/incidents/new"]);

export function isCacheablePath(pathname: string): boolean {
  return !MEMBERS_ONLY.has(pathname) && CACHEABLE.some((re) => re.test(pathname));
}

/** The cookie names a request carries (values are never looked at beyond the locale's). */
export function cookieNames(cookie: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    const name = (i < 0 ? part : part.slice(0, i)).trim();
    if (name) out.set(name, i < 0 ? "" : part.slice(i + 1).trim());
  }
  return out;
}

/**
 * Whether the request carries a session cookie (even an expired one): such a visitor is never
 * answered from the anonymous copies, only — once the session is checked — from copies rendered
 * for that member (lib/page-cache/serve.ts).
 */
export function hasSession(cookies: Map<string, string>): boolean {
  for (const name of cookies.keys()) if (name.includes("next-auth.session-token")) return true;
  return false;
}

export interface CacheableRequest {
  method: string;
  pathname: string;
  search: string;
  headers: Headers;
}

/**
 * A full-page GET for HTML of a cacheable page: "anonymous" from a visitor without a session,
 * "session" from one with a session cookie (answered from copies rendered for that member, once
 * the session is found current), else null. Client-side navigations (RSC payloads), prefetches
 * and server actions go to the renderer as before.
 */
export function cacheableRequest(r: CacheableRequest): "anonymous" | "session" | null {
  if (r.method !== "GET") return null;
  if (!isCacheablePath(r.pathname)) return null;
  const h = r.headers;
  if (h.get("rsc") || h.get("next-router-prefetch") || h.get("next-router-state-tree") || h.get("next-action")) return null;
  if (r.search.includes("_rsc=")) return null;
  const accept = h.get("accept");
  if (accept && !accept.includes("text/html") && !accept.includes("*/*")) return null;
  return hasSession(cookieNames(h.get("cookie"))) ? "session" : "anonymous";
}

/** The day in the app's time zone: deadlines shown as "in N days" change at midnight. */
const DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty", year: "numeric", month: "2-digit", day: "2-digit" });
export function cacheDay(now = new Date()): string {
  return DAY.format(now);
}

/** Path, query (in a canonical order), locale and day: everything an anonymous page depends on besides the data. */
export function cacheKey(pathname: string, search: string, locale: Locale, day = cacheDay()): string {
  const params = new URLSearchParams(search);
  params.sort();
  const q = params.toString();
  return `${locale}|${day}|${pathname}${q ? `?${q}` : ""}`;
}

/**
 * A member's copy: the anonymous key behind the member's user id and a digest of everything the
 * app knows of them (name, groups and roles, shared cases, groups held back for two factors).
 * A page is what the renderer made for this one member, at one data version; a change to their
 * account moves both the data version and this digest.
 */
export function memberCacheKey(userId: string, accountDigest: string, pathname: string, search: string, locale: Locale, day = cacheDay()): string {
  return `member|${userId}|${accountDigest}|${cacheKey(pathname, search, locale, day)}`;
}

export function localeFromCookies(cookies: Map<string, string>): Locale | null {
  const v = cookies.get(LOCALE_COOKIE);
  return isLocale(v) ? v : null;
}
