// Which requests the anonymous page cache may answer, and under what key. Pure: no Next.js,
// no database, so the proxy uses it and a test pins it.
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
 * A signed-in member (or anyone holding a session cookie, even an expired one) always gets a
 * page rendered for them: the cache holds what a visitor without a session sees, nothing else.
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
 * A full-page GET for HTML by a visitor without a session. Client-side navigations (RSC
 * payloads), prefetches and server actions go to the renderer as before.
 */
export function isCacheableRequest(r: CacheableRequest): boolean {
  if (r.method !== "GET") return false;
  if (!isCacheablePath(r.pathname)) return false;
  const h = r.headers;
  if (h.get("rsc") || h.get("next-router-prefetch") || h.get("next-router-state-tree") || h.get("next-action")) return false;
  if (r.search.includes("_rsc=")) return false;
  const accept = h.get("accept");
  if (accept && !accept.includes("text/html") && !accept.includes("*/*")) return false;
  return !hasSession(cookieNames(h.get("cookie")));
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

export function localeFromCookies(cookies: Map<string, string>): Locale | null {
  const v = cookies.get(LOCALE_COOKIE);
  return isLocale(v) ? v : null;
}
